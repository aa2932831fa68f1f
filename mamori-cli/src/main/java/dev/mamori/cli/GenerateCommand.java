package dev.mamori.cli;

import dev.mamori.model.generate.LandscapeGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(
            names = "--files",
            paramLabel = "N",
            description = {
                "Split the landscape over N files (default: 1), for landscapes above the 256 MiB limit of",
                "one file: the -o FILE holds everything but most systems and imports FILE-2 ... FILE-N,",
                "each with an equal share of the systems. Needs -o and at most one file per system."
            })
    int files = 1;

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
        if (files < 1 || files > systems) {
            throw new ParameterException(
                    spec.commandLine(), "--files must be between 1 and the number of systems (" + systems + ")");
        }
        if (files > 1 && output.file == null) {
            throw new ParameterException(
                    spec.commandLine(), "--files " + files + " writes several files: name the" + " first with -o FILE");
        }
        boolean asJson = json || format == Syntax.json;
        Map<String, Object> model = new LandscapeGenerator(systems, components, seed, flows).toPlainValues();
        if (files == 1) {
            output.write(spec.commandLine(), parent.workingDirectory(), Output.model(model, asJson));
            return ExitCode.OK;
        }
        List<Map<String, Object>> parts =
                split(model, files, output.file.getFileName().toString());
        model.clear();
        // The imported files first, the one that imports them last: a write that fails leaves no
        // root file naming a part that is not there.
        for (int k = 1; k < parts.size(); k++) {
            Map<String, Object> part = parts.get(k);
            Output.writeFile(
                    spec.commandLine(),
                    parent.workingDirectory(),
                    output.file.resolveSibling(
                            partName(output.file.getFileName().toString(), k + 1)),
                    out -> out.write(Output.model(part, asJson)),
                    List.of());
            parts.set(k, null); // written: its values can go
        }
        output.write(spec.commandLine(), parent.workingDirectory(), Output.model(parts.get(0), asJson));
        return ExitCode.OK;
    }

    /** The name of the {@code k}th file (from 2) of a landscape whose first file is {@code first}. */
    static String partName(String first, int k) {
        int dot = first.lastIndexOf('.');
        return dot > 0 ? first.substring(0, dot) + "-" + k + first.substring(dot) : first + "-" + k;
    }

    /**
     * The model split over {@code files} files, the first named {@code first}: it keeps the
     * landscape's name, stakeholders, interconnections and missions, the first share of the systems,
     * and imports the others, each a model with its share of the systems (references work across
     * files, so the split changes no meaning).
     */
    static List<Map<String, Object>> split(Map<String, Object> model, int files, String first) {
        @SuppressWarnings("unchecked")
        Map<String, Object> systemMap = (Map<String, Object>) model.get("systems");
        List<Map.Entry<String, Object>> all = new ArrayList<>(systemMap.entrySet());
        List<Map<String, Object>> parts = new ArrayList<>();
        List<String> imports = new ArrayList<>();
        for (int k = 0; k < files; k++) {
            Map<String, Object> share = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : all.subList(all.size() * k / files, all.size() * (k + 1) / files)) {
                share.put(e.getKey(), e.getValue());
            }
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("mamori", model.get("mamori"));
            if (k == 0) {
                for (Map.Entry<String, Object> e : model.entrySet()) {
                    if (e.getKey().equals("stakeholders")) {
                        part.put("imports", imports);
                    }
                    part.put(e.getKey(), e.getKey().equals("systems") ? share : e.getValue());
                }
            } else {
                imports.add(partName(first, k + 1));
                part.put("systems", share);
            }
            parts.add(part);
        }
        return parts;
    }
}
