package io.charagen.generator.pixelart;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;
import io.charagen.generator.sheet.SheetLayout;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns a sprite network's RGB canvas into crisp pixel-art frames: the background keyed out to
 * binary alpha, the background's halo taken off the figure's rim, small specks removed, every
 * frame quantised to one shared palette, an optional 1-px outline, and frames cut per the layout
 * with the window moved or grown (the same for all frames) so that no figure is clipped. Only the
 * cells the layout uses are read.
 */
public final class SpriteCleanup {

    private SpriteCleanup() {
    }

    /**
     * @param canvas  the network's image, exactly the layout's canvas size (RGB, or ARGB whose
     *                pixels with alpha below 128 count as background)
     * @param layout  where the frames are
     * @param options palette size, outline, tolerances
     */
    public static CleanupResult clean(BufferedImage canvas, SheetLayout layout, CleanupOptions options) {
        if (canvas.getWidth() != layout.canvasWidth() || canvas.getHeight() != layout.canvasHeight()) {
            throw new IllegalArgumentException("canvas is " + canvas.getWidth() + "x" + canvas.getHeight()
                    + " but the sheet layout expects " + layout.canvasWidth() + "x" + layout.canvasHeight());
        }
        int pad = options.outlineRgb() == null ? 0 : 1;
        List<CellImage> cells = new ArrayList<>();
        for (Rectangle cell : cellsInOrder(layout)) {
            cells.add(CellImage.cut(canvas, cell, pad));
        }

        boolean estimated = layout.background().isEmpty();
        Integer background = estimated ? BackgroundKey.estimate(cells) : Integer.valueOf(layout.background().getAsInt());
        int keyed = background == null ? 0 : BackgroundKey.apply(cells, background, options.backgroundTolerance());
        int rimKeyed = background == null ? 0 : EdgeMatte.apply(cells, background);
        SpeckFilter.Removed specks = SpeckFilter.apply(cells, options.minSpeckPixels());

        int[][] histogram = histogram(cells);
        int colours = options.outlineRgb() == null ? options.paletteSize() : options.paletteSize() - 1;
        int[] palette = MedianCut.palette(histogram[0], histogram[1], colours);
        recolour(cells, histogram[0], palette);
        int outlinePixels = options.outlineRgb() == null ? 0 : Outline.draw(cells, options.outlineRgb());

        FramePlacement placement = FramePlacement.fit(cells, layout.frameWindow());
        CharacterFrames frames = cut(cells, placement.window(), layout.hasExtra());
        CleanupReport report = new CleanupReport(background, estimated && background != null, keyed, rimKeyed,
                specks.specks(), specks.pixels(), histogram[0].length,
                argbPalette(palette, options.outlineRgb(), outlinePixels), outlinePixels, placement.window().width,
                placement.window().height, placement.offsetX(), placement.offsetY(), placement.grown());
        return new CleanupResult(frames, report);
    }

    /** Cells of (direction, pattern) in direction-major order, then the extra frames per direction. */
    private static List<Rectangle> cellsInOrder(SheetLayout layout) {
        List<Rectangle> cells = new ArrayList<>();
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                cells.add(layout.cellBounds(d, p));
            }
        }
        for (Direction d : Direction.values()) {
            layout.extraCellBounds(d).ifPresent(cells::add);
        }
        return cells;
    }

    /** {distinct opaque colours sorted ascending, pixel count of each}. */
    private static int[][] histogram(List<CellImage> cells) {
        int n = 0;
        for (CellImage c : cells) {
            for (int p : c.argb) {
                n += p != CellImage.TRANSPARENT ? 1 : 0;
            }
        }
        int[] all = new int[n];
        int k = 0;
        for (CellImage c : cells) {
            for (int p : c.argb) {
                if (p != CellImage.TRANSPARENT) {
                    all[k++] = p & 0xFFFFFF;
                }
            }
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            distinct += i == 0 || all[i] != all[i - 1] ? 1 : 0;
        }
        int[] colours = new int[distinct];
        int[] counts = new int[distinct];
        int d = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                colours[++d] = all[i];
            }
            counts[d]++;
        }
        return new int[][]{colours, counts};
    }

    private static void recolour(List<CellImage> cells, int[] colours, int[] palette) {
        int[] mapped = new int[colours.length];
        for (int i = 0; i < colours.length; i++) {
            mapped[i] = 0xFF000000 | palette[MedianCut.nearest(palette, colours[i])];
        }
        for (CellImage c : cells) {
            for (int i = 0; i < c.argb.length; i++) {
                if (c.opaque(i)) {
                    c.argb[i] = mapped[Arrays.binarySearch(colours, c.argb[i] & 0xFFFFFF)];
                }
            }
        }
    }

    private static int[] argbPalette(int[] rgb, Integer outline, int outlinePixels) {
        int[] out = Arrays.stream(rgb).map(c -> 0xFF000000 | c).toArray();
        if (outline != null && outlinePixels > 0 && Arrays.stream(rgb).noneMatch(c -> c == outline)) {
            out = Arrays.copyOf(out, out.length + 1);
            out[out.length - 1] = 0xFF000000 | outline;
        }
        return out;
    }

    private static CharacterFrames cut(List<CellImage> cells, Rectangle window, boolean extra) {
        int directions = Direction.values().length;
        BufferedImage[][] frames = new BufferedImage[directions][CharacterFrames.PATTERNS];
        for (int d = 0; d < directions; d++) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                frames[d][p] = cells.get(d * CharacterFrames.PATTERNS + p).crop(window);
            }
        }
        BufferedImage[] extras = null;
        if (extra) {
            extras = new BufferedImage[directions];
            for (int d = 0; d < directions; d++) {
                extras[d] = cells.get(directions * CharacterFrames.PATTERNS + d).crop(window);
            }
        }
        return new CharacterFrames(frames, extras);
    }
}
