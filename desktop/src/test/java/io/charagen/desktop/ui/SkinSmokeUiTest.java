package io.charagen.desktop.ui;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EditorSkin in a real LWJGL3 window under Xvfb: the app clicks, screenshots and exits cleanly. */
class SkinSmokeUiTest {

    @Test
    void theSkinnedWindowRendersTakesTheClickAndSavesAScreenshot() throws Exception {
        Path png = XvfbApp.targetDir().resolve("ui-screenshots").resolve("skin-smoke.png");
        Files.deleteIfExists(png);

        XvfbApp.Result result = XvfbApp.run(SkinSmokeApp.class, Duration.ofSeconds(120), png.toString())
                .assertSucceeded();

        assertTrue(result.log().contains("clicks: 1,"), () -> "the app reported no click:\n" + result.log());
        assertTrue(result.log().contains("second screenshot refused"), () -> "no refusal logged:\n" + result.log());
        assertTrue(Files.isRegularFile(png), () -> "no screenshot at " + png + "; log:\n" + result.log());
        BufferedImage image = ImageIO.read(png.toFile());
        assertNotNull(image, "the screenshot is not a PNG ImageIO can read");
        assertEquals(SkinSmokeApp.WIDTH, image.getWidth(), "screenshot width");
        assertEquals(SkinSmokeApp.HEIGHT, image.getHeight(), "screenshot height");
        // A black or cleared-only frame has one colour; text, widgets and anti-aliased edges have many.
        assertTrue(distinctColours(image) >= 32, () -> "the screenshot has only " + distinctColours(image)
                + " colours; the widgets were not drawn");
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
