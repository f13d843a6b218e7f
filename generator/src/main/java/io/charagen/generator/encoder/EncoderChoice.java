package io.charagen.generator.encoder;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.model.ModelSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Which head encoder a portrait model gets: the one beside it, if it ships one (the default), a
 * given file, or none (the head is projected from w_avg, as without an encoder).
 *
 * @param file the encoder card chosen; null for {@link #besideModel()} and {@link #none()}
 */
public record EncoderChoice(Kind kind, Path file) {

    /** How the encoder is chosen. */
    public enum Kind { BESIDE_MODEL, FILE, NONE }

    /** What the command line's {@code --portrait-encoder} takes to turn the encoder off. */
    public static final String NONE_WORD = "none";

    public EncoderChoice {
        Objects.requireNonNull(kind, "kind");
        if ((kind == Kind.FILE) != (file != null)) {
            throw new IllegalArgumentException("an encoder chosen by file names the file, and only then");
        }
    }

    /** The encoder beside the portrait model, when there is one. */
    public static EncoderChoice besideModel() {
        return new EncoderChoice(Kind.BESIDE_MODEL, null);
    }

    /** The encoder whose card is {@code cardFile}. */
    public static EncoderChoice file(Path cardFile) {
        return new EncoderChoice(Kind.FILE, cardFile);
    }

    /** No encoder, even where the portrait model ships one. */
    public static EncoderChoice none() {
        return new EncoderChoice(Kind.NONE, null);
    }

    /** {@value #NONE_WORD} for none, else the card's path. */
    public static EncoderChoice parse(String text) {
        return text.equals(NONE_WORD) ? none() : file(Path.of(text));
    }

    /**
     * The encoder this choice gives {@code portrait}, read and checked against it; empty when there is
     * none (chosen so, or none beside the model).
     */
    public Optional<HeadEncoderBundle> resolve(ModelSource portrait) throws CheckpointException {
        return switch (kind) {
            case BESIDE_MODEL -> PortraitEncoders.find(portrait);
            case FILE -> Optional.of(PortraitEncoders.forPortrait(file, portrait));
            case NONE -> Optional.empty();
        };
    }

    /**
     * The encoder card this choice would read for the portrait model file {@code portraitFile},
     * without reading anything; empty when it reads none.
     */
    public Optional<Path> cardFor(Path portraitFile) {
        return switch (kind) {
            case BESIDE_MODEL -> Optional.of(PortraitEncoders.besideModel(portraitFile))
                    .filter(Files::exists);
            case FILE -> Optional.of(file);
            case NONE -> Optional.empty();
        };
    }
}
