package io.charagen.desktop.editor;

import io.charagen.desktop.ui.XvfbApp;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.ExpressionChoice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editor in a real window under Xvfb, on the fixture models, driven by {@link EditorDriver}
 * through the stage's input: grid, pick, edits, export to a fake RPG Maker MV project, record save
 * and load. Checks what it wrote and its screenshots (desktop/target/screenshots/).
 */
class EditorUiTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final List<String> SCREENSHOTS = List.of("editor-1-grid.png", "editor-2-edit.png", "editor-3-reloaded.png");

    @Test
    void makesEditsExportsAndReloadsACharacter(@TempDir Path temp) throws Exception {
        Path project = fakeMvProject(temp.resolve("Game"));
        Path record = temp.resolve("records").resolve("harold.json");
        Path screenshots = screenshots();
        for (String name : SCREENSHOTS) {
            Files.deleteIfExists(screenshots.resolve(name));
        }
        Path presets = presets();

        XvfbApp.Result result = XvfbApp.run(EditorDriver.class, Duration.ofMinutes(8),
                FIXTURES.resolve("sg2-64.pkl").toString(), FIXTURES.resolve("sg3t-64.pkl").toString(), presets.toString(),
                temp.resolve("cache").toString(), project.toString(), record.toString(), screenshots.toString());
        result.assertSucceeded();
        assertTrue(result.log().contains("DRIVER DONE"), () -> "the driver did not finish:\n" + result.log());

        String name = EditorDriver.NAME;
        assertTrue(Files.isRegularFile(project.resolve("img/characters/$" + name + ".png")), "exported sheet");
        assertTrue(Files.isRegularFile(project.resolve("img/faces/" + name + ".png")), "exported faces");
        assertTrue(Files.isRegularFile(project.resolve("charagen/" + name + ".json")), "exported record");
        BufferedImage faces = ImageIO.read(project.resolve("img/faces/" + name + ".png").toFile());
        assertEquals(576, faces.getWidth(), "face sheet width");
        assertEquals(ACTORS.replace("\"characterIndex\":0,\"characterName\":\"Actor1\"",
                        "\"characterIndex\":0,\"characterName\":\"$" + name + "\"")
                        .replace("\"faceIndex\":0,\"faceName\":\"Actor1\"", "\"faceIndex\":0,\"faceName\":\"" + name + "\""),
                Files.readString(project.resolve("data/Actors.json")), "actor " + EditorDriver.ACTOR + " shows the character");

        CharacterRecord saved = CharacterRecord.read(record);
        assertEquals(name, saved.spec().name());
        assertEquals(EditorDriver.PICKED, saved.spec().seed());
        assertEquals(EditorDriver.PSI, saved.spec().psi(), 1e-9);
        assertEquals(EditorDriver.ARCHETYPE, saved.spec().archetype());
        assertEquals(EditorDriver.STEPS, saved.spec().projectionSteps());
        assertTrue(saved.spec().expressions().contains(new ExpressionChoice(EditorDriver.EXPRESSION,
                EditorDriver.STRENGTH)), () -> "faces " + saved.spec().expressions());
        assertNotNull(saved.spec().mix(), "mix");
        assertEquals(EditorDriver.MIX_SEED, saved.spec().mix().seed());
        assertEquals(saved, CharacterRecord.read(project.resolve("charagen/" + name + ".json")),
                "the exported record and the saved one describe the same character");

        for (String screenshot : SCREENSHOTS) {
            Path png = screenshots.resolve(screenshot);
            assertTrue(Files.isRegularFile(png), () -> "no screenshot " + png);
            BufferedImage image = ImageIO.read(png.toFile());
            assertEquals(EditorDriver.WIDTH, image.getWidth(), screenshot + " width");
            assertEquals(EditorDriver.HEIGHT, image.getHeight(), screenshot + " height");
            int colours = distinctColours(image);
            assertTrue(colours >= 64, () -> screenshot + " has only " + colours + " colours");
        }
    }

    @Test
    void saysWhyAModelCannotBeLoaded(@TempDir Path temp) throws Exception {
        Path broken = temp.resolve("broken-sprite.pkl");
        Files.writeString(broken, "not a pickle");
        Path screenshot = screenshots().resolve("editor-load-failure.png");
        Files.deleteIfExists(screenshot);

        XvfbApp.Result result = XvfbApp.run(EditorLoadFailureDriver.class, Duration.ofMinutes(3), broken.toString(),
                FIXTURES.resolve("sg3t-64.pkl").toString(), presets().toString(), temp.resolve("cache").toString(),
                screenshot.toString());
        result.assertSucceeded();

        String line = result.log().lines().filter(l -> l.startsWith("LOAD FAILURE: ")).findFirst().orElseThrow();
        assertTrue(line.contains("broken-sprite.pkl"), () -> "the message does not name the file: " + line);
        assertTrue(Files.isRegularFile(screenshot), "no screenshot of the loading screen");
    }

    private static Path screenshots() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target").resolve("screenshots");
    }

    private static Path presets() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().getParent().resolve("presets");
    }

    /** Actor 1 is the one the driver exports to (the neutral face is the first of its faces). */
    private static final String ACTORS = "[\nnull,\n"
            + "{\"id\":1,\"battlerName\":\"Actor1_1\",\"characterIndex\":0,\"characterName\":\"Actor1\",\"classId\":1,"
            + "\"equips\":[1,1,2,3,0],\"faceIndex\":0,\"faceName\":\"Actor1\",\"traits\":[],\"initialLevel\":1,"
            + "\"maxLevel\":99,\"name\":\"ハロルド\",\"nickname\":\"\",\"note\":\"\",\"profile\":\"\"}\n]";

    /** The folders and engine file ExportFolder.rpgMakerProject looks for in an MV project, and its actors. */
    private static Path fakeMvProject(Path root) throws Exception {
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("js/rpg_core.js"), "// RPG Maker MV core stand-in\n");
        Files.createDirectories(root.resolve("img/characters"));
        Files.createDirectories(root.resolve("img/faces"));
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/Actors.json"), ACTORS);
        return root;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }
}
