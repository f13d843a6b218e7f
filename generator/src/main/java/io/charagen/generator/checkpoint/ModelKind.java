package io.charagen.generator.checkpoint;

import java.util.Arrays;
import java.util.Optional;

/** What a model draws: walking sprite sheets or face portraits. */
public enum ModelKind {
    SPRITE("sprite"),
    PORTRAIT("portrait");

    private final String cardName;

    ModelKind(String cardName) {
        this.cardName = cardName;
    }

    /** The name used in model cards and on the command line. */
    public String cardName() {
        return cardName;
    }

    public static Optional<ModelKind> fromCardName(String name) {
        return Arrays.stream(values()).filter(k -> k.cardName.equals(name)).findFirst();
    }
}
