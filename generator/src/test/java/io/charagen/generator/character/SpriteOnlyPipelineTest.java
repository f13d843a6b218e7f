package io.charagen.generator.character;

import ai.djl.Device;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetLibrary;
import io.charagen.generator.rpgmaker.CharacterExport;
import io.charagen.generator.rpgmaker.ExportFolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static io.charagen.generator.character.CharacterPipelineTest.assertSameFrames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A pipeline opened without a portrait model (sg2-64 draws the sprite): it makes the sprite a full
 * pipeline makes, and no head crop, projection or faces; its record says there was no portrait model.
 */
class SpriteOnlyPipelineTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final Path PRESETS = Path.of("../presets").toAbsolutePath().normalize();

    static CharacterPipeline spriteOnly;
    static CharacterPipeline full;

    @BeforeAll
    static void open() throws Exception {
        ModelSource sprite = ModelSource.open(FIXTURES.resolve("sg2-64.pkl"), ModelKind.SPRITE);
        spriteOnly = CharacterPipeline.open(sprite, null, new PresetLibrary(PRESETS), Device.cpu());
        full = CharacterPipeline.open(sprite, ModelSource.open(FIXTURES.resolve("sg3t-64.pkl"), ModelKind.PORTRAIT),
                new PresetLibrary(PRESETS), Device.cpu());
    }

    @AfterAll
    static void close() {
        spriteOnly.close();
        full.close();
    }

    /** A sprite only: the hero archetype (a preset of sg2-64's) and no expressions. */
    static CharacterSpec sprite(long seed) {
        return new CharacterSpec("Npc", seed, 0.7, "hero", List.of(), 32, null, 2);
    }

    @Test
    void makesTheSpriteOfAFullPipelineAndNoFaces() throws Exception {
        Character character = spriteOnly.make(sprite(11), null, null);
        assertTrue(character.faces().isEmpty(), "no faces");
        assertFalse(character.art().hasFaces());
        assertNull(character.headTarget(), "no head crop");
        assertEquals(0, character.projectionSteps());
        assertEquals(Set.of(PipelineListener.Stage.SPRITE, PipelineListener.Stage.CLEANUP), character.stageNanos().keySet());
        assertNull(character.record().portraitModel());
        assertEquals(0, character.record().projectionLoss());

        CharacterSpec withFace = new CharacterSpec("Npc", 11, 0.7, "hero", List.of(new ExpressionChoice("neutral", null)), 32,
                null, 2);
        assertSameFrames(full.makeSprite(withFace, null, null).frames(), character.frames(),
                "seed 11 with the hero archetype, with and without a portrait model");
        assertSameFrames(spriteOnly.makeSprite(sprite(11), null, null).frames(), character.frames(), "makeSprite");
    }

    @Test
    void itsPresetsAreTheSpriteModelsAlone() {
        assertFalse(spriteOnly.hasPortraitModel());
        assertNull(spriteOnly.portraitModel());
        assertFalse(spriteOnly.hasPerceptualTerm());
        assertEquals(List.of(), spriteOnly.expressionNames());
        List<String> spriteArchetypes = new PresetLibrary(PRESETS).names(PresetKind.ARCHETYPE, spriteOnly.spriteModel().ref());
        assertFalse(spriteArchetypes.isEmpty(), "the fixture presets have archetypes for sg2-64");
        assertEquals(spriteArchetypes, spriteOnly.archetypeNames());
        assertTrue(full.hasPortraitModel());
        assertFalse(full.expressionNames().isEmpty(), "sg3t-64 has expression presets");
    }

    @Test
    void facesNeedAPortraitModelAndAPortraitModelNeedsFaces() {
        CharacterSpec withFace = new CharacterSpec("Npc", 11, 0.7, null, List.of(new ExpressionChoice("neutral", null)), 32,
                null, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> spriteOnly.make(withFace, null, null));
        assertTrue(e.getMessage().contains("no portrait model") && e.getMessage().contains("neutral"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> full.make(sprite(11), null, null));
        assertTrue(e.getMessage().contains("asks for no faces"), e.getMessage());
    }

    @Test
    void theRecordSaysThereWasNoPortraitModelAndReadsBackTheSame(@TempDir Path dir) throws Exception {
        CharacterRecord record = spriteOnly.make(sprite(5).withMix(new LayerMix(6, List.of("pose"))), null, null).record();
        String json = record.toJson();
        assertTrue(json.contains("\"portrait_model\": null") && json.contains("\"expressions\": []"), json);
        Path file = dir.resolve("npc.json");
        Files.writeString(file, json);
        assertEquals(record, CharacterRecord.read(file));
        assertEquals(json, CharacterRecord.read(file).toJson());

        Files.writeString(file, json.replace("\"expressions\": []", "\"expressions\": [{\"name\": \"neutral\"}]"));
        IOException bad = assertThrows(IOException.class, () -> CharacterRecord.read(file));
        assertTrue(bad.getMessage().contains("'expressions'") && bad.getMessage().contains("'portrait_model' is null"),
                bad.getMessage());
        Files.writeString(file, json.replace("\"portrait_model\": null",
                "\"portrait_model\": {\"name\": \"p\", \"sha256\": \"" + "ab".repeat(32) + "\"}"));
        bad = assertThrows(IOException.class, () -> CharacterRecord.read(file));
        assertTrue(bad.getMessage().contains("'expressions' is empty"), bad.getMessage());

        ModelRef model = new ModelRef("m", "ab".repeat(32));
        assertThrows(IllegalArgumentException.class, () -> new CharacterRecord(sprite(5), model, model, "cpu", 0));
        assertThrows(IllegalArgumentException.class, () -> new CharacterRecord(
                new CharacterSpec("Npc", 5, 0.7, null, List.of(new ExpressionChoice("neutral", null)), 32, null, 2),
                model, null, "cpu", 0));
    }

    @Test
    void itsExportHasNoFacesFile(@TempDir Path dir) throws Exception {
        ExportFolder folder = ExportFolder.plain(dir);
        CharacterArt hero = spriteOnly.make(sprite(3), null, null).art();
        List<Path> written = folder.commit(CharacterExport.plan(folder, "Hero", List.of(hero)), false);
        assertEquals(Set.of("$Hero.png", "Hero.gif", "Hero.json"),
                Set.copyOf(written.stream().map(p -> p.getFileName().toString()).toList()));
        assertTrue(Files.isRegularFile(dir.resolve("characters/$Hero.png")));
        assertFalse(Files.exists(dir.resolve("faces")), "no faces folder");

        CharacterArt withFaces = full.make(new CharacterSpec("B", 3, 0.7, null, List.of(new ExpressionChoice("neutral", null)),
                32, null, 1), null, null).art();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CharacterExport.plan(folder, "Mixed", List.of(withFaces, hero.withName("Mixed_2"))));
        assertTrue(e.getMessage().contains("all have faces or none has"), e.getMessage());
    }
}
