package dev.mamori.model.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import java.util.List;

/** Assertions that name the diagnostic expected and show all of them when it is missing. */
public final class DiagnosticsAssert {

    private DiagnosticsAssert() {}

    /** Exactly one diagnostic with {@code code} at {@code line:column}, whose message contains the fragments. */
    public static Diagnostic expect(
            LoadResult result, Severity severity, String code, int line, int column, String... fragments) {
        List<Diagnostic> matching = result.diagnostics().stream()
                .filter(d -> d.code().equals(code) && d.severity() == severity)
                .toList();
        assertThat(matching)
                .as("diagnostics with code %s:\n%s", code, Models.render(result.diagnostics()))
                .hasSize(1);
        Diagnostic d = matching.get(0);
        assertThat(d.at().line() + ":" + d.at().column())
                .as("location of %s", d)
                .isEqualTo(line + ":" + column);
        for (String fragment : fragments) {
            assertThat(d.message()).contains(fragment);
        }
        return d;
    }

    public static Diagnostic error(LoadResult result, String code, int line, int column, String... fragments) {
        assertThat(result.valid()).as("a model with an error is not valid").isFalse();
        return expect(result, Severity.ERROR, code, line, column, fragments);
    }

    public static Diagnostic warning(LoadResult result, String code, int line, int column, String... fragments) {
        return expect(result, Severity.WARNING, code, line, column, fragments);
    }
}
