package dev.mamori.cli;

import dev.mamori.app.Loaded;
import dev.mamori.enforce.Generated;
import dev.mamori.enforce.MosquittoTarget;
import dev.mamori.enforce.NftablesTarget;
import dev.mamori.enforce.PlanCuts;
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
            "(docs/enforce.md). With --target mosquitto, writes for each broker (a component of kind",
            "broker) an ACL (BROKER.acl) that lets each client, by its mqtt-user, publish and subscribe",
            "to the topics of its modelled MQTT flows and nothing else, and a configuration",
            "(BROKER.conf) with its listeners, anonymous access off and the ACL. With --with-plan and",
            "--protect Y (and --from X), the nftables rulesets also drop what the isolation plan of",
            "'mamori systemic --protect Y' cuts, and the ACLs deny the MQTT flows it cuts (topic deny).",
            "When a flow lacks what the target needs (an address,",
            "a port, topics, a user name), nothing is written and each gap is printed as",
            "FILE:LINE:COL: error: MESSAGE."
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
        nftables,
        mosquitto
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
            description = "What to generate: nftables (one ruleset per zone) or mosquitto (an ACL and a"
                    + " configuration per broker).")
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

    @Option(
            names = "--with-plan",
            description = "Also apply the isolation plan's cuts (nftables: drops; mosquitto: ACL denials): needs"
                    + " --protect.")
    boolean withPlan;

    @Option(names = "--protect", paramLabel = "Y", description = "With --with-plan: what the plan isolates.")
    String protect;

    @Option(
            names = "--from",
            paramLabel = "X",
            description = "With --with-plan: the system or component assumed compromised (default: the exposed"
                    + " components).")
    String from;

    @Option(
            names = "--mosquitto-dir",
            paramLabel = "PATH",
            description = "With --target mosquitto: where the files go on the broker, named in its"
                    + " configuration (default: " + MosquittoTarget.DEFAULT_DIRECTORY + ").")
    String mosquittoDir = MosquittoTarget.DEFAULT_DIRECTORY;

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
        if (withPlan != (protect != null) || (from != null && !withPlan)) {
            throw new ParameterException(
                    spec.commandLine(), "--with-plan needs --protect Y, and --protect and --from need --with-plan");
        }
        Generated generated;
        try {
            PlanCuts plan =
                    withPlan ? PlanCuts.isolating(landscape, Optional.ofNullable(from), protect) : PlanCuts.NONE;
            generated = switch (target) {
                case nftables -> NftablesTarget.generate(landscape, Optional.ofNullable(system), plan);
                case mosquitto -> MosquittoTarget.generate(landscape, Optional.ofNullable(system), mosquittoDir, plan);
            };
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
                            + (target == Target.nftables
                                    ? " has no zone; a ruleset guards a zone, so declare zones and put components in"
                                            + " them"
                                    : " has no MQTT flow to or from a component of kind broker"));
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
