package dev.mamori.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Map;

/**
 * The page templates (src/main/jte), compiled to Java at build time by jte's Maven plugin: at run
 * time they are plain classes, and every {@code ${…}} in them is escaped for where it stands.
 */
final class Templates {

    private final TemplateEngine engine =
            TemplateEngine.createPrecompiled(null, ContentType.Html, null, "dev.mamori.server.web.templates");

    String render(String template, Map<String, Object> parameters) {
        StringOutput out = new StringOutput();
        engine.render(template, parameters, out);
        return out.toString();
    }
}
