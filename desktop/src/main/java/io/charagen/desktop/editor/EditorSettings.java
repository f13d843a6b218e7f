package io.charagen.desktop.editor;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What the editor starts with: the models and presets, where characters are made, how many
 * projection steps a portrait gets, the disk cache's folder and the window size.
 *
 * @param device "cpu" or "gpu"
 */
public record EditorSettings(Path spriteModel, Path portraitModel, Path presets, String device, int projectionSteps,
                             Path cache, int windowWidth, int windowHeight) {

    public EditorSettings {
        Objects.requireNonNull(spriteModel, "spriteModel");
        Objects.requireNonNull(portraitModel, "portraitModel");
        Objects.requireNonNull(presets, "presets");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(cache, "cache");
        if (projectionSteps < 1 || projectionSteps > 100_000) {
            throw new IllegalArgumentException("projection steps " + projectionSteps + ": expected 1 to 100000");
        }
        if (windowWidth < 640 || windowHeight < 480) {
            throw new IllegalArgumentException("window " + windowWidth + "x" + windowHeight + ": the editor needs at least 640x480");
        }
    }
}
