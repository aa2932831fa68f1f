package dev.mamori.cli;

import dev.mamori.model.load.LoadResult;
import dev.mamori.model.load.ModelLoader;
import dev.mamori.model.load.ModelSource;
import dev.mamori.model.syntax.ReadLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Loads the model a command was given: files, or mamori.yaml, or (for assess) the bundled example. */
final class ModelInput {

    /** The example packed into the command line, read when a command that offers it is given no model. */
    static final String BUNDLED_EXAMPLE = "examples/venue/landscape.yaml";

    private ModelInput() {}

    static LoadResult load(
            CommandLine commandLine,
            Path workingDirectory,
            List<Path> files,
            LocalDate today,
            boolean bundledWhenNone) {
        ModelLoader.Options options =
                new ModelLoader.Options(ReadLimits.DEFAULT, today != null ? today : LocalDate.now());
        boolean none = files == null || files.isEmpty();
        if (none && bundledWhenNone && !Files.isRegularFile(workingDirectory.resolve(ModelArguments.DEFAULT_MODEL))) {
            return new ModelLoader(ModelInput::bundled, options).load(List.of(Path.of(BUNDLED_EXAMPLE)));
        }
        List<Path> roots = ModelArguments.resolve(commandLine, workingDirectory, files);
        return new ModelLoader(path -> ModelSource.fileSystem().read(workingDirectory.resolve(path)), options)
                .load(roots);
    }

    /** A file of the bundled examples, from the class path; paths are as in the repository. */
    private static Optional<byte[]> bundled(Path path) throws IOException {
        String name = "/" + path.normalize().toString().replace('\\', '/');
        try (InputStream in = ModelInput.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
