package dev.mamori.cli;

import java.util.List;
import java.util.Locale;

/**
 * One line of the progress bar, as text: the bar, the stage number, the stage and the time so far,
 * cut to the terminal's width. A pure function, so that what the bar says is tested without a
 * terminal.
 */
final class ProgressLine {

    /** The bar's own width in cells, whatever the terminal's. */
    static final int BAR = 20;

    private ProgressLine() {}

    /**
     * @param stages the stages of the run, in order
     * @param index the stage under way (0-based); the bar shows the stages before it as done
     * @param elapsedMillis time since the run started
     * @param width the terminal's width; the line never reaches the last column, so it never wraps
     */
    static String render(List<String> stages, int index, long elapsedMillis, int width) {
        int total = Math.max(1, stages.size());
        int current = Math.max(0, Math.min(index, total - 1));
        int filled = BAR * current / total;
        StringBuilder out = new StringBuilder("mamori [");
        out.append("█".repeat(filled)).append("░".repeat(BAR - filled)).append("] ");
        out.append(current + 1).append('/').append(total).append(' ');
        String time = String.format(Locale.ROOT, "  %.1f s", elapsedMillis / 1000.0);
        String stage = stages.isEmpty() ? "" : stages.get(current);
        int room = width - 1 - out.length() - time.length();
        if (room < stage.length()) {
            stage = room <= 1 ? "" : stage.substring(0, room - 1) + "…";
        }
        return out.append(stage).append(time).toString();
    }
}
