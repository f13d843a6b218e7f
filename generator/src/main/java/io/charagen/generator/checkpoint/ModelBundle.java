package io.charagen.generator.checkpoint;

import io.charagen.generator.io.SafeFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * A charagen model bundle: {@code <name>.json} (the {@link ModelCard}) beside
 * {@code <name>.safetensors} (float32 weights under reference parameter names), read as the
 * card plus a generator record that networks are built from. A card with a palette output names
 * a third file, the palette head's weights, read into {@link #palette()}.
 *
 * @param palette the palette head when the card has an {@code output}, else null (an RGB generator)
 */
public record ModelBundle(ModelCard card, NetworkRecord generator, Path cardFile, Path weightsFile,
                          PaletteRecord palette) {

    private static final String CARD_SUFFIX = ".json";
    private static final String WEIGHTS_SUFFIX = ".safetensors";
    /** The reference class the weights belong to; bundles hold generators only. */
    private static final String GENERATOR_CLASS = "Generator";

    /** A bundle of an RGB generator (no palette output). */
    public ModelBundle(ModelCard card, NetworkRecord generator, Path cardFile, Path weightsFile) {
        this(card, generator, cardFile, weightsFile, null);
    }

    /**
     * Reads a bundle from either of its files. The weights must have the sha256 the card
     * records, and must look like the architecture the card names; so must the palette head's
     * file, when the card has a palette output, have its sha256 and the tensors the output needs.
     */
    public static ModelBundle read(Path jsonOrSafetensors) throws CheckpointException {
        String fileName = String.valueOf(jsonOrSafetensors.getFileName());
        Path cardFile;
        if (fileName.endsWith(CARD_SUFFIX)) {
            cardFile = jsonOrSafetensors;
        } else if (fileName.endsWith(WEIGHTS_SUFFIX)) {
            cardFile = jsonOrSafetensors.resolveSibling(stem(fileName, WEIGHTS_SUFFIX) + CARD_SUFFIX);
        } else {
            throw new CheckpointException(jsonOrSafetensors + ": expected a model card (.json) or its weights (.safetensors)");
        }
        ModelCard card = ModelCard.read(cardFile);
        Path weightsFile = cardFile.resolveSibling(card.weights().file());
        if (fileName.endsWith(WEIGHTS_SUFFIX) && !card.weights().file().equals(fileName)) {
            throw new CheckpointException(cardFile + ": names weights '" + card.weights().file() + "', not '"
                    + fileName + "'");
        }
        byte[] bytes = readWeights(weightsFile);
        String actual = FileDigests.sha256Hex(bytes);
        if (!actual.equals(card.weights().sha256())) {
            throw new CheckpointException(weightsFile + ": sha256 is " + actual + " but the model card " + cardFile
                    + " records " + card.weights().sha256() + "; the weights file was changed or damaged");
        }
        StateDict weights = SafetensorsCodec.decode(bytes, weightsFile.toString());
        NetworkRecord generator = new NetworkRecord(GENERATOR_CLASS, card.generatorKwargs(), weights);
        Architecture found = Architecture.infer(generator);
        if (found != card.architecture()) {
            throw new CheckpointException(weightsFile + ": the weights are " + found.cardName() + " but the model card "
                    + cardFile + " says " + card.architecture().cardName());
        }
        PaletteRecord palette = card.output() != null ? PaletteRecord.read(cardFile, card) : null;
        return new ModelBundle(card, generator, cardFile, weightsFile, palette);
    }

    /** {@link #write(Path, ModelCard, StateDict, boolean)} without replacing existing files. */
    public static ModelCard write(Path json, ModelCard card, StateDict weights) throws CheckpointException {
        return write(json, card, weights, false);
    }

    /**
     * Writes {@code weights} to {@code <name>.safetensors} and the card, with the weights'
     * file name and sha256 filled in, to {@code json} ({@code <name>.json}). Each file is
     * written to a temporary file and moved into place atomically; existing files are kept
     * unless {@code overwrite}. A card with a palette output keeps it as it is: its file (see
     * {@link PaletteRecord#writeWeights}) is written separately.
     *
     * @return the card as written
     */
    public static ModelCard write(Path json, ModelCard card, StateDict weights, boolean overwrite)
            throws CheckpointException {
        String jsonName = String.valueOf(json.getFileName());
        if (!jsonName.endsWith(CARD_SUFFIX) || jsonName.length() == CARD_SUFFIX.length()) {
            throw new CheckpointException(json + ": a model card's file name must end in " + CARD_SUFFIX);
        }
        String weightsName = stem(jsonName, CARD_SUFFIX) + WEIGHTS_SUFFIX;
        Path weightsFile = json.resolveSibling(weightsName);
        if (!overwrite) {
            for (Path target : new Path[] {json, weightsFile}) {
                if (Files.exists(target)) {
                    throw new CheckpointException(target + ": already exists; not replacing it (overwrite is off)");
                }
            }
        }
        Path folder = json.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new CheckpointException(json + ": cannot create the folder " + folder + " (" + e.getMessage() + ")", e);
        }
        if (weights.names().isEmpty()) {
            throw new CheckpointException(json + ": no weights to write");
        }
        Architecture found = Architecture.infer(new NetworkRecord(GENERATOR_CLASS, card.generatorKwargs(), weights));
        if (found != card.architecture()) {
            throw new CheckpointException(json + ": the weights are " + found.cardName() + " but the card says "
                    + card.architecture().cardName());
        }
        Path weightsTemp = null;
        Path cardTemp = null;
        try {
            MessageDigest digest = FileDigests.sha256();
            weightsTemp = SafeFiles.writeTemporary(weightsFile, out -> {
                OutputStream hashing = new DigestOutputStream(out, digest);
                SafetensorsCodec.encode(weights, hashing);
                hashing.flush();
            });
            ModelCard written = card.withWeights(new ModelCard.Weights(weightsName, FileDigests.hex(digest)));
            String text = ModelCardJson.write(written, json.toString());
            // Never write a card that would not read back.
            ModelCardJson.parse(text, json.toString());
            cardTemp = SafeFiles.writeTemporary(json, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
            SafeFiles.moveIntoPlace(weightsTemp, weightsFile);
            weightsTemp = null;
            SafeFiles.moveIntoPlace(cardTemp, json);
            cardTemp = null;
            return written;
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(json + ": cannot write the bundle: " + e.getMessage(), e);
        } finally {
            deleteQuietly(weightsTemp);
            deleteQuietly(cardTemp);
        }
    }

    static byte[] readWeights(Path weightsFile) throws CheckpointException {
        try {
            if (Files.size(weightsFile) > Integer.MAX_VALUE - 16) {
                throw new CheckpointException(weightsFile + ": weights larger than 2 GiB are not supported");
            }
            return Files.readAllBytes(weightsFile);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(weightsFile + ": no such file (the model card names it)", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(weightsFile + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    private static String stem(String fileName, String suffix) {
        return fileName.substring(0, fileName.length() - suffix.length());
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary != null) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // A stray temporary file is harmless; the error that got us here matters more.
            }
        }
    }
}
