package io.charagen.desktop.cli;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charagen generate} end to end on the reference fixture networks: sg2-64 draws the sprite
 * (read as a $ sheet: its images have the contrast a figure needs), sg3t-64 the portraits (its
 * snapshot's D gives the perceptual term).
 */
class GenerateCommandTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final String SPRITE = FIXTURES.resolve("sg2-64.pkl").toString();
    private static final String MODEL = FIXTURES.resolve("sg3t-64.pkl").toString();

    @TempDir
    static Path shared;
    static Path first;

    /** One character made once and looked at by several tests. */
    @BeforeAll
    static void makeOne() {
        first = shared.resolve("first");
        assertEquals(0, generate("--name", "Hero", "--seed", "3", "--steps", "4", "--out", first.toString()));
    }

    static int generate(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("generate", "--sprite-model", SPRITE, "--portrait-model", MODEL));
        all.addAll(List.of(args));
        return CharagenCommand.execute(all.toArray(String[]::new));
    }

    @Test
    void writesAnMvCharacterFacesPreviewAndRecord() throws Exception {
        BufferedImage sheet = ImageIO.read(first.resolve("characters/$Hero.png").toFile());
        assertEquals(0, sheet.getWidth() % 3, "3 patterns across");
        assertEquals(0, sheet.getHeight() % 4, "4 directions down");
        assertTrue(sheet.getWidth() / 3 >= 21 && sheet.getHeight() / 4 >= 16, "a 64x64 $ sheet has 21x16 frames or more");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < sheet.getHeight(); y++) {
            for (int x = 0; x < sheet.getWidth(); x++) {
                int argb = sheet.getRGB(x, y);
                int alpha = argb >>> 24;
                assertTrue(alpha == 0 || alpha == 255, "binary alpha at " + x + "," + y + ": " + alpha);
                if (alpha == 255) {
                    colours.add(argb);
                }
            }
        }
        assertTrue(colours.size() <= 32 && colours.size() > 1, "palette of " + colours.size() + " colours");
        BufferedImage faces = ImageIO.read(first.resolve("faces/Hero.png").toFile());
        assertEquals(576, faces.getWidth());
        assertEquals(288, faces.getHeight());
        assertTrue(Files.size(first.resolve("Hero.gif")) > 0);
        assertTrue(Files.readString(first.resolve("Hero.json")).contains("\"format\": \"charagen-character/1\""));
    }

    @Test
    void theRecordMakesTheSamePixelsAgain() throws Exception {
        Path again = shared.resolve("again");
        assertEquals(0, generate("--record", first.resolve("Hero.json").toString(), "--out", again.toString()));
        for (String file : List.of("characters/$Hero.png", "faces/Hero.png")) {
            assertArrayEquals(pixels(first.resolve(file)), pixels(again.resolve(file)), file + " differs");
        }
    }

    @Test
    void paletteSizeAndCountAreHonoured(@TempDir Path dir) throws Exception {
        assertEquals(0, generate("--name", "Guard", "--seed", "10", "--count", "2", "--steps", "2", "--palette", "6",
                "--outline", "#101010", "--out", dir.toString()));
        BufferedImage group = ImageIO.read(dir.resolve("characters/Guard.png").toFile());
        assertEquals(0, group.getWidth() % 12);
        assertEquals(0, group.getHeight() % 8);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < group.getHeight() / 2; y++) {
            for (int x = 0; x < group.getWidth() / 4; x++) {
                int argb = group.getRGB(x, y);
                if (argb >>> 24 == 255) {
                    colours.add(argb);
                }
            }
        }
        assertTrue(colours.size() <= 6 + 1, "6 colours plus the outline, got " + colours.size());
        assertTrue(colours.contains(0xff101010), "the outline colour is used");
        for (String file : List.of("faces/Guard_1.png", "faces/Guard_2.png", "Guard_1.json", "Guard_2.gif")) {
            assertTrue(Files.exists(dir.resolve(file)), file);
        }
    }

    @Test
    void badInputIsRefusedAndTouchesNothing(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        assertEquals(2, generate("--name", "../../x", "--seed", "1", "--out", out.toString()));
        assertEquals(2, generate("--name", "Hero", "--seed", "1", "--project", dir.toString()));
        assertEquals(1, CharagenCommand.execute("generate", "--name", "Hero", "--sprite-model", dir.resolve("none.pkl").toString(),
                "--portrait-model", MODEL, "--out", out.toString()));
        assertEquals(1, generate("--name", "Hero", "--seed", "1", "--archetype", "hero", "--presets", dir.toString(),
                "--out", out.toString()));
        Path notAnImage = Files.writeString(dir.resolve("face.png"), "not an image");
        assertEquals(1, CharagenCommand.execute("preset", "--model", MODEL, "--kind", "archetype", "--name", "x",
                "--image", notAnImage.toString(), "--layer-group", "pose", "--out", out.toString()));
        assertFalse(Files.exists(out), "nothing was written");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(notAnImage), files.toList());
        }
    }

    @Test
    void wrongKindOfModelAndPresetsOfAnotherModelAreRefused(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Path bundle = dir.resolve("faces.json");
        assertEquals(0, CharagenCommand.execute("convert", "--model", MODEL, "--out", bundle.toString(), "--name", "faces",
                "--kind", "portrait"));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream saved = System.err;
        System.setErr(new java.io.PrintStream(err, true));
        try {
            assertEquals(1, CharagenCommand.execute("generate", "--name", "Hero", "--sprite-model", bundle.toString(),
                    "--portrait-model", MODEL, "--out", out.toString()));
            Path presets = dir.resolve("presets");
            assertEquals(0, CharagenCommand.execute("preset", "--model", SPRITE, "--model-kind", "sprite", "--kind",
                    "archetype", "--name", "hero", "--seed", "5", "--layer-group", "pose", "--out",
                    presets.resolve("sprite/archetypes").toString()));
            assertEquals(1, generate("--name", "Hero", "--seed", "1", "--archetype", "hero", "--presets",
                    presets.toString(), "--out", out.toString()));
        } finally {
            System.setErr(saved);
        }
        String messages = err.toString();
        assertTrue(messages.contains("is a portrait model, but a sprite model is needed"), messages);
        assertTrue(messages.contains("no archetype preset 'hero' for model 'sg3t-64'") && messages.contains("for another model"),
                messages);
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void existingFilesAreKeptWithoutForce() throws Exception {
        byte[] before = Files.readAllBytes(first.resolve("characters/$Hero.png"));
        assertEquals(1, generate("--name", "Hero", "--seed", "4", "--steps", "1", "--out", first.toString()));
        assertArrayEquals(before, Files.readAllBytes(first.resolve("characters/$Hero.png")));
    }

    static int[] pixels(Path png) throws Exception {
        BufferedImage image = ImageIO.read(png.toFile());
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aMixSeedNeedsItsGroupsAndIsRecorded(@TempDir Path dir) throws Exception {
        assertTrue(generate("--name", "Mixed", "--seed", "3", "--steps", "2", "--mix-seed", "4",
                "--out", dir.toString()) != 0, "--mix-seed without --mix-groups");
        assertFalse(Files.exists(dir.resolve("Mixed.json")));
        assertEquals(0, generate("--name", "Mixed", "--seed", "3", "--steps", "2", "--mix-seed", "4",
                "--mix-groups", "identity", "--out", dir.toString()));
        String record = Files.readString(dir.resolve("Mixed.json"));
        assertTrue(record.contains("\"mix\"") && record.contains("\"identity\""), record);
    }
}
