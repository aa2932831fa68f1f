package dev.mamori.app;

import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.load.RefusedFileException;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The requirement catalog a landscape is judged against: the built-in one, extended by the catalog
 * files the landscape names ({@code catalogs:}, relative to the file that names them), read through
 * the same source as the model so that they obey the same confinement and limits.
 */
final class LandscapeCatalogs {

    private LandscapeCatalogs() {}

    static CatalogReader.Result read(ModelSource source, Landscape landscape) {
        Diagnostics unreadable = new Diagnostics();
        List<CatalogReader.Source> sources = new ArrayList<>();
        for (Ref ref : landscape.catalogs()) {
            String cannot = "cannot read the catalog '" + ref.text() + "'";
            if (isAbsolute(ref.text())) {
                unreadable.error(
                        ref.at(),
                        "outside-landscape",
                        cannot + ": 'catalogs' paths are relative to the file that names them, inside the"
                                + " landscape folder, and this one is absolute");
                continue;
            }
            Path base =
                    Optional.ofNullable(Path.of(ref.at().file()).getParent()).orElse(Path.of(""));
            try {
                Path file = base.resolve(ref.text()).normalize();
                Optional<byte[]> bytes = source.read(file);
                if (bytes.isPresent()) {
                    sources.add(new CatalogReader.Source(file.toString(), bytes.get()));
                } else {
                    unreadable.error(
                            ref.at(),
                            "unreadable-catalog",
                            cannot + ": there is no file " + file
                                    + "; 'catalogs' paths are relative to the file that names them");
                }
            } catch (RefusedFileException e) {
                // The source says why (outside the landscape folder, not a regular file, too large)
                // without quoting what the file holds.
                unreadable.error(ref.at(), e.code(), cannot + ": " + e.getMessage());
            } catch (IOException | InvalidPathException e) {
                unreadable.error(
                        ref.at(),
                        "unreadable-catalog",
                        cannot + "; 'catalogs' paths are relative to the file that names them");
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

    private static boolean isAbsolute(String path) {
        try {
            return Path.of(path).isAbsolute();
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
