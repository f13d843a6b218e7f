package io.charagen.generator.pixelart;

import io.charagen.generator.sheet.CharacterFrames;

/** The cleaned frames of one character and what the clean-up did. */
public record CleanupResult(CharacterFrames frames, CleanupReport report) {

    /** The shared palette of all frames (opaque ARGB), outline colour included. */
    public int[] palette() {
        return report.palette();
    }
}
