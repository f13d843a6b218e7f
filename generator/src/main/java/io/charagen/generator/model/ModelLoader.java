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

    /**
     * The generator network stored at {@code path} (.pkl snapshot, or .json/.safetensors bundle):
     * its synthesis output only, without a bundle's palette output ({@link #loadGenerator} builds both).
     */
    public static NetworkRecord readGenerator(Path path) throws CheckpointException {
        return switch (ModelFormat.of(path)) {
            case SNAPSHOT -> ReferenceSnapshotReader.read(path).generator();
            case BUNDLE -> ModelBundle.read(path).generator();
        };
    }

    /**
     * Reads and builds the generator on {@code device}, with the palette output a bundle's card
     * names (its images are then the decoded RGB, like any other generator's).
     */
    public static Generator loadGenerator(Path path, Device device) throws CheckpointException {
        return switch (ModelFormat.of(path)) {
            case SNAPSHOT -> Generator.create(ReferenceSnapshotReader.read(path).generator(), device);
            case BUNDLE -> {
                ModelBundle bundle = ModelBundle.read(path);
                yield Generator.create(bundle.generator(), bundle.palette(), device);
            }
        };
    }
}
