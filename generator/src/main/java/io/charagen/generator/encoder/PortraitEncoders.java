package io.charagen.generator.encoder;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.model.ModelSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a portrait model's head encoder is and whether an encoder fits a portrait model. A model
 * ships its encoder beside its own file, named after it: {@code faces.json} (or {@code faces.pkl})
 * has {@code faces}{@value #SUFFIX}. An encoder fits only the portrait model it was made for (the
 * sha256 of that model's weights, in its card's pairs) and writes that model's w_dim.
 */
public final class PortraitEncoders {

    /** What an encoder card beside its portrait model is called, after the model's own file's stem. */
    public static final String SUFFIX = ".encoder.json";

    private PortraitEncoders() {
    }

    /** {@code <stem>.encoder.json} beside {@code modelFile} ({@code <stem>.json} or {@code <stem>.pkl}). */
    public static Path besideModel(Path modelFile) {
        String name = modelFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return modelFile.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + SUFFIX);
    }

    /**
     * The encoder beside {@code portrait}'s file, read and checked against it; empty when there is none.
     *
     * @throws CheckpointException when there is one but it cannot be read or was made for another model
     */
    public static Optional<HeadEncoderBundle> find(ModelSource portrait) throws CheckpointException {
        Path card = besideModel(portrait.path());
        return Files.exists(card) ? Optional.of(forPortrait(card, portrait)) : Optional.empty();
    }

    /** The encoder whose card is {@code cardFile}, read and checked against {@code portrait}. */
    public static HeadEncoderBundle forPortrait(Path cardFile, ModelSource portrait) throws CheckpointException {
        HeadEncoderBundle bundle = HeadEncoderBundle.read(cardFile);
        requirePaired(bundle, portrait);
        return bundle;
    }

    /**
     * @throws CheckpointException naming both sha256s when {@code bundle} was made for another portrait
     *                             model, or when its w_dim is not the model's
     */
    public static void requirePaired(HeadEncoderBundle bundle, ModelSource portrait) throws CheckpointException {
        HeadEncoderCard card = bundle.card();
        String made = card.portrait().sha256();
        String given = portrait.ref().sha256();
        if (!made.equals(given)) {
            throw new CheckpointException(bundle.cardFile() + ": the head encoder '" + card.name()
                    + "' was made for portrait model '" + card.portrait().name() + "' (sha256 " + made
                    + "), not for " + portrait.path() + " '" + portrait.ref().name() + "' (sha256 " + given + ")");
        }
        int wDim = portrait.card().wDim();
        if (card.wDim() != wDim) {
            throw new CheckpointException(bundle.cardFile() + ": the head encoder '" + card.name() + "' writes w_dim "
                    + card.wDim() + " but the portrait model " + portrait.path() + " has w_dim " + wDim);
        }
    }
}
