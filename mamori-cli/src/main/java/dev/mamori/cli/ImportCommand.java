package dev.mamori.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        header = "Bring a model written for another tool into Mamori.",
        description = {
            "Converts a threat model of another tool into a Mamori model that validates, and reports,",
            "located in the input, everything that could not be carried over. Name the tool:",
            "'mamori import threagile FILE'. (mamori assess also reads a Threagile file directly.)"
        },
        synopsisSubcommandLabel = "TOOL",
        commandListHeading = "%nTools:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:imported (warnings, printed on standard error, say what was not carried over)",
            "1:the input is not a model of that tool, or is malformed (errors printed, located)",
            "2:usage error (unknown option, no such file, no tool named)",
            "3:internal error in Mamori (a bug; please report it)"
        },
        subcommands = {ImportThreagileCommand.class, HelpCommand.class})
final class ImportCommand implements Runnable {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    MamoriCommand parent() {
        return parent;
    }

    @Override
    public void run() {
        throw new ParameterException(
                spec.commandLine(), "name the tool the model was written for: mamori import threagile FILE");
    }
}
