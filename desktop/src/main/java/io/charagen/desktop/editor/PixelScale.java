package io.charagen.desktop.editor;

/**
 * How big to draw pixel art in a box: enlarged by the largest whole number that fits, so every
 * pixel stays a square of the same size; shrunk to fit when it is larger than the box.
 */
final class PixelScale {

    private PixelScale() {
    }

    static float fit(float boxWidth, float boxHeight, int width, int height) {
        float fit = Math.min(boxWidth / width, boxHeight / height);
        return fit >= 1 ? (float) Math.floor(fit) : fit;
    }
}
