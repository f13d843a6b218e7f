package io.charagen.generator.pixelart;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;
import io.charagen.generator.sheet.SheetLayout;
import io.charagen.generator.sheet.TrainingLayouts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpriteCleanupTest {

    private static final int BG = TrainingLayouts.BACKGROUND;
    private static final CleanupOptions EXACT = CleanupOptions.defaults().withPaletteSize(64).withMinSpeckPixels(0);

    @ParameterizedTest(name = "palette {0}")
    @ValueSource(ints = {2, 4, 8, 16, 32, 64})
    void noisyCanvasBecomesBinaryAlphaWithOneSharedPalette(int size) {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = SyntheticSprites.canvas(layout, BG, true);
        SyntheticSprites.addNoise(canvas, 6, 42);
        CleanupResult result = SpriteCleanup.clean(canvas, layout, CleanupOptions.defaults().withPaletteSize(size));
        System.out.println("palette " + size + ": " + result.report().summary());

        Set<Integer> palette = new HashSet<>();
        Arrays.stream(result.palette()).forEach(palette::add);
        assertTrue(result.palette().length <= size, "palette of " + result.palette().length + " > " + size);
        Set<Integer> used = new HashSet<>();
        long opaque = 0;
        for (BufferedImage frame : allFrames(result.frames())) {
            for (int p : pixels(frame)) {
                int alpha = p >>> 24;
                assertTrue(alpha == 0 || alpha == 255, "alpha " + alpha);
                if (alpha == 0) {
                    assertEquals(0, p, "transparent pixels are 0x00000000");
                } else {
                    used.add(p);
                    opaque++;
                }
            }
        }
        assertTrue(used.size() <= size, used.size() + " colours in the frames, palette " + size);
        assertTrue(palette.containsAll(used), "every frame colour is in the shared palette");
        // 16 figures of about 760 px each: keying must neither keep the background nor eat the figures
        assertTrue(opaque > 16 * 600 && opaque < 16 * 1000, "opaque pixels: " + opaque);
        assertEquals(48, result.frames().frameWidth());
        assertEquals(48, result.frames().frameHeight());
    }

    @Test
    void cleanupIsDeterministic() {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = SyntheticSprites.canvas(layout, BG, true);
        SyntheticSprites.addNoise(canvas, 10, 7);
        CleanupResult a = SpriteCleanup.clean(canvas, layout, CleanupOptions.defaults().withPaletteSize(12));
        CleanupResult b = SpriteCleanup.clean(canvas, layout, CleanupOptions.defaults().withPaletteSize(12));
        assertArrayEquals(a.palette(), b.palette());
        List<BufferedImage> fa = allFrames(a.frames());
        List<BufferedImage> fb = allFrames(b.frames());
        for (int i = 0; i < fa.size(); i++) {
            assertArrayEquals(pixels(fa.get(i)), pixels(fb.get(i)), "frame " + i);
        }
    }

    @Test
    void framesComeFromTheirCellsInTheTrainingLayout() {
        checkFrameOrder(TrainingLayouts.parsed());
    }

    @Test
    void framesFollowAShuffledLayout() {
        JsonObject json = TrainingLayouts.version1();
        json.add("rows", JsonParser.parseString("[\"up\", \"right\", \"down\", \"left\"]"));
        json.add("columns", JsonParser.parseString("[{\"pattern\": 2}, {\"pattern\": null}, {\"pattern\": 0}, {\"pattern\": 1}]"));
        checkFrameOrder(SheetLayout.fromJson(json, 256, "shuffled"));
    }

    @Test
    void framesFollowTheDollarSheet() {
        checkFrameOrder(SheetLayout.dollarSheet(144, 192));
    }

    /** Marks every canvas cell with its own colour and checks that each frame carries its cell's mark. */
    private static void checkFrameOrder(SheetLayout layout) {
        int background = layout.background().orElse(0xFF00FF);
        BufferedImage canvas = SyntheticSprites.canvas(layout, background, false);
        Graphics2D g = canvas.createGraphics();
        int columns = layout.canvasWidth() / layout.cellWidth();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                mark(g, layout.frameBounds(d, p), layout.row(d) * columns + layout.patternColumn(p));
            }
            if (layout.hasExtra()) {
                mark(g, layout.extraBounds(d).orElseThrow(), layout.row(d) * columns + layout.extraColumn().getAsInt());
            }
        }
        g.dispose();
        CleanupResult result = SpriteCleanup.clean(canvas, layout, EXACT);
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                assertEquals(Set.of(markColour(layout.row(d) * columns + layout.patternColumn(p))),
                        marks(result.frames().frame(d, p)), d.key() + " pattern " + p);
            }
            int extraCell = layout.hasExtra() ? layout.row(d) * columns + layout.extraColumn().getAsInt() : -1;
            assertEquals(layout.hasExtra(), result.frames().extraFrame(d).isPresent());
            result.frames().extraFrame(d).ifPresent(f -> assertEquals(Set.of(markColour(extraCell)), marks(f), d.key() + " extra"));
        }
    }

    private static void mark(Graphics2D g, Rectangle frame, int cell) {
        g.setColor(new Color(markColour(cell)));
        g.fillRect(frame.x + frame.width / 2 - 2, frame.y + frame.height * 5 / 8, 4, 4);
    }

    /** 16 colours apart from each other, from the figure's colours and from the green background. */
    private static int markColour(int cell) {
        return 0xFF000000 | (40 + 60 * (cell % 4)) << 16 | (20 + 40 * (cell / 4)) << 8 | 0xE0 - 8 * cell;
    }

    private static Set<Integer> marks(BufferedImage frame) {
        Set<Integer> all = new HashSet<>();
        for (int cell = 0; cell < 16; cell++) {
            all.add(markColour(cell));
        }
        Set<Integer> found = new HashSet<>();
        for (int p : pixels(frame)) {
            if (all.contains(p)) {
                found.add(p);
            }
        }
        return found;
    }

    @Test
    void windowMovesForAFigureStickingOutAndNothingIsLost() {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = blankCanvas(layout);
        Graphics2D g = canvas.createGraphics();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                Rectangle cell = layout.cellBounds(d, p);
                SyntheticSprites.drawFigure(g, cell.x + 32, cell.y + 16, 38); // rows 16..53
            }
        }
        Rectangle sticky = layout.cellBounds(Direction.RIGHT, 2);
        g.setColor(SyntheticSprites.HAIR);
        g.fillRect(sticky.x + 30, sticky.y + 8, 4, 10); // a feather up to row 8, above the window's row 14
        g.dispose();
        CleanupResult result = SpriteCleanup.clean(canvas, layout, EXACT);
        CleanupReport report = result.report();
        System.out.println("sticking out: " + report.summary());
        assertEquals(0, report.offsetX());
        assertEquals(-6, report.offsetY(), "moved up just enough");
        assertFalse(report.grown());
        assertEquals(48, result.frames().frameHeight());
        assertNothingLost(canvas, layout, result.frames());
    }

    @Test
    void frameGrowsWhenTheFiguresAreLargerThanTheWindow() {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = blankCanvas(layout);
        Graphics2D g = canvas.createGraphics();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                Rectangle cell = layout.cellBounds(d, p);
                SyntheticSprites.drawFigure(g, cell.x + 32, cell.y + 15, 47); // rows 15..61
            }
        }
        Rectangle tall = layout.cellBounds(Direction.DOWN, 0);
        Rectangle wide = layout.cellBounds(Direction.UP, 1);
        g.setColor(SyntheticSprites.HAIR);
        g.fillRect(tall.x + 30, tall.y + 3, 4, 14); // hat from row 3
        g.setColor(SyntheticSprites.SHIRT);
        g.fillRect(wide.x + 2, wide.y + 35, 30, 3); // an arm out to column 2
        g.dispose();
        CleanupResult result = SpriteCleanup.clean(canvas, layout, EXACT);
        CleanupReport report = result.report();
        System.out.println("larger than the window: " + report.summary());
        assertTrue(report.grown());
        assertEquals(59, result.frames().frameHeight(), "rows 3..61");
        assertEquals(-11, report.offsetY());
        assertEquals(-6, report.offsetX(), "column 2 instead of 8; the figures end at column 47 < 56");
        assertEquals(48, result.frames().frameWidth());
        assertNothingLost(canvas, layout, result.frames());
    }

    @Test
    void outlineGoesOnlyOnTransparentNeighbours() {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = blankCanvas(layout);
        Graphics2D g = canvas.createGraphics();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 4; p++) {
                Rectangle cell = p < 3 ? layout.cellBounds(d, p) : layout.extraCellBounds(d).orElseThrow();
                SyntheticSprites.drawFigure(g, cell.x + 32 + p, cell.y + 18, 40);
            }
        }
        g.dispose();
        int outline = 0x101010;
        CleanupResult plain = SpriteCleanup.clean(canvas, layout, EXACT);
        CleanupResult outlined = SpriteCleanup.clean(canvas, layout, EXACT.withOutline(outline));
        System.out.println("outline: " + outlined.report().summary());
        assertEquals(plain.frames().frameWidth(), outlined.frames().frameWidth());
        assertTrue(outlined.report().outlinePixels() > 0);
        assertTrue(Arrays.stream(outlined.palette()).anyMatch(c -> c == (0xFF000000 | outline)));
        List<BufferedImage> before = allFrames(plain.frames());
        List<BufferedImage> after = allFrames(outlined.frames());
        int outlinePixels = 0;
        for (int i = 0; i < before.size(); i++) {
            BufferedImage a = before.get(i);
            BufferedImage b = after.get(i);
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    int was = a.getRGB(x, y);
                    int now = b.getRGB(x, y);
                    if (was != 0) {
                        assertEquals(was, now, "figure pixel changed at " + x + "," + y);
                    } else {
                        boolean touches = opaque(a, x - 1, y) || opaque(a, x + 1, y) || opaque(a, x, y - 1) || opaque(a, x, y + 1);
                        assertEquals(touches ? 0xFF000000 | outline : 0, now, "frame " + i + " at " + x + "," + y);
                        outlinePixels += touches ? 1 : 0;
                    }
                }
            }
        }
        assertEquals(outlined.report().outlinePixels(), outlinePixels);
    }

    @Test
    void outlineKeepsThePaletteWithinItsSize() {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = SyntheticSprites.canvas(layout, BG, true);
        SyntheticSprites.addNoise(canvas, 6, 3);
        CleanupResult result = SpriteCleanup.clean(canvas, layout, CleanupOptions.defaults().withPaletteSize(8).withOutline(0));
        assertTrue(result.palette().length <= 8, "palette " + result.palette().length);
        Set<Integer> used = new HashSet<>();
        allFrames(result.frames()).forEach(f -> Arrays.stream(pixels(f)).filter(p -> p != 0).forEach(used::add));
        assertTrue(used.size() <= 8, used.size() + " colours");
        // the figures span rows 15..60 of the cell, so their outline (14..61) still fits the window
        assertEquals(48, result.frames().frameHeight(), result.report().summary());
        assertEquals(0, result.report().offsetY());
    }

    @Test
    void specksAreRemoved() {
        SheetLayout layout = TrainingLayouts.parsed();
        BufferedImage canvas = blankCanvas(layout);
        Graphics2D g = canvas.createGraphics();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 4; p++) {
                Rectangle cell = p < 3 ? layout.cellBounds(d, p) : layout.extraCellBounds(d).orElseThrow();
                SyntheticSprites.drawFigure(g, cell.x + 32, cell.y + 18, 40);
            }
        }
        g.dispose();
        Rectangle a = layout.cellBounds(Direction.DOWN, 0);
        Rectangle b = layout.cellBounds(Direction.LEFT, 2);
        int speck = 0xFFFF0000;
        canvas.setRGB(a.x + 10, a.y + 20, speck); // one pixel
        canvas.setRGB(b.x + 10, b.y + 20, speck); // two pixels touching diagonally
        canvas.setRGB(b.x + 11, b.y + 21, speck);
        canvas.setRGB(b.x + 52, b.y + 40, speck); // three in a row: kept at minSpeckPixels 3
        canvas.setRGB(b.x + 52, b.y + 41, speck);
        canvas.setRGB(b.x + 52, b.y + 42, speck);
        CleanupResult result = SpriteCleanup.clean(canvas, layout, EXACT.withMinSpeckPixels(3));
        System.out.println("specks: " + result.report().summary());
        assertEquals(2, result.report().specks());
        assertEquals(3, result.report().speckPixels());
        assertEquals(0, count(result.frames().frame(Direction.DOWN, 0), speck));
        assertEquals(3, count(result.frames().frame(Direction.LEFT, 2), speck));
        CleanupResult kept = SpriteCleanup.clean(canvas, layout, EXACT);
        assertEquals(0, kept.report().specks());
        assertEquals(1, count(kept.frames().frame(Direction.DOWN, 0), speck));
        assertEquals(5, count(kept.frames().frame(Direction.LEFT, 2), speck));
    }

    @Test
    void backgroundIsEstimatedWhenTheLayoutHasNone() {
        SheetLayout layout = SheetLayout.dollarSheet(144, 192);
        int magenta = 0xFF00FF;
        BufferedImage canvas = SyntheticSprites.canvas(layout, magenta, true);
        SyntheticSprites.addNoise(canvas, 4, 11);
        CleanupResult result = SpriteCleanup.clean(canvas, layout, CleanupOptions.defaults());
        CleanupReport report = result.report();
        System.out.println("estimated background: " + report.summary());
        assertTrue(report.backgroundEstimated());
        int bg = report.background();
        assertTrue(Math.abs((bg >> 16 & 0xFF) - 255) <= 3 && Math.abs((bg >> 8 & 0xFF)) <= 3
                && Math.abs((bg & 0xFF) - 255) <= 3, String.format("estimated #%06x", bg));
        assertEquals(48, result.frames().frameWidth());
        assertEquals(48, result.frames().frameHeight());
        for (BufferedImage f : allFrames(result.frames())) {
            assertEquals(0, count(f, 0xFF000000 | magenta));
            assertEquals(0, f.getRGB(0, 0), "corner is background");
        }
    }

    @Test
    void canvasOfTheWrongSizeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SpriteCleanup.clean(
                new BufferedImage(128, 128, BufferedImage.TYPE_INT_RGB), TrainingLayouts.parsed(), CleanupOptions.defaults()));
        assertTrue(e.getMessage().contains("128x128") && e.getMessage().contains("256x256"), e.getMessage());
    }

    @Test
    void optionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> CleanupOptions.defaults().withPaletteSize(1));
        assertThrows(IllegalArgumentException.class, () -> CleanupOptions.defaults().withPaletteSize(257));
        assertThrows(IllegalArgumentException.class, () -> CleanupOptions.defaults().withOutline(0x1000000));
        assertThrows(IllegalArgumentException.class, () -> CleanupOptions.defaults().withBackgroundTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> CleanupOptions.defaults().withMinSpeckPixels(-1));
    }

    /** The opaque pixels of each cell in the canvas and in its frame are the same number. */
    private static void assertNothingLost(BufferedImage canvas, SheetLayout layout, CharacterFrames frames) {
        int bg = layout.background().getAsInt();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                Rectangle cell = layout.cellBounds(d, p);
                int before = 0;
                for (int y = cell.y; y < cell.y + cell.height; y++) {
                    for (int x = cell.x; x < cell.x + cell.width; x++) {
                        before += (canvas.getRGB(x, y) & 0xFFFFFF) != bg ? 1 : 0;
                    }
                }
                int after = (int) Arrays.stream(pixels(frames.frame(d, p))).filter(px -> px != 0).count();
                assertTrue(before > 0);
                assertEquals(before, after, d.key() + " pattern " + p + ": opaque pixels before and after");
            }
        }
    }

    private static BufferedImage blankCanvas(SheetLayout layout) {
        BufferedImage canvas = new BufferedImage(layout.canvasWidth(), layout.canvasHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(new Color(layout.background().getAsInt()));
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.dispose();
        return canvas;
    }

    static List<BufferedImage> allFrames(CharacterFrames frames) {
        List<BufferedImage> all = new ArrayList<>();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                all.add(frames.frame(d, p));
            }
            frames.extraFrame(d).ifPresent(all::add);
        }
        return all;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    private static boolean opaque(BufferedImage image, int x, int y) {
        return x >= 0 && y >= 0 && x < image.getWidth() && y < image.getHeight() && image.getRGB(x, y) != 0;
    }

    private static int count(BufferedImage image, int argb) {
        return (int) Arrays.stream(pixels(image)).filter(p -> p == argb).count();
    }
}
