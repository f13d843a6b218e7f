package io.charagen.desktop.character;

import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.model.ModelRef;

/**
 * A character record only makes the same character again with the models it was made with; this
 * checks them (by sha256) before anything is generated from it. A record made without a portrait
 * model (a sprite only) goes with no portrait model, and a record made with one needs it; so with
 * the portrait model's head encoder.
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

    /**
     * A record's portrait was found the way its {@code portrait_path} says: with the head encoder it
     * names (the same weights, by sha256), or without one.
     *
     * @param encoder the head encoder in use, or null for none
     * @throws IllegalArgumentException naming the record's encoder and the one in use, when they differ
     *                                  or only one of them is there
     */
    public static void requireSameEncoder(CharacterRecord record, ModelRef encoder) {
        ModelRef recorded = record.portraitEncoder();
        if (recorded == null && encoder != null) {
            throw new IllegalArgumentException("the record's portrait was " + (record.hasPortraitModel()
                    ? "projected without a head encoder" : "not made (a sprite only)") + ", but head encoder "
                    + encoder.describe() + " is in use; make it again without one (--portrait-encoder none)");
        }
        if (recorded != null && encoder == null) {
            throw new IllegalArgumentException("the record's portrait path is '" + record.portraitPath().key()
                    + "': head encoder " + recorded.describe() + " started it, but no head encoder is in use; give that"
                    + " encoder's card with --portrait-encoder PATH (or put it beside the portrait model)");
        }
        if (recorded != null && !recorded.sha256().equals(encoder.sha256())) {
            throw new IllegalArgumentException("the record's portrait was started by head encoder " + recorded.describe()
                    + ", but the head encoder in use is " + encoder.describe() + "; give the same encoder with"
                    + " --portrait-encoder PATH");
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
