package io.charagen.generator.portrait;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/** A frame's figure: its opaque pixels (alpha at least 128), their rows' widths and colours. */
final class Figure {

    final int width;
    final int height;
    final int[] argb;
    final boolean[] opaque;
    /** Bounding box of the opaque pixels, or null when there are none. */
    final Rectangle bounds;
    private final int[] rowWidth;

    private Figure(BufferedImage frame) {
        width = frame.getWidth();
        height = frame.getHeight();
        argb = frame.getRGB(0, 0, width, height, null, 0, width);
        opaque = new boolean[argb.length];
        rowWidth = new int[height];
        boolean alpha = frame.getColorModel().hasAlpha();
        int x0 = width;
        int y0 = height;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                opaque[i] = !alpha || (argb[i] >>> 24) >= 128;
                if (opaque[i]) {
                    rowWidth[y]++;
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        bounds = x1 < 0 ? null : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    static Figure of(BufferedImage frame) {
        return new Figure(frame);
    }

    /** Opaque pixels in row {@code y}. */
    int width(int y) {
        return rowWidth[y];
    }

    /** The largest row width over rows y0..y1 inclusive (0 when the range is empty). */
    int maxWidth(int y0, int y1) {
        int max = 0;
        for (int y = Math.max(0, y0); y <= Math.min(height - 1, y1); y++) {
            max = Math.max(max, rowWidth[y]);
        }
        return max;
    }

    /** Bounding box of the opaque pixels in rows [y0, y1), or the figure's columns over those rows if none. */
    Rectangle boundsOfRows(int y0, int y1) {
        int x0 = width;
        int x1 = -1;
        for (int y = y0; y < y1; y++) {
            for (int x = 0; x < width; x++) {
                if (opaque[y * width + x]) {
                    x0 = Math.min(x0, x);
                    x1 = Math.max(x1, x);
                }
            }
        }
        return x1 < 0 ? new Rectangle(bounds.x, y0, bounds.width, y1 - y0) : new Rectangle(x0, y0, x1 - x0 + 1, y1 - y0);
    }

    /**
     * The row in [from, to] (not above a quarter of the figure, where hairlines and eyes are)
     * whose mean colour over the middle columns differs most from the row above, or -1 when no
     * step reaches {@link HeadCrop#COLOUR_STEP}. The middle columns are the centre half of the
     * figure's top part, so hair hanging at the sides does not count.
     */
    int strongestColourStep(int from, int to) {
        int top = bounds.y;
        from = Math.max(from, top + (int) Math.round(0.25 * bounds.height));
        Rectangle upper = boundsOfRows(top, Math.max(top + 1, from));
        int half = Math.max(1, upper.width / 4);
        int centre = upper.x + upper.width / 2;
        int c0 = Math.max(0, centre - half);
        int c1 = Math.min(width - 1, centre + half);
        double[] previous = null;
        int best = -1;
        double bestStep = HeadCrop.COLOUR_STEP;
        for (int y = from - 1; y <= to; y++) {
            double[] mean = meanColour(y, c0, c1);
            if (mean != null && previous != null && y >= from) {
                double step = Math.sqrt(sq(mean[0] - previous[0]) + sq(mean[1] - previous[1]) + sq(mean[2] - previous[2]));
                if (step >= bestStep + 1e-9 || best < 0 && step >= bestStep) {
                    best = y;
                    bestStep = step;
                }
            }
            if (mean != null) {
                previous = mean;
            }
        }
        return best;
    }

    private double[] meanColour(int y, int c0, int c1) {
        double r = 0;
        double g = 0;
        double b = 0;
        int n = 0;
        for (int x = c0; x <= c1; x++) {
            int i = y * width + x;
            if (opaque[i]) {
                r += argb[i] >> 16 & 0xFF;
                g += argb[i] >> 8 & 0xFF;
                b += argb[i] & 0xFF;
                n++;
            }
        }
        return n == 0 ? null : new double[]{r / n, g / n, b / n};
    }

    private static double sq(double v) {
        return v * v;
    }
}
