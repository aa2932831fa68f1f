package dev.mamori.cli;

import dev.mamori.engine.compliance.Catalog;
import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.engine.compliance.ModelAgainstCatalog;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.load.RefusedFileException;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.nio.file.InvalidPathException;
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
        return load(landscape, workingDirectory, null);
    }

    /**
     * The catalog files are read only inside the landscape folder ({@code root}, or the folder of the
     * landscape's first file), as regular files of bounded size, like the model's imports.
     */
    static CatalogReader.Result load(Landscape landscape, Path workingDirectory, Path root) {
        Diagnostics unreadable = new Diagnostics();
        List<CatalogReader.Source> sources = new ArrayList<>();
        ModelSource source = landscape.catalogs().isEmpty()
                ? null
                : ModelSource.confined(
                        workingDirectory,
                        ModelInput.landscapeRoot(
                                workingDirectory, Path.of(landscape.files().get(0)), root),
                        List.of(),
                        ReadLimits.DEFAULT.maxFileBytes());
        for (Ref ref : landscape.catalogs()) {
            Path base =
                    Optional.ofNullable(Path.of(ref.at().file()).getParent()).orElse(Path.of(""));
            try {
                if (Path.of(ref.text()).isAbsolute()) {
                    unreadable.error(
                            ref.at(),
                            "outside-landscape",
                            "cannot read the catalog '" + ref.text() + "': 'catalogs' paths are relative to the file"
                                    + " that names them, inside the landscape folder, and this one is absolute");
                    continue;
                }
                Path file = base.resolve(ref.text()).normalize();
                Optional<byte[]> bytes = source.read(file);
                if (bytes.isPresent()) {
                    sources.add(new CatalogReader.Source(file.toString(), bytes.get()));
                } else {
                    unreadable.error(
                            ref.at(),
                            "unreadable-catalog",
                            "cannot read the catalog '" + ref.text() + "': there is no file " + file
                                    + "; 'catalogs' paths are relative to the file that names them");
                }
            } catch (RefusedFileException e) {
                unreadable.error(ref.at(), e.code(), "cannot read the catalog '" + ref.text() + "': " + e.getMessage());
            } catch (IOException | InvalidPathException e) {
                unreadable.error(
                        ref.at(),
                        "unreadable-catalog",
                        "cannot read the catalog '" + ref.text()
                                + "'; 'catalogs' paths are relative to the file that names them");
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
        return check(loaded, workingDirectory, null);
    }

    /** As above, with the landscape folder given ({@code null}: the first model file's folder). */
    static LoadResult check(LoadResult loaded, Path workingDirectory, Path root) {
        if (!loaded.valid()) {
            return loaded;
        }
        Landscape landscape = loaded.landscape().orElseThrow();
        CatalogReader.Result catalog = load(landscape, workingDirectory, root);
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
