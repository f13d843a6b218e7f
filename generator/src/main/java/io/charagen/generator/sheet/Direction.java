package io.charagen.generator.sheet;

import java.util.Locale;

/** The four facing directions, in RPG Maker's row order (a character's rows, top to bottom). */
public enum Direction {
    DOWN, LEFT, RIGHT, UP;

    /** The lower-case name used in layouts and records ("down", "left", ...). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The direction named {@code key} (case-insensitive), or an IllegalArgumentException naming it. */
    public static Direction fromKey(String key) {
        for (Direction d : values()) {
            if (d.key().equalsIgnoreCase(key)) {
                return d;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not a direction (down, left, right, up)");
    }
}
