package io.charagen.generator.character;

import io.charagen.generator.model.ModelRef;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CharacterRecordNameTest {

    private static final String SHA = "ab".repeat(32);

    @Test
    void withNameChangesOnlyTheName() {
        CharacterSpec spec = new CharacterSpec("draft", 42, 0.5, "hero",
                List.of(new ExpressionChoice("neutral", null), new ExpressionChoice("happy", 0.8)), 32, 0x102030, 7,
                new LayerMix(9, List.of("pose")));
        CharacterRecord record = new CharacterRecord(spec, new ModelRef("s", SHA), new ModelRef("p", SHA), "cpu", 0.25);

        CharacterRecord renamed = record.withName("Harold");

        assertEquals("Harold", renamed.spec().name());
        assertEquals(new CharacterRecord(spec.withNameAndSeed("Harold", 42), record.spriteModel(), record.portraitModel(),
                "cpu", 0.25), renamed);
        assertEquals(spec.mix(), renamed.spec().mix());
    }
}
