package io.charagen.generator.model;

import ai.djl.Device;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelBundle;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.ReferenceSnapshotReader;
import io.charagen.generator.nn.Generator;

import java.nio.file.Path;

/** Opens a generator from whatever the user points at: a reference snapshot or a charagen bundle. */
public final class ModelLoader {

    private ModelLoader() {
    }

    /** The generator network stored at {@code path} (.pkl snapshot, or .json/.safetensors bundle). */
    public static NetworkRecord readGenerator(Path path) throws CheckpointException {
        return switch (ModelFormat.of(path)) {
            case SNAPSHOT -> ReferenceSnapshotReader.read(path).generator();
            case BUNDLE -> ModelBundle.read(path).generator();
        };
    }

    /** Reads and builds the generator on {@code device}. */
    public static Generator loadGenerator(Path path, Device device) throws CheckpointException {
        return Generator.create(readGenerator(path), device);
    }
}
