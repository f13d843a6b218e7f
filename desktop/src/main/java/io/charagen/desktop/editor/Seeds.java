package io.charagen.desktop.editor;

import io.charagen.generator.latent.NumpyRandomState;

/** Seeds as typed into the editor's fields. */
final class Seeds {

    private Seeds() {
    }

    /** @throws IllegalArgumentException naming the field and the text when it is not a seed */
    static long parse(String what, String text) {
        String trimmed = text.trim();
        try {
            long seed = Long.parseLong(trimmed);
            if (seed >= 0 && seed <= NumpyRandomState.MAX_SEED) {
                return seed;
            }
        } catch (NumberFormatException e) {
            // refused below, with the text the user typed
        }
        throw new IllegalArgumentException(what + " '" + trimmed + "': expected a whole number from 0 to "
                + NumpyRandomState.MAX_SEED);
    }

    /** {@code seed + delta}, wrapped into the seed range. */
    static long step(long seed, long delta) {
        return Math.floorMod(seed + delta, NumpyRandomState.MAX_SEED + 1);
    }
}
