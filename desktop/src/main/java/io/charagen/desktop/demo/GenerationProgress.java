package io.charagen.desktop.demo;

import io.charagen.generator.character.PipelineListener.Stage;

/**
 * One number for how far a character has come through the pipeline, for a progress bar: each
 * stage gets a share of the bar roughly as large as its share of the time on a CPU (the head
 * projection takes most of it).
 */
final class GenerationProgress {

    private static final float[] SHARE = new float[Stage.values().length];

    static {
        SHARE[Stage.SPRITE.ordinal()] = 0.06f;
        SHARE[Stage.CLEANUP.ordinal()] = 0.02f;
        SHARE[Stage.HEAD_CROP.ordinal()] = 0.02f;
        SHARE[Stage.PROJECTION.ordinal()] = 0.70f;
        SHARE[Stage.PORTRAITS.ordinal()] = 0.20f;
    }

    private GenerationProgress() {
    }

    /** 0 to 1: the stages before {@code stage} done, and {@code done} of {@code total} units of it. */
    static float fraction(Stage stage, int done, int total) {
        float before = 0;
        for (int i = 0; i < stage.ordinal(); i++) {
            before += SHARE[i];
        }
        float part = total <= 0 ? 1f : Math.max(0, Math.min(1, done / (float) total));
        return Math.min(1f, before + SHARE[stage.ordinal()] * part);
    }
}
