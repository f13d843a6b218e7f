package io.charagen.generator.model;

import ai.djl.Device;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelBundle;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.ReferenceSnapshotReader;
import io.charagen.generator.nn.Generator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Opens a generator from whatever the user points at: a reference snapshot or a charagen bundle. */
public final class ModelLoader {

    private ModelLoader() {
    }

    /** The generator network stored at {@code path} (.pkl snapshot, or .json/.safetensors bundle). */
    public static NetworkRecord readGenerator(Path path) throws CheckpointException {
        if (!Files.isRegularFile(path)) {
            throw new CheckpointException(path + ": no such model file");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pkl")) {
            return ReferenceSnapshotReader.read(path).generator();
        }
        if (name.endsWith(".json") || name.endsWith(".safetensors")) {
            return ModelBundle.read(path).generator();
        }
        throw new CheckpointException(path + ": not a model file; expected a StyleGAN snapshot (.pkl) or a "
                + "charagen bundle (.json model card beside its .safetensors)");
    }

    /** Reads and builds the generator on {@code device}. */
    public static Generator loadGenerator(Path path, Device device) throws CheckpointException {
        return Generator.create(readGenerator(path), device);
    }
}
