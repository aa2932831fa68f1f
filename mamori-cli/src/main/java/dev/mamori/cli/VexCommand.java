package dev.mamori.cli;

import dev.mamori.model.Component;
import dev.mamori.model.Landscape;
import dev.mamori.model.Stakeholder;
import dev.mamori.vulns.KnownVulnerabilities;
import dev.mamori.vulns.share.VexDocuments;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
        name = "vex",
        mixinStandardHelpOptions = true,
        header = "Write a VEX document (CSAF 2.0 or CycloneDX) for products from the model.",
        description = {
            "For a manufacturer's products (components, each package a product version): the model's",
            "treatments that name a vulnerability become 'not affected' (with the justification) or 'fixed'",
            "statements, and the vulnerabilities the packages are still affected by become 'affected' with",
            "the fix to apply. --format csaf (default) writes CSAF 2.0, profile csaf_vex; --format cyclonedx",
            "writes CycloneDX 1.5 VEX. See docs/vulnerabilities.md."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:written",
            "1:the model is invalid (its errors were printed, located)",
            "2:usage error (unknown product or publisher, vulnerability data that cannot be read)",
            "3:internal error in Mamori (a bug; please report it)"
        })
final class VexCommand implements Callable<Integer> {

    enum Format {
        csaf,
        cyclonedx
    }

    @ParentCommand
    MamoriCommand parent;

    @Spec
    CommandSpec spec;

    @Parameters(
            paramLabel = "MODEL",
            arity = "0..*",
            description = "Model files. Default: mamori.yaml, else the bundled example.")
    List<Path> files;

    @Option(names = "--format", paramLabel = "FORMAT", description = "csaf (default) or cyclonedx.")
    Format format = Format.csaf;

    @Option(
            names = "--product",
            paramLabel = "COMPONENT",
            description = "A component (system.component) to state about; repeatable. Default: every component a"
                    + " statement is about.")
    List<String> products = new ArrayList<>();

    @Option(
            names = "--publisher",
            paramLabel = "STAKEHOLDER",
            description = "The stakeholder that publishes the document. Default: the products' manufacturer.")
    String publisher;

    @Option(
            names = "--id",
            paramLabel = "ID",
            description = "The document's tracking id. Default: from the landscape and the date.")
    String id;

    @Option(
            names = "--today",
            paramLabel = "DATE",
            description = "The document's date, and the day treatments are judged on.")
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
        Landscape landscape = input.loaded().landscape().orElseThrow();
        for (String p : products) {
            if (landscape.components().stream().noneMatch(c -> c.id().equals(p))) {
                throw new ParameterException(
                        spec.commandLine(), "--product names no component: '" + p + "' (write system.component)");
            }
        }
        KnownVulnerabilities known = input.workspace()
                .withVulnerabilities(vulnerabilities.data(spec.commandLine(), working, input.bundled()))
                .knownVulnerabilities(input.loaded(), day);
        List<VexDocuments.Statement> statements =
                VexDocuments.statements(landscape, input.loaded().inventory(), known.matches(), products, day);
        Stakeholder by = publisher(landscape, statements);
        VexDocuments.Publisher pub =
                new VexDocuments.Publisher(by.name(), "https://" + by.id().toLowerCase(Locale.ROOT) + ".invalid");
        String docId = id != null ? id : "MAMORI-VEX-" + by.id().toUpperCase(Locale.ROOT) + "-" + day;
        String title =
                "VEX for " + (products.isEmpty() ? "the products of " + landscape.name() : String.join(", ", products));
        String text = format == Format.csaf
                ? VexDocuments.csaf(statements, pub, docId, title, day)
                : VexDocuments.cyclonedx(statements, pub, docId, day);
        output.write(spec.commandLine(), working, text, landscape.files());
        return ExitCode.OK;
    }

    private Stakeholder publisher(Landscape landscape, List<VexDocuments.Statement> statements) {
        if (publisher != null) {
            Stakeholder s = landscape.stakeholders().get(publisher);
            if (s == null) {
                throw new ParameterException(
                        spec.commandLine(),
                        "--publisher names no stakeholder: '" + publisher + "'; the landscape has "
                                + String.join(", ", landscape.stakeholders().keySet()));
            }
            return s;
        }
        Optional<String> manufacturer = statements.stream()
                .map(VexDocuments.Statement::component)
                .map(Component::manufacturer)
                .flatMap(Optional::stream)
                .map(ref -> ref.text())
                .findFirst();
        return manufacturer
                .map(m -> landscape.stakeholders().get(m))
                .or(() -> landscape.stakeholders().values().stream().findFirst())
                .orElse(new Stakeholder(
                        "mamori", landscape.name(), List.of(), Optional.empty(), Optional.empty(), "", landscape.at()));
    }
}
