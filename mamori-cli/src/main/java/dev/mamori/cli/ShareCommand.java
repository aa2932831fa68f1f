package dev.mamori.cli;

import dev.mamori.app.Workspace;
import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.assessment.AssessmentOptions;
import dev.mamori.vulns.KnownVulnerabilities;
import dev.mamori.vulns.share.StixBundle;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "share",
        mixinStandardHelpOptions = true,
        header = "Write the landscape's systemic paths and affected products as a STIX 2.1 bundle.",
        description = {
            "For a sector's information-sharing group (NISC 4.6): the vulnerabilities the landscape's",
            "products are affected by, the software that carries them, and the paths an attacker takes",
            "across systems. Parts are named by their kind and the kind of system they serve, without ids,",
            "names, addresses or zones, unless --internal. See docs/vulnerabilities.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error, or vulnerability data that cannot be read",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class ShareCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "MODEL",
            arity = "0..*",
            description = "Model files. Default: mamori.yaml, else the bundled example.")
    List<Path> files;

    @Option(
            names = "--as",
            paramLabel = "NAME",
            description = "The organisation that shares, as it wants to be named. Default: the landscape's name.")
    String as;

    @Option(
            names = "--internal",
            description = "Keep the ids and names of the systems' parts (for sharing inside the organisation).")
    boolean internal;

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "The bundle's date, and the day treatments are judged on.")
    LocalDate today;

    @Mixin
    VulnerabilityOptions vulnerabilities = new VulnerabilityOptions();

    @Mixin
    Output output;

    @Override
    public Integer call() {
        Path working = parent.workingDirectory();
        LocalDate day = today != null ? today : LocalDate.now();
        ModelInput input = ModelInput.load(spec.commandLine(), working, files, day, true);
        if (input.invalidPrinted(spec.commandLine())) {
            return ExitCode.INVALID;
        }
        Workspace workspace = input.workspace()
                .withVulnerabilities(vulnerabilities.data(spec.commandLine(), working, input.bundled()));
        KnownVulnerabilities known = workspace.knownVulnerabilities(input.loaded(), day);
        Assessment assessment = workspace.assess(input.loaded(), AssessmentOptions.on(day));
        String text = StixBundle.write(
                known.landscape(),
                assessment.systemic(),
                known.matches(),
                new StixBundle.Options(as != null ? as : known.landscape().name(), internal, day));
        output.write(spec.commandLine(), working, text, known.landscape().files());
        return ExitCode.OK;
    }
}
