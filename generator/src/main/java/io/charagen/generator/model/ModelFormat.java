package io.charagen.generator.model;

import io.charagen.generator.checkpoint.CheckpointException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The two kinds of model file the runtime reads, told apart by name. */
enum ModelFormat {
    /** A reference training snapshot (.pkl). */
    SNAPSHOT,
    /** A charagen bundle: a .json model card beside its .safetensors weights (either may be named). */
    BUNDLE;

    /** The format of the model file at {@code path}, or an error when there is none or it is neither. */
    static ModelFormat of(Path path) throws CheckpointException {
        if (!Files.isRegularFile(path)) {
            throw new CheckpointException(path + ": no such model file");
        }
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pkl")) {
            return SNAPSHOT;
        }
        if (name.endsWith(".json") || name.endsWith(".safetensors")) {
            return BUNDLE;
        }
        throw new CheckpointException(path + ": not a model file; expected a StyleGAN snapshot (.pkl) or a "
                + "charagen bundle (.json model card beside its .safetensors)");
    }
}
