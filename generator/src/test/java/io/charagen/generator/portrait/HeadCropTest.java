package io.charagen.generator.portrait;

import io.charagen.generator.pixelart.SyntheticSprites;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeadCropTest {

    private static final int CYAN = 0x00FFFF;

    @ParameterizedTest(name = "{0}x{1} frame, figure {4} high at ({2}, {3}), antialias {5}")
    @CsvSource({
            "48, 48, 24, 1, 46, false",
            "48, 48, 24, 1, 46, true",
            "48, 48, 18, 8, 36, false",
            "64, 64, 40, 12, 30, true",
            "96, 96, 48, 3, 90, false",
            "96, 64, 70, 30, 33, false",
            "48, 48, 30, 20, 26, false",
    })
    void findsTheHeadOfDrawnFigures(int w, int h, double centreX, double top, double height, boolean antialias) {
        BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = frame.createGraphics();
        if (antialias) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        }
        SyntheticSprites.Parts parts = SyntheticSprites.drawFigure(g, centreX, top, height);
        g.dispose();
        HeadCrop.Result result = HeadCrop.find(frame, 128, CYAN);
        System.out.println(w + "x" + h + " figure " + height + " at (" + centreX + ", " + top + "): " + result.summary());
        Rectangle box = result.sourceBox();

        assertEquals(NeckMethod.WIDTH_PROFILE, result.neckMethod());
        assertEquals(box.width, box.height, "square");
        double diameter = 0.34 * height;
        assertEquals(HeadCrop.BOX_SCALE * diameter, box.width, 2.5, "box side from the head's size");
        assertEquals(diameter, result.head().height, 2.5, "head height");
        assertEquals(diameter, result.head().width, 2.5, "head width");
        Ellipse2D head = new Ellipse2D.Double(centreX - diameter / 2, top, diameter, diameter);
        int inBody = 0;
        int body = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (head.contains(x + 0.5, y + 0.5)) {
                    assertTrue(box.contains(x, y), "head pixel " + x + "," + y + " outside " + box);
                }
                if (parts.legs().contains(x, y)) {
                    assertTrue(!box.contains(x, y), "leg pixel " + x + "," + y + " inside " + box);
                }
                if (parts.body().contains(x, y) || parts.legs().contains(x, y)) {
                    body++;
                    inBody += box.contains(x, y) ? 1 : 0;
                }
            }
        }
        assertTrue(inBody < 0.25 * body, inBody + " of " + body + " body and leg pixels in the box");
        assertEquals(centreX, box.x + box.width / 2.0, 1.0, "centred on the head");

        // the mask and the image at portrait resolution
        float[] mask = result.mask();
        assertEquals(128 * 128, mask.length);
        int headU = toPortrait(centreX, box.x, box.width);
        int headV = toPortrait(top + diameter / 2, box.y, box.height);
        assertEquals(1f, mask[headV * 128 + headU], "head centre");
        assertEquals(0f, mask[0], "top-left corner beside the head");
        assertEquals(CYAN, result.image().getRGB(0, 0) & 0xFFFFFF);
        assertEquals(SyntheticSprites.SKIN.getRGB() & 0xFFFFFF, result.image().getRGB(headU, headV) & 0xFFFFFF);
        double covered = 0;
        for (float m : mask) {
            assertTrue(m == 0f || m == 1f);
            covered += m;
        }
        double expected = opaqueIn(frame, box) / (double) (box.width * box.height);
        assertEquals(expected, covered / mask.length, 0.04, "mask coverage");
    }

    @Test
    void noNeckButAColourChange() {
        BufferedImage frame = new BufferedImage(48, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(SyntheticSprites.SKIN);
        g.fillRect(14, 4, 20, 16); // rows 4..19
        g.setColor(SyntheticSprites.SHIRT);
        g.fillRect(14, 20, 20, 24); // rows 20..43, same width: no neck
        g.dispose();
        HeadCrop.Result result = HeadCrop.find(frame, 64, null);
        System.out.println("block of two colours: " + result.summary());
        assertEquals(NeckMethod.COLOUR_CHANGE, result.neckMethod());
        assertEquals(20, result.neckRow());
        assertEquals(new Rectangle(14, 4, 20, 16), result.head());
        assertEquals(HeadCrop.NEUTRAL_GREY, result.image().getRGB(0, 0) & 0xFFFFFF);
    }

    @Test
    void noNeckAndOneColourFallsBackToAFraction() {
        BufferedImage frame = new BufferedImage(48, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = frame.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(10, 8, 24, 40); // rows 8..47
        g.dispose();
        HeadCrop.Result result = HeadCrop.find(frame, 32, CYAN);
        System.out.println("plain block: " + result.summary());
        assertEquals(NeckMethod.FIXED_FRACTION, result.neckMethod());
        assertEquals(8 + 16, result.neckRow(), "0.4 of 40 rows below the top");
    }

    @Test
    void boxPastTheFrameEdgeIsPadded() {
        BufferedImage frame = new BufferedImage(48, 48, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = frame.createGraphics();
        SyntheticSprites.drawFigure(g, 8, 0, 46);
        g.dispose();
        HeadCrop.Result result = HeadCrop.find(frame, 96, CYAN);
        assertTrue(result.sourceBox().x < 0 && result.sourceBox().y < 0, result.sourceBox().toString());
        for (int v = 0; v < 96; v++) {
            assertEquals(CYAN, result.image().getRGB(0, v) & 0xFFFFFF, "left column is padding");
            assertEquals(0f, result.mask()[v * 96]);
        }
        assertEquals(8, result.sourceBox().x + result.sourceBox().width / 2.0, 1.0, "still centred on the head");
    }

    @Test
    void emptyFrameIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HeadCrop.find(new BufferedImage(48, 48, BufferedImage.TYPE_INT_ARGB), 64, null));
        assertTrue(e.getMessage().contains("no opaque pixels"), e.getMessage());
    }

    @Test
    void argumentsAreChecked() {
        BufferedImage frame = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        frame.setRGB(3, 3, 0xFFFFFFFF);
        assertThrows(IllegalArgumentException.class, () -> HeadCrop.find(frame, 0, null));
        assertThrows(IllegalArgumentException.class, () -> HeadCrop.find(frame, 16, 0x1000000));
        assertEquals(16, HeadCrop.find(frame, 16, null).image().getWidth(), "a one-pixel figure still crops");
    }

    private static int toPortrait(double frameCoordinate, int boxStart, int boxSide) {
        return (int) Math.floor((frameCoordinate - boxStart) / boxSide * 128);
    }

    private static int opaqueIn(BufferedImage frame, Rectangle box) {
        int n = 0;
        for (int y = Math.max(0, box.y); y < Math.min(frame.getHeight(), box.y + box.height); y++) {
            for (int x = Math.max(0, box.x); x < Math.min(frame.getWidth(), box.x + box.width); x++) {
                n += (frame.getRGB(x, y) >>> 24) >= 128 ? 1 : 0;
            }
        }
        return n;
    }
}
