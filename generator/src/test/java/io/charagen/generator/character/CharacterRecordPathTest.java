package io.charagen.generator.character;

import io.charagen.generator.model.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a record says its portrait w was found ("portrait_path", "portrait_encoder"), and old records without it. */
class CharacterRecordPathTest {

    private static final ModelRef SPRITE = new ModelRef("s", "ab".repeat(32));
    private static final ModelRef PORTRAIT = new ModelRef("p", "cd".repeat(32));
    private static final ModelRef ENCODER = new ModelRef("p.encoder", "ef".repeat(32));

    static CharacterSpec spec(int steps) {
        return new CharacterSpec("Npc", 42, 0.5, null, List.of(new ExpressionChoice("neutral", null)), 32, null, steps);
    }

    @Test
    void eachPathReadsBack(@TempDir Path dir) throws IOException {
        for (CharacterRecord record : List.of(new CharacterRecord(spec(5), SPRITE, PORTRAIT, "cpu", 0.25),
                new CharacterRecord(spec(0), SPRITE, PORTRAIT, ENCODER, "cpu", 0),
                new CharacterRecord(spec(5), SPRITE, PORTRAIT, ENCODER, "cpu", 0.25))) {
            Path file = Files.writeString(dir.resolve("npc.json"), record.toJson());
            assertEquals(record, CharacterRecord.read(file), record.toJson());
        }
        assertEquals(List.of(PortraitPath.PROJECTION, PortraitPath.ENCODER, PortraitPath.ENCODER_REFINEMENT),
                List.of(PortraitPath.of(null, 5), PortraitPath.of(ENCODER, 0), PortraitPath.of(ENCODER, 5)));
    }

    @Test
    void aRecordWrittenBeforeEncodersMeansProjection(@TempDir Path dir) throws IOException {
        String json = new CharacterRecord(spec(5), SPRITE, PORTRAIT, "cpu", 0.25).toJson()
                .replace("  \"portrait_path\": \"projection\",\n", "");
        assertTrue(!json.contains("portrait_path"), json);
        CharacterRecord old = CharacterRecord.read(Files.writeString(dir.resolve("old.json"), json));
        assertEquals(PortraitPath.PROJECTION, old.portraitPath());
        assertNull(old.portraitEncoder());
        assertEquals(0.25, old.projectionLoss());
    }

    @Test
    void aPathThatDisagreesWithTheRecordIsRefusedNamingTheField(@TempDir Path dir) throws IOException {
        String encoder = new CharacterRecord(spec(0), SPRITE, PORTRAIT, ENCODER, "cpu", 0).toJson();
        assertRefused(dir, encoder.replace("\"encoder\"", "\"encoder+refinement\""), "portrait_path");
        assertRefused(dir, encoder.replace("\"encoder\"", "\"guess\""), "portrait_path");
        String projection = new CharacterRecord(spec(5), SPRITE, PORTRAIT, "cpu", 0.25).toJson();
        assertRefused(dir, projection.replace("\"projection\"", "\"encoder+refinement\""), "portrait_path");
        String sprite = new CharacterRecord(new CharacterSpec("Npc", 42, 0.5, null, List.of(), 32, null, 5), SPRITE, null,
                "cpu", 0).toJson();
        assertTrue(!sprite.contains("portrait_path"), sprite);
        assertRefused(dir, sprite.replace("\"device\"", "\"portrait_path\": \"projection\", \"device\""), "portrait_path");
        assertThrows(IllegalArgumentException.class, () -> new CharacterRecord(spec(0), SPRITE, null, ENCODER, "cpu", 0));
    }

    private static void assertRefused(Path dir, String json, String field) throws IOException {
        Path file = Files.writeString(dir.resolve("bad.json"), json);
        IOException e = assertThrows(IOException.class, () -> CharacterRecord.read(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("'" + field + "'"), e.getMessage());
    }
}
