package dev.mamori.cli;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.engine.compliance.ModelAgainstCatalog;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requirement catalog a landscape is judged against: the built-in one, extended by the catalog
 * files the landscape names ({@code catalogs:}, relative to the file that names them); and the check
 * of the model's controls, profiles and jurisdictions against it, so that every command that reads a
 * model reports them as located errors.
 */
final class CatalogInput {

    private CatalogInput() {}

    static CatalogReader.Result load(Landscape landscape, Path workingDirectory) {
        Diagnostics unreadable = new Diagnostics();
        List<CatalogReader.Source> sources = new ArrayList<>();
        for (Ref ref : landscape.catalogs()) {
            Path base =
                    Optional.ofNullable(Path.of(ref.at().file()).getParent()).orElse(Path.of(""));
            Path file = base.resolve(ref.text()).normalize();
            try {
                sources.add(
                        new CatalogReader.Source(file.toString(), Files.readAllBytes(workingDirectory.resolve(file))));
            } catch (IOException e) {
                unreadable.error(
                        ref.at(),
                        "unreadable-catalog",
                        "cannot read the catalog file " + file + " ("
                                + e.getClass().getSimpleName()
                                + "); 'catalogs' paths are relative to the file that names them");
            }
        }
        CatalogReader.Result result = CatalogReader.extend(CatalogReader.builtIn(), sources);
        if (unreadable.sorted().isEmpty()) {
            return result;
        }
        List<Diagnostic> all = new ArrayList<>(unreadable.sorted());
        all.addAll(result.diagnostics());
        return new CatalogReader.Result(result.catalog(), all);
    }

    /** The load result with the catalog's problems and the model's problems against it added. */
    static LoadResult check(LoadResult loaded, Path workingDirectory) {
        if (!loaded.valid()) {
            return loaded;
        }
        Landscape landscape = loaded.landscape().orElseThrow();
        CatalogReader.Result catalog = load(landscape, workingDirectory);
        List<Diagnostic> all = new ArrayList<>(loaded.diagnostics());
        all.addAll(catalog.diagnostics());
        if (catalog.valid()) {
            all.addAll(ModelAgainstCatalog.check(landscape, catalog.catalog()));
        }
        all.sort(Diagnostic.IN_FILE_ORDER);
        boolean errors = all.stream().anyMatch(d -> d.severity() == dev.mamori.model.diagnostics.Severity.ERROR);
        return new LoadResult(errors ? Optional.empty() : loaded.landscape(), all);
    }

    /** The catalog of a landscape already checked by {@link #check}. */
    static Catalog of(Landscape landscape, Path workingDirectory) {
        return load(landscape, workingDirectory).catalog();
    }
}
