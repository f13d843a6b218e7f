package io.charagen.generator.rpgmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaceSheetTest {

    private static BufferedImage solid(int size, int argb) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, argb);
            }
        }
        return image;
    }

    @Test
    void facesOfAnyResolutionFillTheirSlotsRowMajorAndEmptySlotsStayTransparent() {
        int[] colours = {0xffff0000, 0xff00ff00, 0xff0000ff, 0xffffff00, 0xff123456};
        int[] sizes = {64, 256, 144, 48, 100};
        BufferedImage[] faces = new BufferedImage[6];
        for (int k = 0; k < colours.length; k++) {
            faces[k] = solid(sizes[k], colours[k]);
        }
        BufferedImage sheet = FaceSheet.of(Arrays.asList(faces)); // slot 5 null, 6 and 7 past the end
        assertEquals(576, sheet.getWidth());
        assertEquals(288, sheet.getHeight());
        for (int k = 0; k < FaceSheet.SLOTS; k++) {
            int left = (k % 4) * 144;
            int top = (k / 4) * 144;
            for (int y = top; y < top + 144; y++) {
                for (int x = left; x < left + 144; x++) {
                    int expected = k < colours.length ? colours[k] : 0;
                    assertEquals(expected, sheet.getRGB(x, y) & (expected == 0 ? 0xff000000 : 0xffffffff),
                            "slot " + k + " at " + x + "," + y);
                }
            }
        }
    }

    @Test
    void shrinkingAveragesTheAreaUnderEachPixel() {
        // 288 -> 144 halves: each output pixel is the mean of a 2x2 block of a one-pixel checkerboard
        BufferedImage checker = new BufferedImage(288, 288, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 288; y++) {
            for (int x = 0; x < 288; x++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xff000000 : 0xffffffff);
            }
        }
        BufferedImage sheet = FaceSheet.of(List.of(checker));
        int worst = 0;
        for (int y = 0; y < 144; y++) {
            for (int x = 0; x < 144; x++) {
                int p = sheet.getRGB(x, y);
                assertEquals(0xff, p >>> 24);
                for (int shift = 0; shift < 24; shift += 8) {
                    worst = Math.max(worst, Math.abs(((p >> shift) & 0xff) - 128));
                }
            }
        }
        System.out.println("checkerboard 288 -> 144: largest distance from mid-grey " + worst);
        assertTrue(worst <= 1, "area averaging should give mid-grey, largest distance " + worst);
    }

    @Test
    void enlargingIsSmoothAndKeepsTransparentColourOutOfTheFigure() {
        // left half transparent (with a bright colour that must not bleed), right half a gradient
        BufferedImage face = new BufferedImage(64, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) {
                int v = x * 4;
                face.setRGB(x, y, x < 32 ? 0x00ff00ff : 0xff000000 | (v << 16) | (v << 8) | v);
            }
        }
        BufferedImage sheet = FaceSheet.of(List.of(face));
        int previous = -1;
        for (int x = 0; x < 144; x++) {
            int p = sheet.getRGB(x, 70);
            if ((p >>> 24) == 0) {
                continue;
            }
            int r = (p >> 16) & 0xff;
            int g = (p >> 8) & 0xff;
            assertEquals(r, g, "no magenta from the transparent half at x " + x);
            if (x >= 80) { // past the alpha edge, where the cubic may ring a little
                assertTrue(r >= previous, "gradient should not fall at x " + x + ": " + previous + " -> " + r);
                previous = r;
            }
        }
        assertEquals(0, sheet.getRGB(10, 70) >>> 24, "transparent half stays transparent");
        assertEquals(0xff, sheet.getRGB(100, 70) >>> 24, "opaque half stays opaque");
    }

    @Test
    void nonSquarePortraitIsFittedAndCentred() {
        BufferedImage wide = new BufferedImage(128, 64, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 128; x++) {
                wide.setRGB(x, y, 0xff336699);
            }
        }
        BufferedImage sheet = FaceSheet.of(List.of(wide));
        assertEquals(0, sheet.getRGB(72, 35) >>> 24, "above the 144x72 picture");
        assertEquals(0xff336699, sheet.getRGB(72, 36));
        assertEquals(0xff336699, sheet.getRGB(72, 107));
        assertEquals(0, sheet.getRGB(72, 108) >>> 24, "below it");
    }

    @Test
    void moreThanEightFacesIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FaceSheet.of(Collections.nCopies(9, solid(8, -1))));
        assertTrue(e.getMessage().contains("got 9"), e.getMessage());
    }
}
