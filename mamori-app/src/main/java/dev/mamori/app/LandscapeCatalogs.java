package dev.mamori.app;

import dev.mamori.engine.compliance.CatalogReader;
import dev.mamori.model.Landscape;
import dev.mamori.model.Ref;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Diagnostics;
import dev.mamori.model.load.ModelSource;
import java.io.IOException;
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
            Path base =
                    Optional.ofNullable(Path.of(ref.at().file()).getParent()).orElse(Path.of(""));
            Path file = base.resolve(ref.text()).normalize();
            Optional<String> problem;
            try {
                Optional<byte[]> bytes = source.read(file);
                bytes.ifPresent(b -> sources.add(new CatalogReader.Source(file.toString(), b)));
                problem = bytes.isPresent() ? Optional.empty() : Optional.of("there is no such file");
            } catch (IOException e) {
                problem = Optional.of(e.getMessage() != null ? e.getMessage() : "it could not be read");
            }
            problem.ifPresent(why -> unreadable.error(
                    ref.at(),
                    "unreadable-catalog",
                    "cannot read the catalog file " + file + ": " + why
                            + "; 'catalogs' paths are relative to the file that names them"));
        }
        CatalogReader.Result result = CatalogReader.extend(CatalogReader.builtIn(), sources);
        if (unreadable.sorted().isEmpty()) {
            return result;
        }
        List<Diagnostic> all = new ArrayList<>(unreadable.sorted());
        all.addAll(result.diagnostics());
        return new CatalogReader.Result(result.catalog(), all);
    }
}
