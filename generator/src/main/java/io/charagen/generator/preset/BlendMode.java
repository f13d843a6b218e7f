package io.charagen.generator.preset;

import java.util.Locale;

/**
 * How a preset changes the ws layers it touches, with strength s:
 * replace: w = p; lerp: w = w + s (p - w); add: w = w + s p (p is a direction, such as the mean
 * difference between two labelled groups).
 */
public enum BlendMode {
    REPLACE, LERP, ADD;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    float blend(float w, float p, float strength) {
        return switch (this) {
            case REPLACE -> p;
            case LERP -> w + strength * (p - w);
            case ADD -> w + strength * p;
        };
    }
}
