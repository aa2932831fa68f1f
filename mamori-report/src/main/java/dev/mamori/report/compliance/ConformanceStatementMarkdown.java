package dev.mamori.report.compliance;

import dev.mamori.engine.compliance.ConformanceStatement;

/**
 * The ETSI EN 303 645 implementation conformance statement as Markdown: one table row per provision
 * in the layout of the standard's Annex B pro forma (reference, status, support, detail), with our
 * own short labels, never the standard's text.
 */
public final class ConformanceStatementMarkdown {

    private ConformanceStatementMarkdown() {}

    public static String render(ConformanceStatement statement) {
        StringBuilder out = new StringBuilder();
        out.append("# Implementation conformance statement: ")
                .append(statement.title())
                .append("\n\n")
                .append("System: `")
                .append(statement.system())
                .append("`. Filled by Mamori from the model: Y supported, N not supported, N/A not applicable,")
                .append(" ? to be decided by a person (the detail says what to look at). Labels are Mamori's own")
                .append(" paraphrase; the provisions' text is in the standard.\n\n")
                .append("| Provision | Status | Label | Support | Detail |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (ConformanceStatement.Row row : statement.rows()) {
            out.append("| ")
                    .append(row.provision())
                    .append(" | ")
                    .append(row.status())
                    .append(" | ")
                    .append(escape(row.label()))
                    .append(" | ")
                    .append(row.support())
                    .append(" | ")
                    .append(escape(row.detail()))
                    .append(" |\n");
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
