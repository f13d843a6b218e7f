package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.Shape;
import io.charagen.generator.io.SafeFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A palette head as read from its bundle: the card's {@link PaletteOutputSpec} and the head's
 * float32 tensors (plain {@code torch.nn.Linear} layers of an {@code nn.Sequential}, y = x W^T + b),
 * every name and shape checked against the spec and the generator's w_dim.
 *
 * @param weights {@code net.0.weight} [hidden, 2 w_dim], {@code net.0.bias} [hidden],
 *                {@code net.2.weight} [hidden, hidden], {@code net.2.bias} [hidden],
 *                {@code net.4.weight} [S K 3, hidden], {@code net.4.bias} [S K 3], and nothing else
 */
public record PaletteRecord(PaletteOutputSpec spec, int wDim, StateDict weights) {

    public PaletteRecord {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(weights, "weights");
    }

    /** The tensors a palette head must hold, with their shapes, in the order they are used. */
    public static Map<String, Shape> expectedShapes(PaletteOutputSpec spec, int wDim) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        shapes.put("net.0.weight", new Shape(spec.hidden(), 2L * wDim));
        shapes.put("net.0.bias", new Shape(spec.hidden()));
        shapes.put("net.2.weight", new Shape(spec.hidden(), spec.hidden()));
        shapes.put("net.2.bias", new Shape(spec.hidden()));
        shapes.put("net.4.weight", new Shape(spec.paletteValues(), spec.hidden()));
        shapes.put("net.4.bias", new Shape(spec.paletteValues()));
        return shapes;
    }

    /**
     * Reads the palette head that {@code card} (read from {@code cardFile}) names: the file must have
     * the sha256 the card records and hold exactly the tensors of {@link #expectedShapes}. Reading
     * runs nothing: the file is safetensors.
     */
    public static PaletteRecord read(Path cardFile, ModelCard card) throws CheckpointException {
        PaletteOutputSpec spec = card.output();
        if (spec == null) {
            throw new CheckpointException(cardFile + ": the model card names no palette output");
        }
        Path file = cardFile.resolveSibling(spec.file());
        byte[] bytes = ModelBundle.readWeights(file);
        String actual = FileDigests.sha256Hex(bytes);
        if (!actual.equals(spec.sha256())) {
            throw new CheckpointException(file + ": sha256 is " + actual + " but the model card " + cardFile
                    + " records " + spec.sha256() + " for its palette output; the palette file was changed or damaged");
        }
        return check(spec, card.wDim(), SafetensorsCodec.decode(bytes, file.toString()));
    }

    /** The record of {@code weights}, checked: every expected tensor present with its shape, no others. */
    public static PaletteRecord check(PaletteOutputSpec spec, int wDim, StateDict weights) throws CheckpointException {
        Map<String, Shape> expected = expectedShapes(spec, wDim);
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            if (!weights.contains(e.getKey())) {
                throw new CheckpointException(weights.source() + ": missing tensor '" + e.getKey()
                        + "' of the palette head (expected shape " + e.getValue() + ")");
            }
            Shape shape = weights.get(e.getKey()).shape();
            if (!shape.equals(e.getValue())) {
                throw new CheckpointException(weights.source() + ": tensor '" + e.getKey() + "' has shape " + shape
                        + " but the palette output (" + spec.slotCount() + " slots, " + spec.shades()
                        + " shades, hidden " + spec.hidden() + ", w_dim " + wDim + ") needs " + e.getValue());
            }
        }
        for (String name : weights.names()) {
            if (!expected.containsKey(name)) {
                throw new CheckpointException(weights.source() + ": unexpected tensor '" + PythonTypes.printable(name)
                        + "'; a palette head holds only " + String.join(", ", expected.keySet()));
            }
        }
        return new PaletteRecord(spec, wDim, weights);
    }

    /**
     * Writes a palette head's tensors to {@code file} as safetensors (atomically; an existing file is
     * kept unless {@code overwrite}) and returns the sha256 of its bytes, for the card's
     * {@code output.sha256}.
     */
    public static String writeWeights(Path file, StateDict weights, boolean overwrite) throws CheckpointException {
        if (weights.names().isEmpty()) {
            throw new CheckpointException(file + ": no palette head tensors to write");
        }
        if (!overwrite && Files.exists(file)) {
            throw new CheckpointException(file + ": already exists; not replacing it (overwrite is off)");
        }
        MessageDigest digest = FileDigests.sha256();
        try {
            SafeFiles.write(file, overwrite, out -> {
                OutputStream hashing = new DigestOutputStream(out, digest);
                SafetensorsCodec.encode(weights, hashing);
                hashing.flush();
            });
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file + ": cannot write the palette head: " + e.getMessage(), e);
        }
        return FileDigests.hex(digest);
    }
}
