package io.charagen.generator.pixelart;

import java.util.List;

/** Finds the flat background behind the figures and makes it transparent. */
final class BackgroundKey {

    /** Colours are counted in buckets of 8 levels per channel, so that near-equal colours count together. */
    private static final int SHIFT = 3;
    private static final int LEVELS = 256 >> SHIFT;

    private BackgroundKey() {
    }

    /**
     * The most common colour on the one-pixel border of the cells (where figures should not
     * reach): the 32 x 32 x 32 bucket with the most border pixels in it and its 26 neighbours
     * (so noise straddling a bucket edge still counts together), then the mean of the pixels
     * in that neighbourhood. Null when no border pixel is opaque.
     */
    static Integer estimate(List<CellImage> cells) {
        int[] counts = new int[LEVELS * LEVELS * LEVELS];
        boolean any = false;
        for (CellImage c : cells) {
            for (int i : borderIndices(c)) {
                if (c.opaque(i)) {
                    counts[bucket(c.argb[i])]++;
                    any = true;
                }
            }
        }
        if (!any) {
            return null;
        }
        int best = -1;
        long bestCount = -1;
        for (int b = 0; b < counts.length; b++) {
            if (counts[b] == 0) {
                continue;
            }
            long n = neighbourhood(counts, b);
            if (n > bestCount) {
                best = b;
                bestCount = n;
            }
        }
        long r = 0;
        long g = 0;
        long bl = 0;
        long n = 0;
        for (CellImage c : cells) {
            for (int i : borderIndices(c)) {
                if (c.opaque(i) && near(bucket(c.argb[i]), best)) {
                    int p = c.argb[i];
                    r += p >> 16 & 0xFF;
                    g += p >> 8 & 0xFF;
                    bl += p & 0xFF;
                    n++;
                }
            }
        }
        return (int) ((r + n / 2) / n) << 16 | (int) ((g + n / 2) / n) << 8 | (int) ((bl + n / 2) / n);
    }

    /** Makes every pixel within {@code tolerance} of {@code rgb} transparent; returns how many. */
    static int apply(List<CellImage> cells, int rgb, int tolerance) {
        int limit = tolerance * tolerance;
        int keyed = 0;
        for (CellImage c : cells) {
            for (int i = 0; i < c.argb.length; i++) {
                if (c.opaque(i) && CellImage.distanceSquared(c.argb[i], rgb) <= limit) {
                    c.argb[i] = CellImage.TRANSPARENT;
                    keyed++;
                }
            }
        }
        return keyed;
    }

    /** Indices of the ring of cell pixels just inside the padding. */
    private static int[] borderIndices(CellImage c) {
        int p = c.pad;
        int x0 = p;
        int y0 = p;
        int x1 = c.width - p - 1;
        int y1 = c.height - p - 1;
        int w = x1 - x0 + 1;
        int h = y1 - y0 + 1;
        int n = h == 1 || w == 1 ? w * h : 2 * w + 2 * (h - 2);
        int[] out = new int[n];
        int k = 0;
        for (int x = x0; x <= x1; x++) {
            out[k++] = y0 * c.width + x;
            if (y1 != y0) {
                out[k++] = y1 * c.width + x;
            }
        }
        for (int y = y0 + 1; y < y1; y++) {
            out[k++] = y * c.width + x0;
            if (x1 != x0) {
                out[k++] = y * c.width + x1;
            }
        }
        return out;
    }

    private static int bucket(int rgb) {
        return ((rgb >> 16 & 0xFF) >> SHIFT) * LEVELS * LEVELS + ((rgb >> 8 & 0xFF) >> SHIFT) * LEVELS
                + ((rgb & 0xFF) >> SHIFT);
    }

    private static long neighbourhood(int[] counts, int b) {
        int r = b / (LEVELS * LEVELS);
        int g = b / LEVELS % LEVELS;
        int bl = b % LEVELS;
        long n = 0;
        for (int i = Math.max(0, r - 1); i <= Math.min(LEVELS - 1, r + 1); i++) {
            for (int j = Math.max(0, g - 1); j <= Math.min(LEVELS - 1, g + 1); j++) {
                for (int k = Math.max(0, bl - 1); k <= Math.min(LEVELS - 1, bl + 1); k++) {
                    n += counts[(i * LEVELS + j) * LEVELS + k];
                }
            }
        }
        return n;
    }

    private static boolean near(int a, int b) {
        return Math.abs(a / (LEVELS * LEVELS) - b / (LEVELS * LEVELS)) <= 1
                && Math.abs(a / LEVELS % LEVELS - b / LEVELS % LEVELS) <= 1
                && Math.abs(a % LEVELS - b % LEVELS) <= 1;
    }
}
