package io.charagen.desktop.character;

import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.model.ModelRef;

/**
 * A character record only makes the same character again with the models it was made with; this
 * checks them (by sha256) before anything is generated from it.
 */
public final class RecordModels {

    private RecordModels() {
    }

    /**
     * @throws IllegalArgumentException naming the record's model and the one given, when either differs
     */
    public static void requireSame(CharacterRecord record, ModelRef sprite, ModelRef portrait) {
        requireSame("sprite", record.spriteModel(), sprite);
        requireSame("portrait", record.portraitModel(), portrait);
    }

    private static void requireSame(String kind, ModelRef recorded, ModelRef used) {
        if (!recorded.sha256().equals(used.sha256())) {
            throw new IllegalArgumentException("the record was made with " + kind + " model " + recorded.describe()
                    + ", but the " + kind + " model given is " + used.describe() + "; give the same model with --"
                    + kind + "-model");
        }
    }
}
