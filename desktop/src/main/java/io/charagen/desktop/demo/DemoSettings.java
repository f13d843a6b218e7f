package io.charagen.desktop.demo;

import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.latent.NumpyRandomState;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the demo scene runs.
 *
 * @param spriteModel    the sprite model file (.pkl snapshot or bundle .json)
 * @param portraitModel  the portrait model file
 * @param portraitEncoder the head encoder card that starts each portrait, or null for none
 * @param presets        the presets folder
 * @param device         "cpu" or "gpu"
 * @param npcs           villagers to generate (1 to {@value #MAX_NPCS})
 * @param firstSeed      the first villager's seed; the others follow it
 * @param steps          projection steps per villager's portrait (0 only with a head encoder: its w as it is)
 * @param cache          disk cache folder, or null for none
 * @param width          window width in pixels
 * @param height         window height in pixels
 */
public record DemoSettings(Path spriteModel, Path portraitModel, Path portraitEncoder, Path presets, String device,
                           int npcs, long firstSeed, int steps, Path cache, int width, int height) {

    public static final int MAX_NPCS = 64;
    public static final int MIN_WIDTH = 480;
    public static final int MIN_HEIGHT = 360;
    /** Disk cache size: a 48 x 48 villager with 6 faces takes well under 1 MiB. */
    public static final long CACHE_BYTES = 256L << 20;

    /** Settings without a head encoder: every villager's head is projected from w_avg. */
    public DemoSettings(Path spriteModel, Path portraitModel, Path presets, String device, int npcs, long firstSeed,
                        int steps, Path cache, int width, int height) {
        this(spriteModel, portraitModel, null, presets, device, npcs, firstSeed, steps, cache, width, height);
    }

    public DemoSettings {
        Objects.requireNonNull(spriteModel, "spriteModel");
        Objects.requireNonNull(portraitModel, "portraitModel");
        Objects.requireNonNull(presets, "presets");
        if (!device.equals("cpu") && !device.equals("gpu")) {
            throw new IllegalArgumentException("device '" + device + "': expected cpu or gpu");
        }
        check(npcs, firstSeed, steps, width, height);
        if (steps == 0 && portraitEncoder == null) {
            throw new IllegalArgumentException("--steps 0: there is no head encoder for the portrait model, so each face"
                    + " would be w_avg's whatever the villager; give 1 or more steps, or an encoder with --portrait-encoder");
        }
    }

    /**
     * Checks the numbers (the options that name them), before anything is loaded; whether 0 steps may
     * be used depends on the encoder, which the settings check.
     */
    public static void check(int npcs, long firstSeed, int steps, int width, int height) {
        if (npcs < 1 || npcs > MAX_NPCS) {
            throw new IllegalArgumentException("--npcs " + npcs + ": expected 1 to " + MAX_NPCS);
        }
        if (firstSeed < 0 || firstSeed > NumpyRandomState.MAX_SEED) {
            throw new IllegalArgumentException("--seed " + firstSeed + ": expected 0 to " + NumpyRandomState.MAX_SEED);
        }
        if (steps < 0 || steps > CharacterSpec.MAX_PROJECTION_STEPS) {
            throw new IllegalArgumentException("--steps " + steps + ": expected 0 (with a head encoder) or 1 to "
                    + CharacterSpec.MAX_PROJECTION_STEPS);
        }
        if (width < MIN_WIDTH || height < MIN_HEIGHT || width > 7680 || height > 4320) {
            throw new IllegalArgumentException("--window " + width + "x" + height + ": expected at least "
                    + MIN_WIDTH + "x" + MIN_HEIGHT + " and at most 7680x4320");
        }
    }

    /** Map size in tiles: as many whole tiles as fit the window. */
    int columns() {
        return width / TileMap.TILE;
    }

    int rows() {
        return height / TileMap.TILE;
    }
}
