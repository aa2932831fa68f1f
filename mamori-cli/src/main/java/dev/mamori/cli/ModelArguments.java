package dev.mamori.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** The model files a command was given, checked before anything is read. */
final class ModelArguments {

    /** The model a command reads when given none. */
    static final String DEFAULT_MODEL = "mamori.yaml";

    private ModelArguments() {}

    /**
     * The files as the user wrote them (so that messages point where the user looks), checked to
     * exist under the working directory; a missing one is a usage error (exit 2), since it is the
     * command line that is wrong, not a model.
     */
    static List<Path> resolve(CommandLine commandLine, Path workingDirectory, List<Path> given) {
        List<Path> files = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            Path fallback = workingDirectory.resolve(DEFAULT_MODEL);
            if (!java.nio.file.Files.isRegularFile(fallback)) {
                throw new ParameterException(
                        commandLine,
                        "no model given: name the model files, or run where a " + DEFAULT_MODEL
                                + " is (mamori init writes one)");
            }
            files.add(Path.of(DEFAULT_MODEL));
            return files;
        }
        for (Path file : given) {
            Path resolved = workingDirectory.resolve(file);
            if (java.nio.file.Files.isDirectory(resolved)) {
                throw new ParameterException(commandLine, file + " is a directory; name a model file");
            }
            if (!java.nio.file.Files.isRegularFile(resolved)) {
                throw new ParameterException(commandLine, "no such file: " + file);
            }
            files.add(file.normalize());
        }
        return files;
    }
}
