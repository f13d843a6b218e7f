package io.charagen.generator.character;

import io.charagen.generator.latent.NumpyRandomState;

import java.util.List;
import java.util.Objects;

/**
 * Everything that decides one character, given the two models and the presets: the same spec on
 * the same kind of device gives the same pixels.
 *
 * @param archetype       archetype preset name, or null for none
 * @param expressions     the faces to draw, in face-sheet order (1 to 8); none for a character made
 *                        without a portrait model (a sprite only)
 * @param paletteSize     colours in the sprite's shared palette (2..256)
 * @param outlineRgb      0xRRGGBB of a 1-px outline, or null for none
 * @param projectionSteps optimisation steps of the head projection (0 to 100000); with a head encoder,
 *                        the steps that refine its w (0: the encoder's w as it is)
 * @param mix             layer groups of the sprite taken from a second seed, or null for none
 */
public record CharacterSpec(String name, long seed, double psi, String archetype, List<ExpressionChoice> expressions,
                            int paletteSize, Integer outlineRgb, int projectionSteps, LayerMix mix) {

    public static final int MAX_FACES = 8;
    public static final int MAX_PROJECTION_STEPS = 100_000;

    public CharacterSpec {
        Objects.requireNonNull(name, "name");
        if (seed < 0 || seed > NumpyRandomState.MAX_SEED) {
            throw new IllegalArgumentException("seed " + seed + ": expected 0 to " + NumpyRandomState.MAX_SEED);
        }
        if (!Double.isFinite(psi) || psi < -2 || psi > 2) {
            throw new IllegalArgumentException("psi " + psi + ": expected a number from -2 to 2");
        }
        expressions = List.copyOf(expressions);
        if (expressions.size() > MAX_FACES) {
            throw new IllegalArgumentException(expressions.size() + " expressions: a face sheet holds 1 to " + MAX_FACES);
        }
        if (expressions.stream().map(ExpressionChoice::name).distinct().count() != expressions.size()) {
            throw new IllegalArgumentException("expressions " + expressions + ": each may appear once");
        }
        if (paletteSize < 2 || paletteSize > 256) {
            throw new IllegalArgumentException("palette size " + paletteSize + ": expected 2 to 256 colours");
        }
        if (outlineRgb != null && (outlineRgb < 0 || outlineRgb > 0xffffff)) {
            throw new IllegalArgumentException("outline colour " + outlineRgb + ": expected 0xRRGGBB");
        }
        if (projectionSteps < 0 || projectionSteps > MAX_PROJECTION_STEPS) {
            throw new IllegalArgumentException("projection steps " + projectionSteps + ": expected 0 to "
                    + MAX_PROJECTION_STEPS);
        }
    }

    /** A character without layer mixing. */
    public CharacterSpec(String name, long seed, double psi, String archetype, List<ExpressionChoice> expressions,
                         int paletteSize, Integer outlineRgb, int projectionSteps) {
        this(name, seed, psi, archetype, expressions, paletteSize, outlineRgb, projectionSteps, null);
    }

    /** Whether the spec asks for faces (it has expressions); without, it is a sprite only. */
    public boolean hasFaces() {
        return !expressions.isEmpty();
    }

    /** The same character with another name and seed (for --count). */
    public CharacterSpec withNameAndSeed(String newName, long newSeed) {
        return new CharacterSpec(newName, newSeed, psi, archetype, expressions, paletteSize, outlineRgb, projectionSteps, mix);
    }

    /** The same character with {@code newMix} (null: none). */
    public CharacterSpec withMix(LayerMix newMix) {
        return new CharacterSpec(name, seed, psi, archetype, expressions, paletteSize, outlineRgb, projectionSteps, newMix);
    }
}
