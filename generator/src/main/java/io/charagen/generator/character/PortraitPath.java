package io.charagen.generator.character;

import io.charagen.generator.model.ModelRef;

/**
 * How a character's portrait w was found (DESIGN.md stage 4), as its record says it: projected from
 * w_avg, predicted by the portrait model's head encoder, or predicted and then refined by projection.
 */
public enum PortraitPath {
    PROJECTION("projection"), ENCODER("encoder"), ENCODER_REFINEMENT("encoder+refinement");

    private final String key;

    PortraitPath(String key) {
        this.key = key;
    }

    /** The name records write. */
    public String key() {
        return key;
    }

    /** The path a pipeline takes with {@code encoder} (null: none) and {@code projectionSteps}. */
    public static PortraitPath of(ModelRef encoder, int projectionSteps) {
        return encoder == null ? PROJECTION : projectionSteps == 0 ? ENCODER : ENCODER_REFINEMENT;
    }

    /** The path named {@code key}, or an IllegalArgumentException listing the names there are. */
    public static PortraitPath fromKey(String key) {
        for (PortraitPath path : values()) {
            if (path.key.equals(key)) {
                return path;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a portrait path (projection, encoder, encoder+refinement)");
    }

    /** Whether a head encoder predicted the start. */
    public boolean usesEncoder() {
        return this != PROJECTION;
    }
}
