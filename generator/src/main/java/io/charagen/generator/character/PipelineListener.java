package io.charagen.generator.character;

/** Progress of one character through the pipeline; called on the thread that runs it. */
@FunctionalInterface
public interface PipelineListener {

    /** The pipeline's stages, in order. */
    enum Stage {
        SPRITE("sprite"), CLEANUP("clean-up"), HEAD_CROP("head crop"), PROJECTION("projection"), PORTRAITS("portraits");

        private final String label;

        Stage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * {@code done} of {@code total} units of {@code stage} are finished (steps for the projection,
     * faces for the portraits, 1 of 1 for the others); {@code detail} is a short status such as the loss.
     */
    void progress(Stage stage, int done, int total, String detail);

    PipelineListener NONE = (stage, done, total, detail) -> { };
}
