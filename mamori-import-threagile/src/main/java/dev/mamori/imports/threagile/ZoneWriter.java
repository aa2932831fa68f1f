package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.ThreagileModel.TrustBoundary;
import dev.mamori.model.Scales.ZoneKind;
import dev.mamori.model.Words;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Writes the zones of the system, one for each trust boundary that is a network segment, as the
 * {@link ZonePlan} decided; an execution environment is said in a comment among them.
 */
final class ZoneWriter {

    /** A boundary named DMZ is one: Threagile has no kind of zone, only the name says it. */
    private static final Pattern DMZ = Pattern.compile("(^|[^a-z])dmz([^a-z]|$)");

    private ZoneWriter() {}

    static void write(ThreagileModel model, ZonePlan plan, OutMap system) {
        In root = model.root();
        OutMap zones = new OutMap(root.at("trust_boundaries"));
        for (TrustBoundary b : model.trustBoundaries().values()) {
            Optional<String> parent = plan.parentOf(b.id());
            if (b.isExecutionEnvironment()) {
                zones.trailing.add(b.id() + " (" + b.title() + ") is a Threagile execution environment, not a network"
                        + " segment: its components sit in the zone around it"
                        + parent.map(p -> " (" + plan.networkAround(p).orElse("none") + ")")
                                .orElse("")
                        + " and are tagged execution-environment:" + b.id()
                        + b.fields().text("description").map(d -> ". " + d).orElse("")
                        + Texts.tags(b.fields(), "; Threagile tags: "));
                continue;
            }
            OutMap zone = zones.map(plan.zoneId(b.id()).orElseThrow(), b.at());
            zone.put("name", b.at(), b.title());
            String lower = (b.id() + " " + b.title()).toLowerCase(Locale.ROOT);
            if (DMZ.matcher(lower).find()) {
                zone.put("kind", b.fields().at("type"), Words.of(ZoneKind.DMZ));
            }
            zone.put("description", b.at(), Texts.sentence(b.fields().text("description", ""), about(b, parent)));
        }
        if (!zones.isEmpty() || !zones.trailing.isEmpty()) {
            system.put("zones", root.at("trust_boundaries"), zones);
        }
    }

    /** What Threagile says of a boundary that Mamori has no key for. */
    private static String about(TrustBoundary b, Optional<String> parent) {
        List<String> about = new ArrayList<>();
        about.add("Threagile trust boundary of type " + b.type());
        parent.ifPresent(p -> about.add("nested in " + p));
        List<String> nested = b.fields().texts("trust_boundaries_nested").stream()
                .map(ScalarNode::text)
                .toList();
        if (!nested.isEmpty()) {
            about.add("holds " + String.join(", ", nested));
        }
        String tags = Texts.tags(b.fields(), "Threagile tags: ");
        if (!tags.isEmpty()) {
            about.add(tags);
        }
        return String.join("; ", about);
    }
}
