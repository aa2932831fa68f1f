package dev.mamori.imports.threagile;

import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.Node;
import dev.mamori.model.syntax.PlainValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What has no Mamori counterpart at all, a whole section or element: quoted in comments at the end
 * of the output, each with the place it came from, so that nothing disappears without a word.
 */
final class NotImported {

    /** Sections with no Mamori counterpart. */
    private static final List<String> UNMAPPED_SECTIONS = List.of(
            "application_description",
            "technical_overview",
            "management_summary_comment",
            "security_requirements",
            "questions",
            "abuse_cases",
            "individual_risk_categories",
            "custom_risk_categories");

    /** The comment lines, in the order things were quoted. */
    private final List<String> lines = new ArrayList<>();

    /** Quotes {@code plain} (maps, lists, texts) under "Not imported: {@code title}". */
    void quote(String title, Object plain) {
        lines.add("Not imported: " + title);
        for (String line : YamlWriter.plain(plain).split("\n")) {
            lines.add("  " + line);
        }
    }

    /** Quotes every section of the model that Mamori has no counterpart for, with a warning each. */
    void quoteUnmappedSections(In root, Diagnostics diagnostics) {
        for (String section : UNMAPPED_SECTIONS) {
            Optional<Node> value = root.value(section);
            if (value.isEmpty()) {
                continue;
            }
            Object plain = PlainValues.of(value.get());
            if (plain instanceof Map<?, ?> m && m.isEmpty() || plain instanceof List<?> l && l.isEmpty()) {
                continue;
            }
            diagnostics.warning(
                    root.at(section),
                    "not-imported",
                    "'" + section + "' has no Mamori counterpart; it is kept as a comment at the end of the file");
            quote(section + " (" + root.at(section) + ")", plain);
        }
    }

    /** One warning for all the diagram layout hints: they only place boxes in Threagile's diagram. */
    static void warnAboutLayoutHints(ThreagileModel.LayoutHints hints, Diagnostics diagnostics) {
        if (hints.count() > 0) {
            diagnostics.warning(
                    hints.first(),
                    "not-imported",
                    "diagram layout hints (diagram_tweak_…, " + hints.count() + " in this model) only place boxes in"
                            + " Threagile's diagram; they are not imported");
        }
    }

    List<String> lines() {
        return lines;
    }
}
