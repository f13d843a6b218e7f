package io.charagen.generator.pixelart;

import org.junit.jupiter.api.Test;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class EdgeMatteTest {

    private static final int BG = 0x00FF79;
    private static final int BROWN = 0x6A3C28;
    private static final int SKIN = 0xE6BEA0;
    private static final int OUTLINE = 0x201008;

    /** A 12 x 12 cell, transparent (as keyed) around an 8 x 8 figure of {@code fill} at (2, 2) with a 1-px rim. */
    private static CellImage cell(int fill, int rimRgb) {
        BufferedImage image = new BufferedImage(12, 12, BufferedImage.TYPE_INT_ARGB);
        for (int y = 2; y < 10; y++) {
            for (int x = 2; x < 10; x++) {
                boolean rim = x == 2 || y == 2 || x == 9 || y == 9;
                image.setRGB(x, y, 0xFF000000 | (rim ? rimRgb : fill));
            }
        }
        return CellImage.cut(image, new Rectangle(0, 0, 12, 12), 0);
    }

    /** a * figure + (1 - a) * background per channel, rounded. */
    private static int blend(int figure, double a) {
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            rgb |= (int) Math.round(a * (figure >> shift & 0xFF) + (1 - a) * (BG >> shift & 0xFF)) << shift;
        }
        return rgb;
    }

    @Test
    void aRimThatIsMostlyBackgroundGoes() {
        CellImage c = cell(BROWN, blend(BROWN, 0.3));
        assertEquals(28, EdgeMatte.apply(List.of(c), BG), "every rim pixel, corners too (a diagonal neighbour)");
        assertEquals(CellImage.TRANSPARENT, c.argb[2 * 12 + 5]);
        assertEquals(0xFF000000 | BROWN, c.argb[3 * 12 + 5], "the fill inside stays");
    }

    @Test
    void aRimThatIsMostlyFigureStays() {
        CellImage c = cell(BROWN, blend(BROWN, 0.7));
        int[] before = c.argb.clone();
        assertEquals(0, EdgeMatte.apply(List.of(c), BG));
        assertArrayEquals(before, c.argb);
    }

    @Test
    void aDarkOutlineBesideALightFillIsNoBlendAndStays() {
        // Along the line from the background through the skin colour the outline would be 31% skin,
        // but it lies far (about 255) from that line: it is a colour of its own.
        for (int rim : new int[] {OUTLINE, SKIN}) {
            CellImage c = cell(SKIN, rim);
            int[] before = c.argb.clone();
            assertEquals(0, EdgeMatte.apply(List.of(c), BG), Integer.toHexString(rim));
            assertEquals(Arrays.toString(before), Arrays.toString(c.argb));
        }
    }

    @Test
    void aHaloOutsideTheOutlineGoesAndTheOutlineStays() {
        BufferedImage image = new BufferedImage(14, 14, BufferedImage.TYPE_INT_ARGB);
        for (int y = 2; y < 12; y++) {
            for (int x = 2; x < 12; x++) {
                int ring = Math.min(Math.min(x - 2, y - 2), Math.min(11 - x, 11 - y));
                int rgb = ring == 0 ? blend(OUTLINE, 0.35) : ring == 1 ? OUTLINE : SKIN;
                image.setRGB(x, y, 0xFF000000 | rgb);
            }
        }
        CellImage c = CellImage.cut(image, new Rectangle(0, 0, 14, 14), 0);
        assertEquals(36, EdgeMatte.apply(List.of(c), BG));
        assertEquals(0xFF000000 | OUTLINE, c.argb[3 * 14 + 6]);
        assertEquals(CellImage.TRANSPARENT, c.argb[2 * 14 + 6]);
    }
}
