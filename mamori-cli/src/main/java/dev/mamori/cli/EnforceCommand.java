package dev.mamori.cli;

import dev.mamori.app.Loaded;
import dev.mamori.enforce.Generated;
import dev.mamori.enforce.NftablesTarget;
import dev.mamori.model.Landscape;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import dev.mamori.report.text.Count;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "enforce",
        mixinStandardHelpOptions = true,
        header = "Write firewall rules that allow the model's flows and drop the rest.",
        description = {
            "With --target nftables, writes one nftables ruleset per zone into DIR (ZONE.nft): traffic to",
            "or from the zone's addresses passes when it answers an established connection, stays within",
            "the zone, or is a flow of the model (source and destination address, protocol, port); any",
            "other packet is counted and dropped. Each rule has a counter and a comment naming its flow",
            "and FILE:LINE. Check a file with 'nft -c -f FILE' and load it with 'nft -f FILE'",
            "(docs/enforce.md). When a flow lacks what the rules need (an address, a port), nothing is",
            "written and each gap is printed as FILE:LINE:COL: error: MESSAGE."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the rulesets were written",
            "1:the model is invalid, or lacks what the target needs (nothing written)",
            "2:usage error (unknown option or system, no such file, -o missing or not a folder)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class EnforceCommand implements Callable<Integer> {

    enum Target {
        nftables
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "FILE",
            arity = "0..*",
            description = "Model files (YAML or JSON). Default: mamori.yaml in the current directory.")
    List<Path> files;

    @Option(
            names = "--target",
            paramLabel = "TARGET",
            required = true,
            description = "What to generate: nftables (one ruleset per zone).")
    Target target;

    @Option(
            names = "--system",
            paramLabel = "S",
            description = "Only the zones of system S (default: every zone of the landscape).")
    String system;

    @Option(
            names = {"-o", "--output"},
            paramLabel = "DIR",
            required = true,
            description = "The folder to write into (created when missing).")
    Path directory;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        Loaded loaded = ModelInput.load(
                        spec.commandLine(), parent.workingDirectory(), files, load.today, false, load.root)
                .loaded();
        if (!loaded.valid()) {
            spec.commandLine().getOut().print(new DiagnosticsReport(List.of(), loaded.diagnostics()).text(""));
            return ExitCode.INVALID;
        }
        Landscape landscape = loaded.landscape().orElseThrow();
        Generated generated;
        try {
            generated = NftablesTarget.generate(landscape, Optional.ofNullable(system));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!generated.ok()) {
            generated.problems().forEach(p -> spec.commandLine().getOut().println(p));
            spec.commandLine().getOut().flush();
            spec.commandLine()
                    .getErr()
                    .println("mamori: nothing written: the model is valid but lacks what " + target + " rules need ("
                            + Count.of(generated.problems().size(), "gap")
                            + " above)");
            return ExitCode.INVALID;
        }
        if (generated.files().isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    (system == null ? "the landscape" : "system " + system)
                            + " has no zone; a ruleset guards a zone, so declare zones and put components in them");
        }
        Path folder = Output.folder(spec.commandLine(), parent.workingDirectory(), directory);
        for (Map.Entry<String, String> file : generated.files().entrySet()) {
            Output.writeFile(
                    spec.commandLine(),
                    folder,
                    Path.of(file.getKey()),
                    file.getValue().getBytes(StandardCharsets.UTF_8),
                    landscape.files());
            spec.commandLine().getErr().println("mamori: wrote " + directory.resolve(file.getKey()));
        }
        generated.notes().forEach(note -> spec.commandLine().getErr().println("mamori: " + note));
        return ExitCode.OK;
    }
}
