package dev.mamori.cli;

import dev.mamori.app.Loaded;
import dev.mamori.enforce.Drift;
import dev.mamori.enforce.DriftImpact;
import dev.mamori.enforce.MosquittoConfDrift;
import dev.mamori.enforce.MosquittoDrift;
import dev.mamori.enforce.MosquittoTarget;
import dev.mamori.enforce.NftablesDrift;
import dev.mamori.enforce.NftablesTarget;
import dev.mamori.enforce.PlanCuts;
import dev.mamori.enforce.Unmodelled;
import dev.mamori.model.Landscape;
import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.report.diagnostics.DiagnosticsReport;
import dev.mamori.report.text.Count;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "drift",
        mixinStandardHelpOptions = true,
        header = "Compare what is deployed with what the model says.",
        description = {
            "Reads a deployed nftables ruleset (the JSON of 'nft -j list ruleset'), a Mosquitto ACL and a",
            "Mosquitto configuration, and compares them with what 'mamori enforce' generates from the model:",
            "a rule or grant deployed but not modelled (a path the analyses do not know), one modelled but",
            "not deployed (a flow that will not work), and a rule out of the model's order. Each difference",
            "is printed at the model's FILE:LINE:COL, with the deployed rule's place (table, chain, handle;",
            "or FILE:LINE). Only Mamori's tables (inet mamori-ZONE) are compared. Each deployed accept or",
            "grant the model lacks is then put into the model as an assumed flow (from any address, an",
            "assumed exposure; to anonymous clients, a component standing for whoever reaches the broker)",
            "and the systemic analysis run again: the paths, hazards and missions it opens are printed",
            "under it (--no-impact leaves this out). See docs/enforce.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no drift: the deployment is what the model says",
            "1:the model is invalid, or lacks what the targets need",
            "2:usage error (no deployed file given, a file unreadable or not what it should be)",
            "3:internal error in Mamori (a bug; please report it)",
            "4:drift: the deployment differs from the model (each difference printed)"
        })
final class DriftCommand implements Callable<Integer> {

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
            names = "--nftables",
            paramLabel = "RULESET.json",
            description = "The deployed ruleset, as 'nft -j list ruleset' writes it.")
    Path nftables;

    @Option(
            names = "--mosquitto-acl",
            paramLabel = "FILE",
            description = "A deployed Mosquitto ACL file; its broker is named by --broker, or by the file's name"
                    + " (BROKER.acl, as enforce writes it), or is the model's only broker.")
    Path acl;

    @Option(
            names = "--mosquitto-conf",
            paramLabel = "FILE",
            description = "A deployed Mosquitto configuration file: anonymous access, listeners, acl_file and"
                    + " password_file are compared; its broker is found as for --mosquitto-acl (BROKER.conf).")
    Path conf;

    @Option(
            names = "--broker",
            paramLabel = "B",
            description = "The broker whose ACL --mosquitto-acl and configuration --mosquitto-conf are.")
    String broker;

    @Option(
            names = "--system",
            paramLabel = "S",
            description = "Only the zones and brokers of system S, as for enforce.")
    String system;

    @Option(names = "--with-plan", description = "Compare with the rulesets enforce --with-plan writes.")
    boolean withPlan;

    @Option(names = "--protect", paramLabel = "Y", description = "With --with-plan: what the plan isolates.")
    String protect;

    @Option(names = "--from", paramLabel = "X", description = "With --with-plan: the attacker's start.")
    String from;

    @Option(
            names = "--no-impact",
            description = "Do not analyse what the deployed rules the model lacks open (by default each is put into the"
                    + " model as an assumed flow and the systemic analysis is run again).")
    boolean noImpact;

    @Option(
            names = "--impact-limit",
            paramLabel = "N",
            description = "Analyse at most N deployed rules the model lacks, one systemic analysis each (default: 10).")
    int impactLimit = 10;

    @Mixin
    LoadOptions load;

    @Override
    public Integer call() {
        if (nftables == null && acl == null && conf == null) {
            throw new ParameterException(
                    spec.commandLine(),
                    "say what is deployed: --nftables RULESET.json, --mosquitto-acl FILE and/or --mosquitto-conf FILE");
        }
        if (withPlan != (protect != null) || (from != null && !withPlan)) {
            throw new ParameterException(
                    spec.commandLine(), "--with-plan needs --protect Y, and --protect and --from need --with-plan");
        }
        if (impactLimit < 0) {
            throw new ParameterException(spec.commandLine(), "--impact-limit must be 0 or more");
        }
        // The deployed ruleset needs no model: it is read on a second core while the model loads.
        FutureTask<NftablesDrift.Deployed> deployed = null;
        if (nftables != null) {
            Path file = resolve(nftables);
            deployed = new FutureTask<>(() -> {
                // Bytes, not characters: the parser reads UTF-8 without decoding it first (a fifth less CPU).
                try (java.io.InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                    return NftablesDrift.read(in, nftables.toString());
                }
            });
            Thread reading = new Thread(deployed, "mamori-drift-read");
            reading.setDaemon(true);
            reading.start();
        }
        Loaded loaded = ModelInput.load(
                        spec.commandLine(), parent.workingDirectory(), files, load.today, false, load.root)
                .loaded();
        PrintWriter out = spec.commandLine().getOut();
        if (!loaded.valid()) {
            out.print(new DiagnosticsReport(List.of(), loaded.diagnostics()).text(""));
            return ExitCode.INVALID;
        }
        Landscape landscape = loaded.landscape().orElseThrow();
        List<Drift.Difference> differences = new ArrayList<>();
        List<Diagnostic> problems = new ArrayList<>();
        List<Unmodelled> openings = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        // The brokers whose deployed configuration refuses anonymous clients, and where it says so.
        Map<dev.mamori.model.Component, String> anonymousRefused = new IdentityHashMap<>();
        try {
            if (nftables != null) {
                NftablesTarget.Expected expected =
                        NftablesTarget.expected(landscape, Optional.ofNullable(system), plan(landscape));
                problems.addAll(expected.problems());
                if (expected.problems().isEmpty()) {
                    NftablesDrift.Result result =
                            NftablesDrift.compareAll(expected, landscape, deployed(deployed), nftables.toString());
                    differences.addAll(result.differences());
                    openings.addAll(result.openings());
                }
            }
            if (acl != null || conf != null) {
                Map<String, MosquittoTarget.Broker> brokers =
                        MosquittoTarget.grants(landscape, Optional.ofNullable(system), plan(landscape), problems);
                if (problems.isEmpty() && acl != null) {
                    MosquittoTarget.Broker b = brokerOf(brokers, acl, ".acl");
                    String text = Files.readString(resolve(acl), StandardCharsets.UTF_8);
                    MosquittoDrift.Result result = MosquittoDrift.compareAll(b, text, acl.toString());
                    differences.addAll(result.differences());
                    openings.addAll(result.grants());
                }
                if (problems.isEmpty() && conf != null) {
                    MosquittoTarget.Broker b = brokerOf(brokers, conf, ".conf");
                    String text = Files.readString(resolve(conf), StandardCharsets.UTF_8);
                    MosquittoConfDrift.Result result = MosquittoConfDrift.compare(b, text, conf.toString());
                    differences.addAll(result.differences());
                    notes.addAll(result.notes());
                    result.anonymousRefused().ifPresent(at -> anonymousRefused.put(b.component(), at));
                }
            }
            differences.sort(Drift.Difference.ORDER);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (Drift.Unreadable e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (IOException e) {
            throw new ParameterException(
                    spec.commandLine(),
                    "cannot read a deployed file: "
                            + (e instanceof java.nio.file.NoSuchFileException ? "no such file " : "")
                            + e.getMessage());
        }
        if (!problems.isEmpty()) {
            problems.stream().sorted(Diagnostic.IN_FILE_ORDER).forEach(out::println);
            out.flush();
            spec.commandLine()
                    .getErr()
                    .println("mamori: not compared: the model is valid but lacks what the rules need ("
                            + Count.of(problems.size(), "gap") + " above)");
            return ExitCode.INVALID;
        }
        // What each deployed accept the model lacks opens, printed under its difference.
        Map<Drift.Difference, DriftImpact.Impact> impacts = new IdentityHashMap<>();
        if (!noImpact) {
            // In the order printed, so that the limit keeps the first ones.
            openings.sort(java.util.Comparator.comparing(Unmodelled::difference, Drift.Difference.ORDER));
            DriftImpact.of(landscape, openings, impactLimit, u -> inert(u, anonymousRefused))
                    .forEach(i -> impacts.put(i.source().difference(), i));
        }
        for (Drift.Difference d : differences) {
            out.println(d);
            DriftImpact.Impact impact = impacts.get(d);
            if (impact != null) {
                impact.lines().forEach(line -> out.println("    " + line));
            }
        }
        out.flush();
        notes.forEach(note -> spec.commandLine().getErr().println("mamori: " + note));
        if (differences.isEmpty()) {
            spec.commandLine().getErr().println("mamori: no drift");
            return ExitCode.OK;
        }
        spec.commandLine().getErr().println("mamori: drift: " + Count.of(differences.size(), "difference"));
        return ExitCode.DRIFT;
    }

    /** Why a deployed grant opens nothing: one to anonymous clients at a broker configured to refuse them. */
    private static Optional<String> inert(Unmodelled u, Map<dev.mamori.model.Component, String> anonymousRefused) {
        if (u instanceof dev.mamori.enforce.AclGrant g && g.user().isEmpty()) {
            String at = anonymousRefused.get(g.broker().component());
            if (at != null) {
                return Optional.of("the deployed configuration refuses clients without a name (" + at
                        + "): the grant has no effect while it does");
            }
        }
        return Optional.empty();
    }

    /** The deployed ruleset read on the second thread; what went wrong there is thrown here. */
    private static NftablesDrift.Deployed deployed(FutureTask<NftablesDrift.Deployed> reading)
            throws Drift.Unreadable, IOException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Drift.Unreadable u) {
                throw u;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private Path resolve(Path file) {
        return parent.workingDirectory().resolve(file);
    }

    /** The isolation plan the deployment carries (with --with-plan), computed once. */
    private PlanCuts plan(Landscape landscape) {
        if (plan == null) {
            plan = withPlan ? PlanCuts.isolating(landscape, Optional.ofNullable(from), protect) : PlanCuts.NONE;
        }
        return plan;
    }

    private PlanCuts plan;

    private MosquittoTarget.Broker brokerOf(Map<String, MosquittoTarget.Broker> brokers, Path deployed, String suffix) {
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("the model has no MQTT flow to or from a component of kind broker");
        }
        String name = broker;
        if (name == null) {
            String file = deployed.getFileName().toString();
            String stem = file.endsWith(suffix) ? file.substring(0, file.length() - suffix.length()) : file;
            if (brokers.containsKey(stem)) {
                name = stem;
            } else if (brokers.size() == 1) {
                name = brokers.keySet().iterator().next();
            } else {
                throw new IllegalArgumentException("which broker's file is " + deployed
                        + "? Say --broker B; the brokers" + " are: " + String.join(", ", brokers.keySet()));
            }
        }
        MosquittoTarget.Broker b = brokers.get(name);
        if (b == null) {
            throw new IllegalArgumentException("no broker '" + name + "' with MQTT flows; the brokers are: "
                    + String.join(", ", brokers.keySet()));
        }
        return b;
    }
}
