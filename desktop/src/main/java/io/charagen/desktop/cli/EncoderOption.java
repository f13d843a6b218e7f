package io.charagen.desktop.cli;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.encoder.EncoderChoice;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.encoder.PortraitEncoders;
import io.charagen.generator.model.ModelSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --portrait-encoder}: the head encoder that starts the portraits, shared by the commands that make them. */
final class EncoderOption {

    static final String OPTION = "--portrait-encoder";

    @Option(names = OPTION, paramLabel = "PATH|none", description = "Head encoder that predicts each portrait's w "
            + "from the sprite in one pass (its card, .json). Default: the one beside the portrait model ("
            + "<model>" + PortraitEncoders.SUFFIX + "), when it ships one; 'none' projects the head from w_avg instead.")
    String given;

    /** What the option chooses: the encoder beside the portrait model when it is left out. */
    EncoderChoice choice() {
        return given == null ? EncoderChoice.besideModel() : EncoderChoice.parse(given);
    }

    /** Whether the option names an encoder's card (not left out, not 'none'). */
    boolean namesFile() {
        return choice().kind() == EncoderChoice.Kind.FILE;
    }

    /** Whether the option is 'none'. */
    boolean none() {
        return choice().kind() == EncoderChoice.Kind.NONE;
    }

    /**
     * The encoder's card for the portrait model file {@code portraitFile}, without reading either;
     * empty when none is used. For the defaults that depend on it (steps) before anything is loaded.
     */
    Optional<Path> card(Path portraitFile) {
        return choice().cardFor(portraitFile);
    }

    /** The encoder chosen for {@code portrait}, read and checked against it; empty when none is used. */
    Optional<HeadEncoderBundle> resolve(ModelSource portrait) throws CheckpointException {
        try {
            return choice().resolve(portrait);
        } catch (CheckpointException e) {
            throw new CheckpointException(OPTION + " " + e.getMessage(), e);
        }
    }
}
