package io.charagen.desktop.character;

import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.model.ModelRef;

/**
 * A character record only makes the same character again with the models it was made with; this
 * checks them (by sha256) before anything is generated from it. A record made without a portrait
 * model (a sprite only) goes with no portrait model, and a record made with one needs it.
 */
public final class RecordModels {

    private RecordModels() {
    }

    /**
     * @param portrait the portrait model in use, or null for none
     * @throws IllegalArgumentException naming the record's model and the one given, when either differs
     *                                  or only one of them has a portrait model
     */
    public static void requireSame(CharacterRecord record, ModelRef sprite, ModelRef portrait) {
        requireSame("sprite", record.spriteModel(), sprite);
        if (record.portraitModel() == null && portrait != null) {
            throw new IllegalArgumentException("the record was made without a portrait model (a sprite without faces), but"
                    + " portrait model " + portrait.describe() + " is given; make it again without a portrait model");
        }
        if (record.portraitModel() != null && portrait == null) {
            throw new IllegalArgumentException("the record was made with portrait model " + record.portraitModel().describe()
                    + ", but no portrait model is given; give the same model with --portrait-model");
        }
        if (portrait != null) {
            requireSame("portrait", record.portraitModel(), portrait);
        }
    }

    private static void requireSame(String kind, ModelRef recorded, ModelRef used) {
        if (!recorded.sha256().equals(used.sha256())) {
            throw new IllegalArgumentException("the record was made with " + kind + " model " + recorded.describe()
                    + ", but the " + kind + " model given is " + used.describe() + "; give the same model with --"
                    + kind + "-model");
        }
    }
}
