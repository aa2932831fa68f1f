package dev.mamori.report.diagnostics;

import dev.mamori.model.diagnostics.Diagnostic;
import dev.mamori.model.diagnostics.Severity;
import dev.mamori.report.json.StableJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Diagnostics as people and tools read them: one {@code FILE:LINE:COL: error: MESSAGE} line each,
 * or a JSON document for editors and CI.
 *
 * @param files the files that were read
 */
public record DiagnosticsReport(List<String> files, List<Diagnostic> diagnostics) {

    public DiagnosticsReport {
        files = List.copyOf(files);
        diagnostics = List.copyOf(diagnostics);
    }

    public long errors() {
        return diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
    }

    public long warnings() {
        return diagnostics.size() - errors();
    }

    /** The lines, then a summary line. */
    public String text(String summaryOfValidModel) {
        StringBuilder out = new StringBuilder();
        diagnostics.forEach(d -> out.append(d).append('\n'));
        if (errors() > 0) {
            out.append(String.format(
                    "invalid: %d %s, %d %s%n",
                    errors(), plural(errors(), "error"), warnings(), plural(warnings(), "warning")));
        } else {
            out.append("valid: ")
                    .append(summaryOfValidModel)
                    .append(String.format(", %d %s%n", warnings(), plural(warnings(), "warning")));
        }
        return out.toString();
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }

    /**
     * {@code {"valid": …, "errors": n, "warnings": n, "files": [...], "diagnostics": [{severity,
     * file, line, column, code, message}]}}.
     */
    public String json() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", errors() == 0);
        out.put("errors", errors());
        out.put("warnings", warnings());
        out.put("files", files);
        List<Map<String, Object>> items = new ArrayList<>();
        for (Diagnostic d : diagnostics) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("severity", d.severity().word());
            item.put("file", d.at().file());
            item.put("line", d.at().line());
            item.put("column", d.at().column());
            item.put("code", d.code());
            item.put("message", d.message());
            items.add(item);
        }
        out.put("diagnostics", items);
        return StableJson.write(out);
    }
}
