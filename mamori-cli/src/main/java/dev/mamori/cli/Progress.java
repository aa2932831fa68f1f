package dev.mamori.cli;

import java.io.PrintWriter;
import java.util.List;

/**
 * Progress of a long run, shown on standard error while it is a terminal: one line, redrawn in place
 * every {@link #REPAINT_MILLIS} by a daemon thread, that names the stage under way and the time so
 * far. It appears only after {@link #QUIET_MILLIS}, so a quick run prints nothing, and it is wiped
 * when the run ends, so nothing of it stays in the terminal. When standard error is not a terminal
 * (a pipe, a file, CI, the tests) the command uses {@link #NONE}, which prints nothing.
 *
 * <p>Stages are the shell's: reading the model, each analysis of the assessment as the engine
 * starts it (rules, systemic risk, missions, compliance; {@code Assessor.Listener}), then each output.
 */
final class Progress implements AutoCloseable {

    static final long QUIET_MILLIS = 500;

    static final long REPAINT_MILLIS = 200;

    /** The width assumed for the terminal: Java cannot ask it, and 80 columns is the common floor. */
    static final int WIDTH = 80;

    /** A run that shows nothing. */
    static final Progress NONE = new Progress(null, List.of(), 0);

    private final PrintWriter err;
    private final List<String> stages;
    private final long startedAt;
    private volatile int index;
    private boolean shown;
    private Thread painter;

    private Progress(PrintWriter err, List<String> stages, long startedAt) {
        this.err = err;
        this.stages = List.copyOf(stages);
        this.startedAt = startedAt;
    }

    /** A progress line on {@code err} for a run made of {@code stages}, redrawn until {@link #close()}. */
    static Progress onTerminal(PrintWriter err, List<String> stages) {
        Progress progress = new Progress(err, stages, System.currentTimeMillis());
        progress.painter = new Thread(progress::repaint, "mamori-progress");
        progress.painter.setDaemon(true);
        progress.painter.start();
        return progress;
    }

    /** Drawn by hand, without the thread: for tests of what the line shows and how it is wiped. */
    static Progress drawnBy(PrintWriter err, List<String> stages) {
        return new Progress(err, stages, 0);
    }

    /** The run has reached {@code stage}, one of the stages it was made with. */
    void stage(String stage) {
        int i = stages.indexOf(stage);
        if (i >= 0) {
            index = i;
        }
    }

    /** Prints a line of the command's own (such as "wrote FILE") without mixing it into the bar. */
    synchronized void println(PrintWriter to, String line) {
        wipe();
        to.println(line);
        to.flush();
    }

    /** Prints text of the command's own (several lines, ending with its line break) without mixing it into the bar. */
    synchronized void print(PrintWriter to, String text) {
        wipe();
        to.print(text);
        to.flush();
    }

    /** Draws the line as it stands {@code elapsedMillis} after the start. */
    synchronized void paint(long elapsedMillis) {
        if (err == null || elapsedMillis < QUIET_MILLIS) {
            return;
        }
        err.print("\r" + ProgressLine.render(stages, index, elapsedMillis, WIDTH) + "\u001b[K");
        err.flush();
        shown = true;
    }

    private void repaint() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(REPAINT_MILLIS);
                paint(System.currentTimeMillis() - startedAt);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void wipe() {
        if (shown) {
            err.print("\r\u001b[K");
            err.flush();
            shown = false;
        }
    }

    @Override
    public void close() {
        if (painter != null) {
            painter.interrupt();
            try {
                painter.join(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            wipe();
        }
    }
}
