package dev.mamori.report.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.engine.assessment.Assessment;
import dev.mamori.engine.compliance.ComplianceResult.SystemCompliance;
import dev.mamori.engine.compliance.ConformanceStatement;
import dev.mamori.engine.compliance.ConformanceStatement.Row;
import dev.mamori.engine.compliance.ConformanceStatement.Support;
import dev.mamori.engine.compliance.Standard;
import dev.mamori.report.Assessed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ETSI EN 303 645 conformance statements of two examples, every row: the expected statements in
 * ics/ are reviewed by hand; after a deliberate change, rewrite them with {@code
 * -Dmamori.golden.write=DIR} (DIR that folder) and review the difference.
 */
class ConformanceStatementTest {

    static Stream<Arguments> statements() {
        return Stream.of("smart-home/home.yaml", "plant/plant.yaml")
                .flatMap(example ->
                        ConformanceStatement.etsiVersions().stream().map(version -> Arguments.of(example, version)));
    }

    private static List<ConformanceStatement> of(String example, String version) {
        Assessment assessment = Assessed.example(example);
        return assessment.compliance().systems().stream()
                .map(s -> ConformanceStatement.of(assessment.compliance().catalog(), s, version))
                .toList();
    }

    @ParameterizedTest
    @MethodSource("statements")
    void everyRowIsAsReviewed(String example, String version) throws IOException {
        String printed = String.join(
                "\n",
                of(example, version).stream()
                        .map(ConformanceStatementMarkdown::render)
                        .toList());
        String golden = example.substring(0, example.indexOf('/')) + "-" + version + ".md";
        String rewriteInto = System.getProperty("mamori.golden.write");
        if (rewriteInto != null) {
            Files.writeString(Path.of(rewriteInto, golden), printed);
        }
        try (InputStream in = getClass().getResourceAsStream("ics/" + golden)) {
            assertThat(in).as("the expected statement ics/%s", golden).isNotNull();
            assertThat(printed).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @MethodSource("statements")
    void everyProvisionIsThereAndOnlyConditionsMakeItNotApplicable(String example, String version) {
        Assessment assessment = Assessed.example(example);
        Standard standard = assessment.compliance().catalog().standards().get(version);
        for (SystemCompliance system : assessment.compliance().systems()) {
            ConformanceStatement statement =
                    ConformanceStatement.of(assessment.compliance().catalog(), system, version);
            assertThat(statement.rows())
                    .extracting(Row::provision)
                    .containsExactlyElementsOf(standard.items().keySet());
            for (Row row : statement.rows()) {
                Standard.Item item = standard.items().get(row.provision());
                if (!item.conditional()) {
                    assertThat(row.support()).as(row.provision()).isNotEqualTo(Optional.of(Support.NOT_APPLICABLE));
                    assertThat(row.condition()).as(row.provision()).isEmpty();
                    assertThat(row.status()).as(row.provision()).isIn("M", "R");
                } else {
                    assertThat(row.condition()).as(row.provision()).isPresent();
                    assertThat(row.status()).as(row.provision()).matches("[MR]( C)?( F)? [0-9]+");
                }
                if (row.support().equals(Optional.of(Support.NOT_APPLICABLE))) {
                    assertThat(row.detail())
                            .startsWith("condition " + row.condition().orElseThrow() + " does not hold");
                }
            }
            // What the model leaves open is listed for the manufacturer, and nothing else is.
            assertThat(statement.toConfirm())
                    .containsExactlyElementsOf(statement.rows().stream()
                            .filter(r -> r.support().isEmpty())
                            .toList());
            String printed = ConformanceStatementMarkdown.render(statement);
            assertThat(printed).doesNotContain("| ? |");
            for (String heading : statement.sections().stream()
                    .map(ConformanceStatement.Section::clause)
                    .toList()) {
                assertThat(printed).contains("| **" + heading + "** |");
            }
        }
    }
}
