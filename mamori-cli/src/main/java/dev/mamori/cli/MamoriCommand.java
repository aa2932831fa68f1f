package dev.mamori.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(
        name = "mamori",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        header = "Security by Design for IoT systems of systems.",
        description = {
            "Mamori reads interconnected IoT systems described as code (YAML or JSON),",
            "layer by layer, and checks them. See docs/model.md for the model language."
        },
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success; for validate, the model is valid (warnings allowed)",
            "1:the model is invalid: errors were printed as FILE:LINE:COL: error: MESSAGE",
            "2:usage error: unknown option, missing file argument, refused to overwrite",
            "3:internal error in Mamori (a bug; please report it)",
            "4:verify: the deployment gate failed (an open finding at or above --fail-on)",
            "5:serve, push, audit: the server or its database could not be started or reached"
        })
final class MamoriCommand implements Runnable {

    /** The commands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(
            ValidateCommand.class,
            InitCommand.class,
            SchemaCommand.class,
            ConvertCommand.class,
            GenerateCommand.class,
            AssessCommand.class,
            ComplyCommand.class,
            CatalogCommand.class,
            RulesCommand.class,
            SystemicCommand.class,
            MissionsCommand.class,
            VerifyCommand.class,
            FixCommand.class,
            ReportCommand.class,
            EnforceCommand.class,
            DriftCommand.class,
            DiffCommand.class,
            ImportCommand.class,
            VulnsCommand.class,
            VexCommand.class,
            ShareCommand.class,
            ServeCommand.class,
            PushCommand.class,
            AuditCommand.class,
            HelpCommand.class);

    /**
     * The command line for {@code args}, with only the command they name when they name one: picocli
     * reflects over every command it is given, a quarter of a second for all of them at start-up.
     * Without a command (help, a typo, an option) every command is there, for the list and the
     * suggestions. {@code --version} alone prints three lines and needs no command: building them all
     * was a third of its CPU time (docs/performance.md).
     */
    static CommandLine commandLine(MamoriCommand root, String[] args) {
        CommandLine commandLine = new CommandLine(root);
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine;
        }
        Class<?> named = null;
        if (args.length > 0) {
            for (Class<?> command : COMMANDS) {
                Command annotation = command.getAnnotation(Command.class);
                if (annotation != null
                        && command != HelpCommand.class
                        && (annotation.name().equals(args[0])
                                || Arrays.asList(annotation.aliases()).contains(args[0]))) {
                    named = command;
                }
            }
        }
        for (Class<?> command : named == null ? COMMANDS : List.<Class<?>>of(named)) {
            commandLine.addSubcommand(command);
        }
        return commandLine;
    }

    private final Path workingDirectory;

    /** Whether standard error is a terminal that shows a progress line (never in tests). */
    private final boolean progressOnTerminal;

    @Spec
    CommandSpec spec;

    /** Standard error as it is, for the progress line's own control characters. */
    private final java.io.PrintWriter terminal;

    MamoriCommand(Path workingDirectory, boolean progressOnTerminal, java.io.PrintWriter terminal) {
        this.workingDirectory = workingDirectory;
        this.progressOnTerminal = progressOnTerminal;
        this.terminal = terminal;
    }

    /**
     * The progress of a run made of {@code stages}: a line on the terminal, or nothing. The line is
     * drawn on standard error as it is, not through the filter that escapes control characters.
     */
    Progress progress(java.util.List<String> stages) {
        return progressOnTerminal ? Progress.onTerminal(terminal, stages) : Progress.NONE;
    }

    Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name a command; 'mamori --help' lists them");
    }
}
