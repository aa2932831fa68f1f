package dev.mamori.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md: data flows one way, model to engine to report to
 * the shells; analyses never print or read files; feature packages do not form cycles.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.mamori");
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }

    @Test
    void theModelDependsOnNothingAbove() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.model..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mamori.imports..",
                        "dev.mamori.engine..",
                        "dev.mamori.report..",
                        "dev.mamori.cli..",
                        "dev.mamori.server.."));
    }

    @Test
    void importsDependOnlyOnTheModel() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.imports..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mamori.engine..", "dev.mamori.report..", "dev.mamori.cli..", "dev.mamori.server..")
                .because("an import turns another tool's model into the tree a Mamori model reads as; the shells"
                        + " decide what to do with it"));
    }

    @Test
    void theEngineDependsOnlyOnTheModel() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mamori.imports..", "dev.mamori.report..", "dev.mamori.cli..", "dev.mamori.server.."));
    }

    @Test
    void vulnerabilityDataFlowsIntoTheModelAndEngineNeverFromThem() {
        check(noClasses()
                .that()
                .resideInAnyPackage("dev.mamori.model..", "dev.mamori.engine..", "dev.mamori.report..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mamori.vulns.."));
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.vulns..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.mamori.report..", "dev.mamori.app..", "dev.mamori.cli..", "dev.mamori.server.."));
    }

    @Test
    void reportsDoNotDependOnTheShells() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.report..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.mamori.cli..", "dev.mamori.server.."));
    }

    @Test
    void theApplicationLayerDependsOnNoShell() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.app..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.mamori.cli..", "dev.mamori.server.."));
    }

    @Test
    void theShellsLeaveLoadingAndAnalysisToTheWorkspace() {
        check(noClasses()
                .that()
                .resideInAnyPackage("dev.mamori.cli..", "dev.mamori.server..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mamori.engine.graph..")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Analyzer")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleNameEndingWith("Evaluator")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("Assessor")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("RiskEngine")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("ModelLoader")
                .orShould()
                .dependOnClassesThat()
                .haveSimpleName("ThreagileImporter")
                .because("a shell parses its arguments and prints; the workspace loads and assesses"
                        + " (docs/architecture.md), so that the command line and the server give the same answers"));
    }

    @Test
    void onlyTheShellsPrint() {
        check(noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.mamori.model..",
                        "dev.mamori.imports..",
                        "dev.mamori.engine..",
                        "dev.mamori.report..",
                        "dev.mamori.app..")
                .should()
                .accessField(System.class, "out")
                .orShould()
                .accessField(System.class, "err")
                .because("analyses and renderers return values; the CLI and the server decide where they go"));
    }

    @Test
    void analysesReadNoFiles() {
        check(noClasses()
                .that()
                .resideInAPackage("dev.mamori.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.nio.file..", "java.io..")
                .because("the engine works on a loaded model; reading files is the model loader's job"));
    }

    @Test
    void onlyTheLoaderTouchesTheFileSystem() {
        check(noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.mamori.model.grammar..",
                        "dev.mamori.model.validate..",
                        "dev.mamori.model.vocabulary..",
                        "dev.mamori.imports..",
                        "dev.mamori.model.diagnostics..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("java.nio.file.Files"));
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        check(slices().matching("dev.mamori.(*).(*)..").should().beFreeOfCycles());
    }
}
