package dev.mamori.imports.threagile;

import dev.mamori.imports.threagile.ThreagileModel.TechnicalAsset;
import dev.mamori.model.Layer;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.Suggestions;
import dev.mamori.model.load.BuiltInVocabulary;
import dev.mamori.model.syntax.ScalarNode;
import dev.mamori.model.vocabulary.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * The Mamori kind of each technical asset: its technology first, then its type and machine (the
 * tables of docs/import-threagile.md), and the layer it sits on.
 */
final class ComponentKinds {

    /**
     * The kind chosen for an asset.
     *
     * @param layer the layer the component sits on
     * @param writesLayer whether that layer is not the kind's own, so the component must say it
     */
    record ComponentKind(String kind, Layer layer, boolean writesLayer) {

        /** Whether the kind is the device kind the import declares in the model's vocabulary. */
        boolean isDeclaredIotDevice() {
            return kind.equals(ThreagileVocabulary.IOT_DEVICE);
        }
    }

    private final Vocabulary builtIn = BuiltInVocabulary.get();
    private final Diagnostics diagnostics;

    ComponentKinds(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    ComponentKind of(TechnicalAsset asset) {
        Tables.Kind chosen = chosen(asset.fields());
        Layer kindsOwn = layers(chosen.kind()).get(0);
        Layer layer = chosen.layer() != null ? chosen.layer() : kindsOwn;
        return new ComponentKind(chosen.kind(), layer, chosen.layer() != null && chosen.layer() != kindsOwn);
    }

    private Tables.Kind chosen(In asset) {
        List<ScalarNode> technologies = new ArrayList<>(asset.texts("technologies"));
        asset.scalar("technology").filter(t -> !t.text().isBlank()).ifPresent(t -> technologies.add(0, t));
        String type = asset.text("type", "process");
        for (ScalarNode t : technologies) {
            String technology = t.text().strip();
            technology = Tables.TECHNOLOGY_ALIASES.getOrDefault(technology, technology);
            if (technology.equals("unknown-technology")) {
                continue;
            }
            if (technology.equals("iot-device")) {
                // A tag naming a built-in device kind (camera, lock, …) says more than Threagile's word.
                for (String tag : Texts.texts(asset, "tags")) {
                    var k = builtIn.componentKinds().get(tag);
                    if (k != null && k.layers().contains(Layer.DEVICE)) {
                        return new Tables.Kind(tag, Layer.DEVICE);
                    }
                }
                return Tables.TECHNOLOGIES.get(technology);
            }
            if (technology.equals("gateway") && Tables.SOFTWARE_MACHINES.contains(asset.text("machine", ""))) {
                return new Tables.Kind("api", null);
            }
            Tables.Kind kind = Tables.TECHNOLOGIES.get(technology);
            if (kind != null) {
                return kind;
            }
            diagnostics.warning(
                    t.at(),
                    "imported-approximately",
                    "'" + technology + "' is not a Threagile technology this import knows"
                            + Suggestions.didYouMean(technology, Tables.TECHNOLOGIES.keySet())
                            + "; the kind is chosen from"
                            + " the asset's type (" + type + ")");
        }
        if (type.equals("datastore")) {
            return new Tables.Kind("database", null);
        }
        if (asset.bool("used_as_client_by_human")) {
            return new Tables.Kind("workstation", Layer.SERVICE);
        }
        if (asset.bool("internet") && type.equals("external-entity")) {
            return new Tables.Kind("cloud", null);
        }
        return new Tables.Kind("application", null);
    }

    private List<Layer> layers(String kind) {
        if (kind.equals(ThreagileVocabulary.IOT_DEVICE)) {
            return List.of(Layer.DEVICE);
        }
        return builtIn.componentKinds().get(kind).layers();
    }
}
