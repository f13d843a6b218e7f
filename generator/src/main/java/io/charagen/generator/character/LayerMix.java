package io.charagen.generator.character;

import io.charagen.generator.latent.NumpyRandomState;

import java.util.List;
import java.util.Objects;

/**
 * Style mixing by layer group: the sprite's ws on the layers of {@code groups} are taken from a
 * second seed (mapped with the same psi), so for example the pose or the colours of one seed can be
 * worn by another. Group names are the sprite model card's (or the default split's).
 */
public record LayerMix(long seed, List<String> groups) {

    public LayerMix {
        if (seed < 0 || seed > NumpyRandomState.MAX_SEED) {
            throw new IllegalArgumentException("mix seed " + seed + ": expected 0 to " + NumpyRandomState.MAX_SEED);
        }
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("mix seed " + seed + ": name at least one layer group to take from it");
        }
        if (groups.stream().distinct().count() != groups.size()) {
            throw new IllegalArgumentException("mix groups " + groups + ": each may appear once");
        }
    }
}
