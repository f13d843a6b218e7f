package io.charagen.core.assets;

import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;

import java.util.Objects;

/**
 * A sprite or portrait model loaded by the {@link com.badlogic.gdx.assets.AssetManager}: its card
 * and weights, read and checked but not yet built into a network (a {@code CharacterGenerator}
 * builds the networks on its own worker threads). Holds only Java heap memory.
 */
public final class CharagenModel {

    private final ModelSource source;

    public CharagenModel(ModelSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    public ModelSource source() {
        return source;
    }

    public ModelKind kind() {
        return source.card().kind();
    }

    /** Name and sha256: what presets, records and cache entries refer to. */
    public ModelRef ref() {
        return source.ref();
    }

    public int resolution() {
        return source.card().resolution();
    }

    @Override
    public String toString() {
        return kind().cardName() + " model " + ref().describe();
    }
}
