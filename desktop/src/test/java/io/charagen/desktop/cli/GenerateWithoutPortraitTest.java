package io.charagen.desktop.cli;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static io.charagen.desktop.cli.GenerateCommandTest.pixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charagen generate} with no model options where assets/models holds a sprite model and no
 * portrait model (a charagen home in a temporary folder: the sg2-64 fixture converted to a sprite
 * bundle, and a hero archetype preset for it): the sprite, its walk preview and its record are made,
 * and no faces.
 */
class GenerateWithoutPortraitTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final String PORTRAIT = FIXTURES.resolve("sg3t-64.pkl").toString();
    private static final String SKIPPED = ": faces skipped (the sheet, walk preview and record are written)";

    @TempDir
    static Path home;
    static String savedHome;
    static Path first;
    static Run firstRun;

    /** What one command did: its exit code and what it wrote to stderr. */
    record Run(int exit, String err) {
    }

    @BeforeAll
    static void sharedHomeWithASpriteModelOnly() throws Exception {
        Path models = Files.createDirectories(home.resolve("assets/models"));
        assertEquals(0, CharagenCommand.execute("convert", "--model", FIXTURES.resolve("sg2-64.pkl").toString(),
                "--out", models.resolve("sprite-fixture.json").toString(), "--name", "sprite-fixture", "--kind", "sprite"));
        assertEquals(0, CharagenCommand.execute("preset", "--model", models.resolve("sprite-fixture.json").toString(),
                "--model-kind", "sprite", "--kind", "archetype", "--name", "hero", "--seed", "5", "--layer-group", "pose",
                "--out", home.resolve("presets/sprite-fixture/archetypes").toString()));
        savedHome = System.getProperty("charagen.home");
        System.setProperty("charagen.home", home.toString());
        first = home.resolve("first");
        firstRun = run("generate", "--name", "Hero", "--seed", "3", "--out", first.toString());
    }

    @AfterAll
    static void restoreHome() {
        if (savedHome == null) {
            System.clearProperty("charagen.home");
        } else {
            System.setProperty("charagen.home", savedHome);
        }
    }

    static Run run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int exit;
        try {
            exit = CharagenCommand.execute(args);
        } finally {
            System.setErr(saved);
        }
        String messages = err.toString(StandardCharsets.UTF_8);
        System.out.println(String.join(" ", args) + " -> " + exit + "\n" + messages.strip());
        return new Run(exit, messages);
    }

    @Test
    void writesTheSheetPreviewAndRecordAndNoFaces() throws Exception {
        assertEquals(0, firstRun.exit(), firstRun.err());
        assertTrue(firstRun.err().contains("charagen: no portrait model in " + Home.models() + " and no --portrait-model" + SKIPPED),
                firstRun.err());
        BufferedImage sheet = ImageIO.read(first.resolve("characters/$Hero.png").toFile());
        assertEquals(0, sheet.getWidth() % 3, "3 patterns across");
        assertEquals(0, sheet.getHeight() % 4, "4 directions down");
        assertTrue(Files.size(first.resolve("Hero.gif")) > 0);
        String record = Files.readString(first.resolve("Hero.json"));
        assertTrue(record.contains("\"format\": \"charagen-character/1\"") && record.contains("\"portrait_model\": null")
                && record.contains("\"expressions\": []") && record.contains("\"name\": \"sprite-fixture\""), record);
        assertFalse(Files.exists(first.resolve("faces")), "no faces file");
        try (Stream<Path> files = Files.walk(first)) {
            assertEquals(3, files.filter(Files::isRegularFile).count(), "the sheet, the GIF and the record");
        }
    }

    @Test
    void theRecordMakesTheSameSpriteAgain() throws Exception {
        Path again = home.resolve("again");
        Run regenerated = run("generate", "--record", first.resolve("Hero.json").toString(), "--out", again.toString());
        assertEquals(0, regenerated.exit(), regenerated.err());
        assertTrue(regenerated.err().contains("charagen: the record was made without a portrait model" + SKIPPED), regenerated.err());
        assertArrayEquals(pixels(first.resolve("characters/$Hero.png")), pixels(again.resolve("characters/$Hero.png")));
        assertArrayEquals(Files.readAllBytes(first.resolve("Hero.gif")), Files.readAllBytes(again.resolve("Hero.gif")));
        assertEquals(Files.readString(first.resolve("Hero.json")), Files.readString(again.resolve("Hero.json")));
        assertFalse(Files.exists(again.resolve("faces")));
    }

    @Test
    void aRecordAndThePortraitModelMustAgree() throws Exception {
        Path out = home.resolve("disagree");
        Run withPortrait = run("generate", "--record", first.resolve("Hero.json").toString(), "--portrait-model", PORTRAIT,
                "--out", out.toString());
        assertEquals(2, withPortrait.exit(), withPortrait.err());
        assertTrue(withPortrait.err().contains("the record was made without a portrait model (a sprite without faces), but"
                + " portrait model 'sg3t-64'"), withPortrait.err());

        Path faces = home.resolve("faces-made");
        Run made = run("generate", "--name", "Faced", "--seed", "3", "--steps", "1", "--expressions", "neutral",
                "--portrait-model", PORTRAIT, "--out", faces.toString());
        assertEquals(0, made.exit(), made.err());
        assertTrue(Files.isRegularFile(faces.resolve("faces/Faced.png")), "a portrait model given still makes faces");
        Run withoutPortrait = run("generate", "--record", faces.resolve("Faced.json").toString(), "--out", out.toString());
        assertEquals(1, withoutPortrait.exit(), withoutPortrait.err());
        assertTrue(withoutPortrait.err().contains("the record was made with portrait model 'sg3t-64'")
                && withoutPortrait.err().contains("but there is no portrait model in " + Home.models()), withoutPortrait.err());
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void optionsForFacesAreUsageErrorsWithoutAPortraitModel() {
        Path out = home.resolve("refused");
        String[][] cases = {{"--expressions", "neutral,happy"}, {"--steps", "4"}, {"--actor-face", "happy"}};
        for (String[] option : cases) {
            Run refused = run("generate", "--name", "Hero", "--seed", "3", option[0], option[1], "--out", out.toString());
            assertEquals(2, refused.exit(), option[0] + ": " + refused.err());
            assertTrue(refused.err().contains("charagen: " + option[0] + ": no faces are made (no portrait model in "
                    + Home.models() + " and no --portrait-model); give a portrait model with --portrait-model PATH, or leave out "
                    + option[0]), refused.err());
            assertFalse(refused.err().contains("faces skipped"), "refused before it says what it makes");
        }
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void anArchetypeNeedsOnlyTheSpriteModelsPreset() throws Exception {
        Path out = home.resolve("hero");
        Run hero = run("generate", "--name", "Hero", "--seed", "3", "--archetype", "hero", "--out", out.toString());
        assertEquals(0, hero.exit(), hero.err());
        assertTrue(Files.readString(out.resolve("Hero.json")).contains("\"archetype\": \"hero\""));
        assertFalse(Arrays.equals(pixels(first.resolve("characters/$Hero.png")),
                pixels(out.resolve("characters/$Hero.png"))), "the archetype changed the sprite");
        Run elder = run("generate", "--name", "Elder", "--seed", "3", "--archetype", "elder", "--out", out.toString());
        assertEquals(1, elder.exit(), elder.err());
        assertTrue(elder.err().contains("no archetype preset 'elder' for model 'sprite-fixture'"), elder.err());
    }

    /** An MZ Actors.json as the editor writes it. */
    private static final String ACTORS = "[\nnull,\n"
            + "{\"id\":1,\"battlerName\":\"Actor1_1\",\"characterIndex\":0,\"characterName\":\"Actor1\",\"classId\":1,"
            + "\"equips\":[1,1,2,3,0],\"faceIndex\":0,\"faceName\":\"Actor1\",\"traits\":[],\"initialLevel\":1,\"maxLevel\":99,"
            + "\"name\":\"リード\",\"nickname\":\"\",\"note\":\"\",\"profile\":\"\"},\n"
            + "{\"id\":2,\"battlerName\":\"Actor1_2\",\"characterIndex\":1,\"characterName\":\"Actor1\",\"classId\":2,"
            + "\"equips\":[2,1,2,3,0],\"faceIndex\":1,\"faceName\":\"Actor1\",\"traits\":[],\"initialLevel\":1,\"maxLevel\":99,"
            + "\"name\":\"プリシラ🌸\",\"nickname\":\"\",\"note\":\"\",\"profile\":\"\"},\n"
            + "{\"id\":3,\"battlerName\":\"Actor1_3\",\"characterIndex\":2,\"characterName\":\"Actor1\",\"classId\":3,"
            + "\"equips\":[3,0,2,3,4],\"faceIndex\":2,\"faceName\":\"\",\"traits\":[],\"initialLevel\":1,\"maxLevel\":99,"
            + "\"name\":\"Gale\",\"nickname\":\"\",\"note\":\"\",\"profile\":\"\"}\n]";

    @Test
    void actorsGetTheSheetAndKeepTheirFaces(@TempDir Path temp) throws Exception {
        Path project = temp.resolve("Game");
        Files.createDirectories(project.resolve("js"));
        Files.writeString(project.resolve("js/rmmz_core.js"), "// RPG Maker MZ core stand-in\n");
        Files.createDirectories(project.resolve("img/characters"));
        Files.createDirectories(project.resolve("img/faces"));
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/Actors.json"), ACTORS);

        Run set = run("generate", "--name", "Guard", "--seed", "3", "--count", "2", "--project", project.toString(),
                "--actor", "2");
        assertEquals(0, set.exit(), set.err());
        String expected = ACTORS
                .replace("\"characterIndex\":1,\"characterName\":\"Actor1\",\"classId\":2",
                        "\"characterIndex\":0,\"characterName\":\"Guard\",\"classId\":2")
                .replace("\"characterIndex\":2,\"characterName\":\"Actor1\",\"classId\":3",
                        "\"characterIndex\":1,\"characterName\":\"Guard\",\"classId\":3");
        assertFalse(expected.equals(ACTORS), "the test's own replacement found its text");
        assertEquals(expected, Files.readString(project.resolve("data/Actors.json"), StandardCharsets.UTF_8),
                "characterName/characterIndex set; faceName/faceIndex (\"Actor1\" #1, \"\" #2) as they were");
        assertTrue(set.err().contains("charagen: actor 2 (プリシラ🌸): character Guard #0, face unchanged (no portrait model)"),
                set.err());
        assertTrue(Files.isRegularFile(project.resolve("img/characters/Guard.png")));
        try (Stream<Path> faces = Files.list(project.resolve("img/faces"))) {
            assertEquals(List.of(), faces.toList(), "no faces files");
        }
        try (Stream<Path> backups = Files.list(project.resolve("charagen-backup"))) {
            Path backup = backups.findFirst().orElseThrow();
            assertEquals(ACTORS, Files.readString(backup.resolve("data/Actors.json")), "the old Actors.json is backed up");
        }

        Run refused = run("generate", "--name", "Other", "--seed", "3", "--project", project.toString(), "--actor", "1",
                "--actor-face", "neutral");
        assertEquals(2, refused.exit(), refused.err());
        assertTrue(refused.err().contains("--actor-face: no faces are made"), refused.err());
        assertEquals(expected, Files.readString(project.resolve("data/Actors.json"), StandardCharsets.UTF_8));
    }
}
