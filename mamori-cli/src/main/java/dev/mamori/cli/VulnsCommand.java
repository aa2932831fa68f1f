package dev.mamori.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "vulns",
        mixinStandardHelpOptions = true,
        header = "Known vulnerabilities: import feeds, list what the landscape's software is affected by.",
        description = {
            "'mamori vulns import FILE|DIR' keeps OSV, CSAF 2.0, CISA KEV, EPSS, NVD CVE 2.0, CycloneDX VEX and",
            "OpenVEX files in a local store; 'mamori vulns list MODEL' matches what the model's components run",
            "(software entries and SBOMs) against it. 'mamori assess' and the other analyses match the same",
            "way. See docs/vulnerabilities.md."
        },
        synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error, or vulnerability data that cannot be read or fetched (the reason is printed)",
            "3:internal error in Mamori (a bug; please report it)"
        },
        subcommands = {VulnsImportCommand.class, VulnsListCommand.class, HelpCommand.class})
final class VulnsCommand implements Runnable {

    @ParentCommand
    MamoriCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    MamoriCommand parent() {
        return parent;
    }

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(
                spec.commandLine(), "name what to do: 'mamori vulns import FILE' or 'mamori vulns list MODEL'");
    }
}
