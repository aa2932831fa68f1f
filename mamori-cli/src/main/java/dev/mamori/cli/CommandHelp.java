package dev.mamori.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.UsageMessageSpec;

/**
 * Help text wrapped once. The commands' descriptions are written as short lines for reading in the
 * source; picocli wraps each line again at the terminal's width, which left ragged half-lines. The
 * lines of a paragraph are joined here, so picocli's own wrapping is the only one; an empty line
 * still separates paragraphs.
 */
final class CommandHelp {

    private CommandHelp() {}

    static void rewrap(CommandLine commandLine) {
        UsageMessageSpec usage = commandLine.getCommandSpec().usageMessage();
        usage.description(paragraphs(usage.description()));
        commandLine.getSubcommands().values().forEach(CommandHelp::rewrap);
    }

    static String[] paragraphs(String[] lines) {
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                flush(paragraph, out);
                out.add("");
            } else {
                if (paragraph.length() > 0) {
                    paragraph.append(' ');
                }
                paragraph.append(line.strip());
            }
        }
        flush(paragraph, out);
        return out.toArray(String[]::new);
    }

    private static void flush(StringBuilder paragraph, List<String> out) {
        if (paragraph.length() > 0) {
            out.add(paragraph.toString());
            paragraph.setLength(0);
        }
    }
}
