package dev.mamori.cli;

import dev.mamori.app.Loaded;
import dev.mamori.app.Workspace;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The model a command was given — files, or mamori.yaml, or (where the command offers it) the
 * bundled example — loaded by the workspace, with what the workspace noticed printed on standard
 * error.
 *
 * @param workspace the workspace that read it, to assess it with
 * @param loaded what was read
 * @param bundled whether it is the bundled example
 */
record ModelInput(Workspace workspace, Loaded loaded, boolean bundled) {

    /**
     * Whether the model is invalid; if so, its errors (located) are printed first. The commands that
     * read a model themselves begin with this.
     */
    boolean invalidPrinted(CommandLine commandLine) {
        if (loaded.valid()) {
            return false;
        }
        commandLine.getOut().print(new DiagnosticsReport(List.of(), loaded.diagnostics()).text(""));
        return true;
    }

    /** The example packed into the command line, read when a command that offers it is given no model. */
    static final String BUNDLED_EXAMPLE = "examples/venue/landscape.yaml";

    /**
     * @param bundledWhenNone whether, given no file and no mamori.yaml here, to read the bundled
     *     example; commands that gate never do, so that a CI job cannot pass or fail on the demo
     */
    static ModelInput load(
            CommandLine commandLine,
            Path workingDirectory,
            List<Path> files,
            LocalDate today,
            boolean bundledWhenNone) {
        return load(commandLine, workingDirectory, files, today, bundledWhenNone, null);
    }

    /**
     * As above, what the model's imports, includes and catalogs may read confined to {@code root}
     * (relative to the working directory), or, when null, to the folder of the first model file.
     */
    static ModelInput load(
            CommandLine commandLine,
            Path workingDirectory,
            List<Path> files,
            LocalDate today,
            boolean bundledWhenNone,
            Path root) {
        LocalDate day = today != null ? today : LocalDate.now();
        boolean none = files == null || files.isEmpty();
        if (none && bundledWhenNone && !Files.isRegularFile(workingDirectory.resolve(ModelArguments.DEFAULT_MODEL))) {
            Workspace bundled = new Workspace(ModelInput::bundled);
            return new ModelInput(bundled, bundled.load(List.of(Path.of(BUNDLED_EXAMPLE)), day), true);
        }
        List<Path> roots = ModelArguments.resolve(commandLine, workingDirectory, files);
        Workspace workspace = Workspace.onDisk(workingDirectory, roots, Optional.ofNullable(root));
        Loaded loaded = workspace.load(roots, day);
        loaded.notices().forEach(notice -> commandLine.getErr().println("mamori: " + notice));
        return new ModelInput(workspace, loaded, false);
    }

    /** A file of the bundled examples, from the class path; paths are as in the repository. */
    private static Optional<byte[]> bundled(Path path) throws IOException {
        String name = "/" + path.normalize().toString().replace('\\', '/');
        try (InputStream in = ModelInput.class.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        }
    }
}
