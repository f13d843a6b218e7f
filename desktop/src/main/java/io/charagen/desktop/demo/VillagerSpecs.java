package io.charagen.desktop.demo;

import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.latent.NumpyRandomState;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What to ask the generator for: villager k gets seed first + k, a name, an archetype drawn from
 * those both models have presets for, and a face per expression (neutral first).
 */
final class VillagerSpecs {

    private static final List<String> NAMES = List.of("Alric", "Brenna", "Corwin", "Dalia", "Edric", "Fenna",
            "Garrick", "Hilde", "Ivo", "Jessa", "Kellan", "Liora", "Mabry", "Nessa", "Osric", "Perrin", "Quenby",
            "Rowan", "Sable", "Tamsin", "Ulric", "Vesna", "Wynn", "Yorick", "Zelda", "Ansel", "Bryony", "Cedric",
            "Delphine", "Emrys", "Fiora", "Gideon");

    /** The sprite's truncation and palette that {@code charagen generate} uses by default too. */
    private static final double PSI = 0.7;
    private static final int PALETTE = 32;

    private final long firstSeed;
    private final int steps;
    private final List<String> archetypes;
    private final List<ExpressionChoice> faces;
    private final Random pick;

    VillagerSpecs(long firstSeed, int steps, List<String> archetypes, List<String> expressions) {
        this.firstSeed = firstSeed;
        this.steps = steps;
        this.archetypes = List.copyOf(archetypes);
        this.faces = faces(expressions);
        this.pick = new Random(firstSeed);
    }

    /** Neutral (the portrait as projected) and then each expression preset, a face sheet's worth at most. */
    static List<ExpressionChoice> faces(List<String> expressions) {
        List<ExpressionChoice> faces = new ArrayList<>();
        faces.add(new ExpressionChoice(ExpressionChoice.BASE, null));
        for (String e : expressions) {
            if (faces.size() < CharacterSpec.MAX_FACES && !e.equals(ExpressionChoice.BASE)) {
                faces.add(new ExpressionChoice(e, null));
            }
        }
        return faces;
    }

    /** The spec of villager {@code k} (call in order 0, 1, 2...: archetypes are drawn one after another). */
    CharacterSpec villager(int k) {
        long seed = (firstSeed + k) & NumpyRandomState.MAX_SEED;
        String name = NAMES.get((int) ((firstSeed + k) % NAMES.size()));
        if (k >= NAMES.size()) {
            name = name + " " + (k / NAMES.size() + 1);
        }
        String archetype = archetypes.isEmpty() ? null : archetypes.get(pick.nextInt(archetypes.size()));
        return new CharacterSpec(name, seed, PSI, archetype, faces, PALETTE, null, steps);
    }
}
