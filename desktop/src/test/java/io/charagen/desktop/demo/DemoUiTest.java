package io.charagen.desktop.demo;

import io.charagen.desktop.ui.XvfbApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo in a real window under Xvfb, with the fixture models: four villagers arrive and walk,
 * a click on one opens its portrait window, whose buttons step to the next expression and close it.
 */
class DemoUiTest {

    @Test
    void villagersArriveWalkAndOpenTheirPortraitWhenClicked(@TempDir Path cache) throws Exception {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        Path shots = module.resolve("target").resolve("screenshots");
        for (String name : new String[] {"demo-map.png", "demo-portrait.png", "demo-portrait-next.png", "demo-ui.properties"}) {
            Files.deleteIfExists(shots.resolve(name));
        }

        XvfbApp.Result result = XvfbApp.run(DemoUiDriver.class, Duration.ofMinutes(10), shots.toString(),
                cache.toString(), module.resolveSibling("presets").toString()).assertSucceeded();

        Properties seen = new Properties();
        try (Reader r = Files.newBufferedReader(shots.resolve("demo-ui.properties"))) {
            seen.load(r);
        }
        String log = result.log();
        assertNotNull(seen.getProperty("clicked"), () -> "the driver clicked no villager:\n" + log);
        assertEquals(seen.getProperty("clicked"), seen.getProperty("dialogOf"), "the window opened is the clicked villager's");
        assertEquals("neutral", seen.getProperty("firstExpression"), "the portrait opens on the neutral face");
        assertNotEquals(seen.getProperty("firstExpression"), seen.getProperty("nextExpression"), "> shows another expression");
        assertTrue(seen.getProperty("expressions").split(",").length > 1, "villagers have several expressions");
        assertEquals("true", seen.getProperty("closed"), "Close removes the portrait window");
        assertTrue(Integer.parseInt(seen.getProperty("walked")) > 0, "no villager took a step");

        BufferedImage map = screenshot(shots.resolve("demo-map.png"));
        BufferedImage portrait = screenshot(shots.resolve("demo-portrait.png"));
        BufferedImage next = screenshot(shots.resolve("demo-portrait-next.png"));
        // The portrait window covers the middle of the map.
        int cx = DemoUiDriver.WIDTH / 2;
        int cy = DemoUiDriver.HEIGHT / 2;
        assertTrue(differingPixels(map, portrait, cx - 100, cy - 100, 200, 200) > 20_000, "the portrait window is not drawn");
        assertTrue(differingPixels(portrait, next, 0, 0, DemoUiDriver.WIDTH, DemoUiDriver.HEIGHT) > 200,
                "the next expression looks the same as the first");
    }

    /** A readable PNG of the window's size with more than a few colours (not a blank or cleared frame). */
    private static BufferedImage screenshot(Path png) throws Exception {
        assertTrue(Files.isRegularFile(png), "no screenshot " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, png + " is not a PNG");
        assertEquals(DemoUiDriver.WIDTH, image.getWidth(), png + " width");
        assertEquals(DemoUiDriver.HEIGHT, image.getHeight(), png + " height");
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        assertTrue(colours.size() >= 64, png + " has only " + colours.size() + " colours");
        return image;
    }

    private static int differingPixels(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
        int n = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if ((a.getRGB(x, y) & 0xffffff) != (b.getRGB(x, y) & 0xffffff)) {
                    n++;
                }
            }
        }
        return n;
    }
}
