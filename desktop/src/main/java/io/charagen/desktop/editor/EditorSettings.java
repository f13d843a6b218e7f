package io.charagen.desktop.editor;

import io.charagen.generator.character.CharacterSpec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the editor starts with: the models and presets, where characters are made, how many
 * projection steps a portrait gets, the disk cache's folder and the window size.
 *
 * @param portraitEncoder the head encoder card whose prediction starts each portrait, or null for none
 * @param device          "cpu" or "gpu"
 * @param projectionSteps 1 to 100000; with a head encoder 0 to 100000 (0: its w as it is)
 */
public record EditorSettings(Path spriteModel, Path portraitModel, Path portraitEncoder, Path presets, String device,
                             int projectionSteps, Path cache, int windowWidth, int windowHeight) {

    /** Settings without a head encoder: every head is projected from w_avg. */
    public EditorSettings(Path spriteModel, Path portraitModel, Path presets, String device, int projectionSteps,
                          Path cache, int windowWidth, int windowHeight) {
        this(spriteModel, portraitModel, null, presets, device, projectionSteps, cache, windowWidth, windowHeight);
    }

    public EditorSettings {
        Objects.requireNonNull(spriteModel, "spriteModel");
        Objects.requireNonNull(portraitModel, "portraitModel");
        Objects.requireNonNull(presets, "presets");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cache, "cache");
        int fewest = portraitEncoder != null ? 0 : 1;
        if (projectionSteps < fewest || projectionSteps > CharacterSpec.MAX_PROJECTION_STEPS) {
            throw new IllegalArgumentException("projection steps " + projectionSteps + ": expected " + fewest + " to "
                    + CharacterSpec.MAX_PROJECTION_STEPS + (fewest == 1 ? " without a head encoder" : ""));
        }
        if (windowWidth < 640 || windowHeight < 480) {
            throw new IllegalArgumentException("window " + windowWidth + "x" + windowHeight + ": the editor needs at least 640x480");
        }
    }
}
