package io.charagen.generator.pixelart;

import java.awt.Rectangle;
import java.util.List;

/**
 * Where the frames are cut so that no figure is clipped: the layout's window, moved by the
 * least offset (the same for every cell, so frames stay aligned) that brings the union of all
 * figures inside it, and grown to that union's size where the window is too small.
 *
 * @param window   the frame in padded cell coordinates (see {@link CellImage})
 * @param offsetX  how far the window moved right from the layout's window, in pixels
 * @param offsetY  how far it moved down
 * @param grown    whether the frame is larger than the layout's window
 */
record FramePlacement(Rectangle window, int offsetX, int offsetY, boolean grown) {

    static FramePlacement fit(List<CellImage> cells, Rectangle layoutWindow) {
        int pad = cells.get(0).pad;
        Rectangle start = new Rectangle(layoutWindow.x + pad, layoutWindow.y + pad, layoutWindow.width, layoutWindow.height);
        Rectangle figures = union(cells);
        if (figures == null) {
            return new FramePlacement(start, 0, 0, false);
        }
        int[] x = fit(start.x, start.width, figures.x, figures.x + figures.width);
        int[] y = fit(start.y, start.height, figures.y, figures.y + figures.height);
        Rectangle window = new Rectangle(x[0], y[0], x[1], y[1]);
        return new FramePlacement(window, window.x - start.x, window.y - start.y,
                window.width != start.width || window.height != start.height);
    }

    /** {start, size} along one axis: the least move (and growth) that covers [lo, hi). */
    private static int[] fit(int start, int size, int lo, int hi) {
        int grownSize = Math.max(size, hi - lo);
        if (lo < start) {
            start = lo;
        } else if (hi > start + grownSize) {
            start = hi - grownSize;
        }
        return new int[]{start, grownSize};
    }

    /** Bounding box of the opaque pixels of all cells (padded coordinates), or null when all are empty. */
    private static Rectangle union(List<CellImage> cells) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (CellImage c : cells) {
            for (int i = 0; i < c.argb.length; i++) {
                if (c.opaque(i)) {
                    int x = i % c.width;
                    int y = i / c.width;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }
}
