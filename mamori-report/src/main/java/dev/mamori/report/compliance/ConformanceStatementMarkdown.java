package dev.mamori.report.compliance;

import dev.mamori.engine.compliance.ConformanceStatement;

/**
 * The ETSI EN 303 645 implementation conformance statement as Markdown, in the layout of the
 * standard's Annex B pro forma: per clause a heading row, then each provision with its reference,
 * status, support and detail; the numbered conditions below the table, and the provisions the model
 * cannot decide in a list of their own for the manufacturer. Labels are our own, never the
 * standard's text.
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
                .append("`. Filled by Mamori from the model. Status: M mandatory, R recommended, C conditional")
                .append(" (its number is Mamori's, not the standard's: it refers to the conditions listed below")
                .append(" the table), F depends on a feature of the")
                .append(" product. Support: Y supported, N not supported, N/A not applicable (only where a")
                .append(" condition does not hold); left empty where the model cannot decide it, for the")
                .append(" manufacturer to fill in (listed after the conditions). Labels are Mamori's own")
                .append(" paraphrase; the provisions' text is in the standard.\n\n")
                .append("| Reference | Status | Provision | Support | Detail |\n")
                .append("| --- | --- | --- | --- | --- |\n");
        for (ConformanceStatement.Section section : statement.sections()) {
            out.append("| **")
                    .append(section.clause())
                    .append("** | | **")
                    .append(escape(section.heading()))
                    .append("** | | |\n");
            for (ConformanceStatement.Row row : section.rows()) {
                out.append("| ")
                        .append(row.provision())
                        .append(" | ")
                        .append(row.status())
                        .append(" | ")
                        .append(escape(row.label()))
                        .append(" | ")
                        .append(row.support()
                                .map(ConformanceStatement.Support::word)
                                .orElse(""))
                        .append(" | ")
                        .append(escape(row.detail()))
                        .append(" |\n");
            }
        }
        out.append("\n## Conditions\n\n");
        if (statement.conditions().isEmpty()) {
            out.append("No provision of this edition is conditional.\n");
        }
        // The reference lists say which provisions are conditional, not how the standard numbers its
        // conditions: say so, so that nobody takes our numbers for the standard's.
        for (int i = 0; i < statement.conditions().size(); i++) {
            out.append(i + 1)
                    .append(". ")
                    .append(escape(statement.conditions().get(i)))
                    .append('\n');
        }
        out.append("\nThese condition numbers are Mamori's, given within this statement, and not those of the")
                .append(" standard's Annex B; the conditions are worded as the model judges them, and the")
                .append(" standard's own conditions govern.\n")
                .append("\n## To be confirmed by the manufacturer\n\n");
        if (statement.toConfirm().isEmpty()) {
            out.append("Nothing: the model decides every provision.\n");
        }
        for (ConformanceStatement.Row row : statement.toConfirm()) {
            out.append("- ")
                    .append(row.provision())
                    .append(" (")
                    .append(row.status())
                    .append(") ")
                    .append(escape(row.label()))
                    .append(": ")
                    .append(escape(row.detail()))
                    .append('\n');
        }
        return out.toString();
    }

    private static String escape(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
