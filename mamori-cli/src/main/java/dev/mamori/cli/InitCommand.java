package dev.mamori.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        header = "Write a commented starter model.",
        description = {
            "Writes a small landscape (two systems, their stakeholders, a cross-system flow, a mission)",
            "with a comment on every key, ready to validate and to edit into your own."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the starter model was written",
            "2:usage error (the file exists; use --force to overwrite)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class InitCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write it. Default: mamori.yaml.")
    Path file = Path.of(ModelArguments.DEFAULT_MODEL);

    @Option(names = "--force", description = "Overwrite FILE if it exists.")
    boolean force;

    @Override
    public Integer call() throws IOException {
        Path target = parent.workingDirectory().resolve(file);
        if (Files.exists(target) && !force) {
            throw new ParameterException(
                    spec.commandLine(), file + " already exists; choose another name, or pass --force to overwrite it");
        }
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.write(target, starter());
        spec.commandLine().getOut().println("wrote " + file + "; check it with: mamori validate " + file);
        return ExitCode.OK;
    }

    static byte[] starter() throws IOException {
        try (InputStream in = InitCommand.class.getResourceAsStream("starter.yaml")) {
            if (in == null) {
                throw new IOException("starter.yaml is missing from the class path");
            }
            return in.readAllBytes();
        }
    }
}
