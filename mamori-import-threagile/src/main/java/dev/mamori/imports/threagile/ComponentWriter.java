package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ComponentKinds.ComponentKind;
import dev.mamori.imports.threagile.Out.OutMap;
import dev.mamori.imports.threagile.ThreagileModel.SharedRuntime;
import dev.mamori.imports.threagile.ThreagileModel.TechnicalAsset;
import dev.mamori.model.Words;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.syntax.ScalarNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes each technical asset as a component of the system: the kind, zone and ids the plan chose,
 * what Mamori has keys for, and the rest in its description after "Threagile:" or as tags.
 */
final class ComponentWriter {

    private final ThreagileModel model;
    private final SystemPlan plan;
    private final Diagnostics diagnostics;

    ComponentWriter(ThreagileModel model, SystemPlan plan, Diagnostics diagnostics) {
        this.model = model;
        this.plan = plan;
        this.diagnostics = diagnostics;
    }

    void write(OutMap system) {
        Map<String, List<String>> runtimesOfAsset = sharedRuntimesOfAssets();
        OutMap components = system.map("components", model.root().at("technical_assets"));
        for (TechnicalAsset asset : model.technicalAssets().values()) {
            In in = asset.fields();
            OutMap c = components.map(plan.componentIds().get(asset.id()), asset.at());
            c.put("name", asset.at(), asset.title());
            ComponentKind kind = plan.componentKinds().get(asset.id());
            c.put("kind", in.at("technology"), kind.kind());
            if (kind.writesLayer()) {
                c.put("layer", in.at("technology"), Words.of(kind.layer()));
            }
            plan.zones().zoneOf(asset.id()).ifPresent(z -> c.put("zone", asset.at(), z));
            in.text("owner").ifPresent(o -> c.put("operator", in.at("owner"), plan.stakeholderId(o)));
            if (in.bool("internet")) {
                c.put("exposure", in.at("internet"), "internet");
            }
            if (in.bool("multi_tenant")) {
                c.put("tenancy", in.at("multi_tenant"), "multi-shared");
            }
            Set<String> stores = new LinkedHashSet<>();
            in.texts("data_assets_processed")
                    .forEach(d -> stores.add(plan.dataIds().get(d.text())));
            in.texts("data_assets_stored")
                    .forEach(d -> stores.add(plan.dataIds().get(d.text())));
            c.putIfPresent("stores", in.at("data_assets_stored"), List.copyOf(stores));
            List<String> tags = new ArrayList<>(Texts.texts(in, "tags"));
            if (in.bool("out_of_scope")) {
                tags.add("out-of-scope");
                diagnostics.warning(
                        in.at("out_of_scope"),
                        "imported-approximately",
                        "technical asset '" + asset.title() + "' is out of scope in Threagile; Mamori has no scope and"
                                + " assesses it like any component (it is tagged out-of-scope)");
            }
            plan.zones().environmentsOf(asset.id()).forEach(e -> tags.add("execution-environment:" + e));
            runtimesOfAsset.getOrDefault(asset.id(), List.of()).forEach(r -> tags.add("shared-runtime:" + r));
            c.putIfPresent("tags", in.at("tags"), tags);
            c.putIfPresent("description", asset.at(), Texts.sentence(in.text("description", ""), facts(in)));
        }
    }

    /** Mamori has no shared runtime: the assets that run on one are tagged with it, and a warning says so. */
    private Map<String, List<String>> sharedRuntimesOfAssets() {
        Map<String, List<String>> runtimesOfAsset = new HashMap<>();
        for (SharedRuntime r : model.sharedRuntimes().values()) {
            List<ScalarNode> running = r.fields().texts("technical_assets_running");
            running.forEach(a -> runtimesOfAsset
                    .computeIfAbsent(a.text(), k -> new ArrayList<>())
                    .add(r.id()));
            diagnostics.warning(
                    r.at(),
                    "imported-approximately",
                    "Mamori has no shared runtime: its " + running.size()
                            + " technical assets are tagged shared-runtime:" + r.id()
                            + ", but that they fall together is not analysed");
        }
        return runtimesOfAsset;
    }

    /** What Threagile says of an asset that has no Mamori key, as a sentence of its description. */
    private static String facts(In in) {
        List<String> facts = new ArrayList<>();
        List<String> technologies = new ArrayList<>();
        in.text("technology").ifPresent(technologies::add);
        in.texts("technologies").forEach(t -> technologies.add(t.text()));
        if (!technologies.isEmpty()) {
            facts.add("technology " + String.join(", ", technologies));
        }
        for (String key : List.of("type", "size", "machine", "usage")) {
            in.text(key).ifPresent(v -> facts.add(key + " " + v));
        }
        in.text("encryption").ifPresent(v -> facts.add("encryption at rest " + v));
        Optional<String> c = in.text("confidentiality");
        Optional<String> i = in.text("integrity");
        Optional<String> a = in.text("availability");
        if (c.isPresent() || i.isPresent() || a.isPresent()) {
            facts.add("C/I/A " + c.orElse("-") + "/" + i.orElse("-") + "/" + a.orElse("-")
                    + in.text("justification_cia_rating")
                            .map(j -> " (" + j + ")")
                            .orElse(""));
        }
        if (in.bool("used_as_client_by_human")) {
            facts.add("used as a client by people");
        }
        if (in.bool("redundant")) {
            facts.add("redundant");
        }
        if (in.bool("custom_developed_parts")) {
            facts.add("custom-developed parts");
        }
        List<String> formats = Texts.texts(in, "data_formats_accepted");
        if (!formats.isEmpty()) {
            facts.add("accepts " + String.join(", ", formats));
        }
        if (in.bool("out_of_scope")) {
            facts.add("out of scope"
                    + in.text("justification_out_of_scope")
                            .map(j -> " (" + j + ")")
                            .orElse(""));
        }
        return facts.isEmpty() ? "" : "Threagile: " + String.join("; ", facts);
    }
}
