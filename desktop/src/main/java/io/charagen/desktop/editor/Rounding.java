package io.charagen.desktop.editor;

/** Slider values are floats on a 0.05 grid; specs and records get them as the decimals shown. */
final class Rounding {

    private Rounding() {
    }

    static double hundredths(float value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
