package io.charagen.generator.character;

import ai.djl.Device;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetFiles;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetLibrary;
import io.charagen.generator.preset.PresetSet;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sprite-only previews, layer mixing by group, and presets given as a loaded set, on the fixture networks. */
class CharacterPipelineTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final Path PRESETS = Path.of("../presets").toAbsolutePath().normalize();

    static CharacterPipeline pipeline;

    @BeforeAll
    static void open() throws Exception {
        pipeline = CharacterPipeline.open(ModelSource.open(FIXTURES.resolve("sg2-64.pkl"), ModelKind.SPRITE),
                ModelSource.open(FIXTURES.resolve("sg3t-64.pkl"), ModelKind.PORTRAIT), new PresetLibrary(PRESETS),
                Device.cpu());
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    static CharacterSpec spec(long seed) {
        return new CharacterSpec("Npc", seed, 0.7, "hero", List.of(new ExpressionChoice("neutral", null)), 32, null, 2);
    }

    @Test
    void aSpritePreviewHasTheFramesOfTheFullCharacter() throws Exception {
        CharacterArt preview = pipeline.makeSprite(spec(11), null, null);
        CharacterArt full = pipeline.make(spec(11), null, null).art();
        assertFalse(preview.hasFaces());
        assertEquals(List.of("neutral"), List.copyOf(full.faces().keySet()));
        assertSameFrames(full.frames(), preview.frames(), "seed 11");
    }

    @Test
    void mixingEveryGroupGivesTheSecondSeedsSprite() throws Exception {
        List<String> groups = pipeline.spriteLayerGroups();
        assertEquals(List.of("pose", "expression", "identity"), groups, "the fixture card has no groups: the default split");
        CharacterArt mixedAll = pipeline.makeSprite(spec(11).withMix(new LayerMix(12, groups)), null, null);
        assertSameFrames(pipeline.makeSprite(spec(12), null, null).frames(), mixedAll.frames(), "seed 11 wearing all of 12");
    }

    @Test
    void mixingOneGroupChangesTheSpriteAndIsRecorded() throws Exception {
        CharacterArt plain = pipeline.makeSprite(spec(11), null, null);
        CharacterArt mixed = pipeline.makeSprite(spec(11).withMix(new LayerMix(12, List.of("pose"))), null, null);
        assertFalse(samePixels(plain.frames().standingFront(), mixed.frames().standingFront()), "the pose came from seed 12");
        assertEquals(new LayerMix(12, List.of("pose")), mixed.record().spec().mix());
    }

    @Test
    void anUnknownMixGroupIsNamedBeforeAnyWork() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> pipeline.makeSprite(spec(11).withMix(new LayerMix(12, List.of("hair"))), null, null));
        assertTrue(e.getMessage().contains("'hair'") && e.getMessage().contains("pose, expression, identity"), e.getMessage());
    }

    @Test
    void aRecordWithAMixReadsBackTheSame(@TempDir Path dir) throws Exception {
        CharacterRecord record = pipeline.makeSprite(spec(5).withMix(new LayerMix(6, List.of("identity", "pose"))), null, null)
                .record();
        Path file = dir.resolve("npc.json");
        Files.writeString(file, record.toJson());
        assertEquals(record.spec(), CharacterRecord.read(file).spec());
        Files.writeString(file, record.toJson().replace("\"identity\"", "7"));
        assertTrue(assertThrows(java.io.IOException.class, () -> CharacterRecord.read(file)).getMessage()
                .contains("mix.groups[0]"));
    }

    @Test
    void loadedPresetsAreFoundLikeALibrarysAndMissingOnesAreNamed() throws Exception {
        PresetLibrary library = new PresetLibrary(PRESETS);
        var sprite = pipeline.spriteModel().ref();
        PresetSet set = new PresetSet(List.of(
                PresetFiles.read(PRESETS.resolve("sg2-64/archetypes/hero.json")),
                PresetFiles.read(PRESETS.resolve("sg2-64/archetypes/villain.json"))));
        assertEquals(List.of("hero", "villain"), set.names(PresetKind.ARCHETYPE, sprite));
        assertArrayEquals(library.find(PresetKind.ARCHETYPE, "hero", sprite).w(), set.find(PresetKind.ARCHETYPE, "hero", sprite).w());
        PresetException e = assertThrows(PresetException.class, () -> set.find(PresetKind.ARCHETYPE, "elder", sprite));
        assertTrue(e.getMessage().contains("'elder'") && e.getMessage().contains("hero, villain"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PresetSet(List.of(
                PresetFiles.read(PRESETS.resolve("sg2-64/archetypes/hero.json")),
                PresetFiles.read(PRESETS.resolve("sg2-64/archetypes/hero.json")))));
    }

    static void assertSameFrames(CharacterFrames expected, CharacterFrames actual, String what) {
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                assertTrue(samePixels(expected.frame(d, p), actual.frame(d, p)), what + ": frame " + d.key() + " " + p);
            }
        }
    }

    static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        return java.util.Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }
}
