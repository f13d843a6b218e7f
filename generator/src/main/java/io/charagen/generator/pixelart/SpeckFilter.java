package io.charagen.generator.pixelart;

import java.util.List;

/** Removes stray opaque blobs (8-connected) too small to be part of a figure, per cell. */
final class SpeckFilter {

    /** What was removed. */
    record Removed(int specks, int pixels) {
    }

    private SpeckFilter() {
    }

    static Removed apply(List<CellImage> cells, int minPixels) {
        int specks = 0;
        int pixels = 0;
        if (minPixels <= 1) {
            return new Removed(0, 0);
        }
        for (CellImage c : cells) {
            int[] component = new int[c.argb.length];
            boolean[] seen = new boolean[c.argb.length];
            for (int start = 0; start < c.argb.length; start++) {
                if (seen[start] || !c.opaque(start)) {
                    continue;
                }
                int size = collect(c, start, seen, component);
                if (size < minPixels) {
                    for (int k = 0; k < size; k++) {
                        c.argb[component[k]] = CellImage.TRANSPARENT;
                    }
                    specks++;
                    pixels += size;
                }
            }
        }
        return new Removed(specks, pixels);
    }

    /** Flood fill from {@code start}; the component's indices go into {@code out}, its size is returned. */
    private static int collect(CellImage c, int start, boolean[] seen, int[] out) {
        int size = 0;
        int read = 0;
        seen[start] = true;
        out[size++] = start;
        while (read < size) {
            int i = out[read++];
            int x = i % c.width;
            int y = i / c.width;
            for (int dy = -1; dy <= 1; dy++) {
                for (int dx = -1; dx <= 1; dx++) {
                    int nx = x + dx;
                    int ny = y + dy;
                    if (nx < 0 || ny < 0 || nx >= c.width || ny >= c.height) {
                        continue;
                    }
                    int j = ny * c.width + nx;
                    if (!seen[j] && c.opaque(j)) {
                        seen[j] = true;
                        out[size++] = j;
                    }
                }
            }
        }
        return size;
    }
}
