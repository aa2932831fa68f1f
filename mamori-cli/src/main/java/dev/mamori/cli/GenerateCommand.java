package dev.mamori.cli;

import dev.mamori.model.generate.LandscapeGenerator;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        header = "Write a synthetic landscape of any size, for benchmarks and tests at scale.",
        description = {
            "Systems of device fleets behind gateways, a broker, a database, an application and a",
            "maintainer's remote access, joined by interconnections. Valid by construction; the same",
            "seed gives the same landscape."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:usage error", "3:internal error in Mamori (a bug; please report it)"})
final class GenerateCommand implements Callable<Integer> {

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--systems", paramLabel = "N", description = "Number of systems (default: 10).")
    int systems = 10;

    @Option(
            names = "--components",
            paramLabel = "M",
            description = "Components per system, at least 6 (default: 100); at most 1,000,000 in all.")
    int components = 100;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the pseudo-random choices (default: 1).")
    long seed = 1;

    @Option(
            names = "--flows",
            paramLabel = "F",
            description = "Average flows per component (default: about 1.5, the deployment's own flows).")
    double flows;

    enum Syntax {
        yaml,
        json
    }

    @Option(names = "--format", paramLabel = "SYNTAX", description = "yaml (default) or json.")
    Syntax format = Syntax.yaml;

    @Option(names = "--json", hidden = true, description = "The older name of --format json.")
    boolean json;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        if (systems < 1 || components < 6) {
            throw new ParameterException(spec.commandLine(), "need --systems 1 or more and --components 6 or more");
        }
        String tooLarge = LandscapeGenerator.tooLarge(systems, components, flows);
        if (tooLarge != null) {
            throw new ParameterException(spec.commandLine(), tooLarge.replace("flows per component", "--flows"));
        }
        Object model = new LandscapeGenerator(systems, components, seed, flows).toPlainValues();
        output.write(spec.commandLine(), parent.workingDirectory(), Output.model(model, json || format == Syntax.json));
        return ExitCode.OK;
    }
}
