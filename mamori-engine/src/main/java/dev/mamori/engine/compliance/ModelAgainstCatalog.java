package dev.mamori.engine.compliance;

import dev.mamori.model.Control;
import dev.mamori.model.IotSystem;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.diagnostics.Suggestions;
import java.util.List;
import java.util.Optional;

/**
 * Checks what a model says about compliance against the catalog: that each control names a
 * requirement or means of the catalog, that each profile a system names exists, and that each
 * jurisdiction is known. Errors, located, with "did you mean".
 */
public final class ModelAgainstCatalog {

    private ModelAgainstCatalog() {}

    public static List<Diagnostic> check(Landscape landscape, Catalog catalog) {
        Diagnostics diagnostics = new Diagnostics();
        List<String> ids = catalog.controlIds();
        for (IotSystem system : landscape.systems().values()) {
            for (Control control : system.controls()) {
                String id = control.requirement();
                if (!ids.contains(id)) {
                    diagnostics.error(
                            control.at(),
                            "unknown-requirement",
                            "control names '" + id + "', which is neither a requirement nor a means of the catalog"
                                    + Suggestions.didYouMean(id, ids) + "; 'mamori catalog' lists them");
                    continue;
                }
                Optional<String> superseded = Optional.ofNullable(
                                catalog.requirements().get(id))
                        .flatMap(Requirement::supersededBy)
                        .or(() -> catalog.means(id).flatMap(Means::supersededBy));
                superseded.ifPresent(next -> diagnostics.warning(
                        control.at(),
                        "superseded-requirement",
                        "'" + id + "' is superseded by '" + next + "' in catalog " + catalog.version()
                                + "; declare the control for '" + next + "'"));
            }
            system.profile()
                    .filter(p -> !catalog.profiles().containsKey(p))
                    .ifPresent(p -> diagnostics.error(
                            system.at(),
                            "unknown-profile",
                            "system " + system.id() + " names profile '" + p + "', which the catalog does not have"
                                    + Suggestions.didYouMean(
                                            p, catalog.profiles().keySet()) + "; known: "
                                    + String.join(", ", catalog.profiles().keySet())));
        }
        for (Ref j : landscape.jurisdictions()) {
            if (!catalog.jurisdictions().containsKey(j.text())) {
                diagnostics.error(
                        j.at(),
                        "unknown-jurisdiction",
                        "no jurisdiction '" + j.text() + "'"
                                + Suggestions.didYouMean(
                                        j.text(), catalog.jurisdictions().keySet()) + "; known: "
                                + String.join(", ", catalog.jurisdictions().keySet()));
            }
        }
        return diagnostics.sorted();
    }
}
