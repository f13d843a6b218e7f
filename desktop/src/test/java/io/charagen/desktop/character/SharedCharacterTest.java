package io.charagen.desktop.character;

import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.model.ModelRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the command line and the editor share about characters: face order and the record's models. */
class SharedCharacterTest {

    private static final ModelRef SPRITE = new ModelRef("sprite", "a".repeat(64));
    private static final ModelRef PORTRAIT = new ModelRef("portrait", "b".repeat(64));

    @Test
    void facesComeNeutralFirstThenTheFamiliarOnesThenTheRestInTheirOrder() {
        assertEquals(List.of("neutral", "happy", "sad", "angry", "wink", "turned"),
                FaceOrder.sorted(List.of("wink", "angry", "turned", "sad", "neutral", "happy")));
    }

    @Test
    void aRecordNeedsTheModelsItWasMadeWith() {
        CharacterRecord record = new CharacterRecord(new CharacterSpec("Hero", 1, 0.7, null,
                List.of(new ExpressionChoice("neutral", null)), 32, null, 5), SPRITE, PORTRAIT, "cpu", 0.1);
        assertDoesNotThrow(() -> RecordModels.requireSame(record, SPRITE, PORTRAIT));
        ModelRef other = new ModelRef("portrait", "c".repeat(64));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RecordModels.requireSame(record, SPRITE, other));
        assertTrue(e.getMessage().contains("portrait model 'portrait' (sha256 bbbbbbbbbbbb...)"), e.getMessage());
        assertTrue(e.getMessage().contains("--portrait-model"), e.getMessage());
    }
}
