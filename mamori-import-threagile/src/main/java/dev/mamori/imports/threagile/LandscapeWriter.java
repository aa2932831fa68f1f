package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.Out.OutList;
import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.SystemPlan.Stakeholder;
import dev.mamori.imports.threagile.ThreagileImporter.Options;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.PlainValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the Mamori landscape a planned Threagile model becomes: the landscape and its one system,
 * then each part in the order a reader of the output expects (zones, components, flows, data,
 * stakeholders, treatments), the vocabulary the import adds, and the comments for what has no
 * counterpart.
 */
final class LandscapeWriter {

    private final ThreagileModel model;
    private final SystemPlan plan;
    private final Options options;
    private final Diagnostics diagnostics;
    private final In root;
    private final NotImported notImported = new NotImported();

    LandscapeWriter(ThreagileModel model, SystemPlan plan, Options options, Diagnostics diagnostics) {
        this.model = model;
        this.plan = plan;
        this.options = options;
        this.diagnostics = diagnostics;
        this.root = model.root();
    }

    /** Writes the landscape; {@code files} are the Threagile files read, for the result. */
    ImportResult write(List<String> files) {
        OutMap landscape = new OutMap(root.at());
        landscape.put("mamori", root.at(), 1);
        landscape.put("landscape", root.at("title"), plan.name());
        landscape.put("description", root.at(), provenance());
        // Placed here so that the vocabulary comes first in the output; removed when nothing is added.
        OutMap vocabulary = landscape.map("vocabulary", root.at());
        OutMap stakeholders = landscape.map("stakeholders", root.at());
        OutMap system = landscape.map("systems", root.at()).map(plan.id(), root.at("title"));
        system.put("name", root.at("title"), plan.name());
        system.put("owner", root.at(), plan.ownerId());
        system.put("category", root.at(), options.category());
        system.putIfPresent("description", root.at("business_overview"), systemDescription());
        ZoneWriter.write(model, plan.zones(), system);
        new ComponentWriter(model, plan, diagnostics).write(system);
        FlowWriter.WrittenFlows flows = new FlowWriter(model, plan, diagnostics).write(system, notImported);
        DataWriter.write(model, plan, system);
        writeStakeholders(stakeholders);
        OutList treatments = new OutList(root.at("risk_tracking"));
        new TreatmentWriter(model, plan, flows.factsByLink(), options.today(), diagnostics, notImported)
                .write(treatments);
        if (!treatments.items.isEmpty()) {
            landscape.put("treatments", root.at("risk_tracking"), treatments);
        }
        writeVocabulary(vocabulary, flows);
        if (vocabulary.isEmpty()) {
            landscape.entries().remove("vocabulary");
        }
        notImported.quoteUnmappedSections(root, diagnostics);
        NotImported.warnAboutLayoutHints(model.layoutHints(), diagnostics);
        List<String> header = List.of(
                "Imported from the Threagile model " + model.file() + " by 'mamori import threagile'.",
                "The mapping is described in docs/import-threagile.md; what has no Mamori key is kept in"
                        + " comments like this one or in tags, and was reported as a warning.");
        return new ImportResult(landscape, header, notImported.lines(), diagnostics.sorted(), files);
    }

    /** Where the model comes from: the file, and Threagile's version, date, author and contributors. */
    private String provenance() {
        List<String> parts = new ArrayList<>();
        root.text("threagile_version").ifPresent(v -> parts.add("Threagile version " + v));
        root.text("date").ifPresent(d -> parts.add("dated " + d));
        root.map("author")
                .flatMap(a -> new In(a, "author", diagnostics).text("name"))
                .ifPresent(n -> parts.add("by " + n));
        List<String> contributors = new ArrayList<>();
        root.value("contributors").ifPresent(c -> {
            if (PlainValues.of(c) instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> m && m.get("name") != null) {
                        contributors.add(m.get("name").toString());
                    }
                }
            }
        });
        if (!contributors.isEmpty()) {
            parts.add("with " + String.join(", ", contributors));
        }
        return "Imported from the Threagile model " + model.file()
                + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")") + ".";
    }

    /** The business overview and criticality; the overview's images are quoted at the end. */
    private String systemDescription() {
        List<String> parts = new ArrayList<>();
        root.map("business_overview").ifPresent(o -> {
            In overview = new In(o, "business overview", diagnostics);
            overview.text("description").ifPresent(parts::add);
            if (overview.value("images")
                    .filter(i -> PlainValues.of(i) instanceof List<?> l && !l.isEmpty())
                    .isPresent()) {
                diagnostics.warning(
                        overview.at("images"),
                        "not-imported",
                        "the business overview's images belong to Threagile's report; they are not imported");
                notImported.quote(
                        "business_overview images (" + overview.at("images") + ")",
                        PlainValues.of(overview.value("images").get()));
            }
        });
        root.text("business_criticality").ifPresent(c -> parts.add("Business criticality in Threagile: " + c + "."));
        return String.join(" ", parts);
    }

    private void writeStakeholders(OutMap out) {
        for (Stakeholder stakeholder : plan.stakeholders().values()) {
            OutMap s = out.map(stakeholder.id(), root.at());
            s.put("name", root.at(), stakeholder.name());
            if (!stakeholder.roles().isEmpty()) {
                s.put("roles", root.at(), stakeholder.roles());
            }
        }
    }

    /** What the import declares for words Mamori's built-in vocabulary lacks. */
    private void writeVocabulary(OutMap out, FlowWriter.WrittenFlows flows) {
        if (plan.usesIotDeviceKind()) {
            OutMap kind = out.map("component-kinds", root.at()).map(ThreagileVocabulary.IOT_DEVICE, root.at());
            kind.put("layers", root.at(), List.of("device"));
            kind.put("description", root.at(), ThreagileVocabulary.IOT_DEVICE_DESCRIPTION);
        }
        if (flows.usesHostLocal()) {
            OutMap means = out.map("encryption", root.at()).map(ThreagileVocabulary.HOST_LOCAL, root.at());
            means.put("strength", root.at(), "strong");
            means.put("description", root.at(), ThreagileVocabulary.HOST_LOCAL_DESCRIPTION);
        }
        for (String p : flows.addedProtocols()) {
            OutMap protocol = out.map("protocols", root.at()).map(p, root.at());
            ThreagileVocabulary.declaration(ThreagileVocabulary.PROTOCOLS.get(p))
                    .forEach((k, v) -> protocol.put(k, root.at(), v));
        }
    }
}
