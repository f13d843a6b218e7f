package io.charagen.desktop.cli;

import io.charagen.generator.character.PipelineListener;
import io.charagen.generator.projection.ProjectionListener;

import java.io.PrintStream;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, or one line per stage (and every 10%
 * of a long stage) when stderr is a file or a pipe, so logs stay readable.
 */
final class ProgressBar implements PipelineListener {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private final boolean terminal;
    private String prefix = "";
    private int lastTenth = -1;
    private Stage lastStage;

    ProgressBar(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    static ProgressBar forStderr() {
        return new ProgressBar(System.err, System.console() != null);
    }

    /** Names the character the next stages belong to ("Hero 2/5"). */
    void character(String label) {
        prefix = label;
    }

    /** The same bar for a projection on its own (the preset command's). */
    ProjectionListener projection() {
        return (step, steps, loss, learningRate, noise) -> progress(Stage.PROJECTION, step, steps,
                String.format("loss %.4f", loss));
    }

    @Override
    public void progress(Stage stage, int done, int total, String detail) {
        if (stage != lastStage) {
            lastStage = stage;
            lastTenth = -1;
        }
        String line = String.format("charagen: %s %-10s %s %d/%d %s", prefix, stage.label(), bar(done, total), done, total,
                detail).stripTrailing();
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            if (done == total) {
                err.println();
            }
        } else {
            int tenth = total <= 1 ? 10 : done * 10 / total;
            if (tenth != lastTenth || done == total) {
                lastTenth = tenth;
                err.println(line);
            }
        }
        err.flush();
    }

    static String bar(int done, int total) {
        int filled = total <= 0 ? WIDTH : (int) ((long) done * WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "]";
    }
}
