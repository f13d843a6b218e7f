package io.charagen.generator.rpgmaker;

import io.charagen.generator.pixelart.MedianCut;

import java.awt.image.IndexColorModel;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GIF colour table for a set of pixels: index 0 is transparent, the opaque colours follow in
 * ascending RGB order. A pixel counts as opaque when its alpha is at least 128. With more than 255
 * opaque colours the set is reduced by the clean-up's quantiser ({@link MedianCut}, weighted by how
 * often each colour occurs), which depends only on the pixels, so the same frames always give the
 * same file.
 */
final class GifPalette {

    /** Opaque entries a GIF table has room for beside the transparent one. */
    static final int MAX_OPAQUE = 255;

    private final Map<Integer, Integer> indexOfRgb;
    private final IndexColorModel colorModel;

    private GifPalette(Map<Integer, Integer> indexOfRgb, int[] rgbOfIndex) {
        this.indexOfRgb = indexOfRgb;
        int bits = 1;
        while ((1 << bits) < rgbOfIndex.length) {
            bits++;
        }
        int size = 1 << bits; // GIF tables come in powers of two
        byte[] r = new byte[size];
        byte[] g = new byte[size];
        byte[] b = new byte[size];
        for (int i = 0; i < rgbOfIndex.length; i++) {
            r[i] = (byte) (rgbOfIndex[i] >> 16);
            g[i] = (byte) (rgbOfIndex[i] >> 8);
            b[i] = (byte) rgbOfIndex[i];
        }
        this.colorModel = new IndexColorModel(bits, size, r, g, b, 0);
    }

    static boolean opaque(int argb) {
        return (argb >>> 24) >= 128;
    }

    /** The palette for the given ARGB pixel arrays. */
    static GifPalette of(List<int[]> pixelArrays) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int[] pixels : pixelArrays) {
            for (int p : pixels) {
                if (opaque(p)) {
                    counts.merge(p & 0xffffff, 1, Integer::sum);
                }
            }
        }
        int[] colours = counts.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        Map<Integer, Integer> indexOfRgb = new HashMap<>();
        if (colours.length <= MAX_OPAQUE) {
            int[] table = new int[colours.length + 1];
            for (int i = 0; i < colours.length; i++) {
                table[i + 1] = colours[i];
                indexOfRgb.put(colours[i], i + 1);
            }
            return new GifPalette(indexOfRgb, table);
        }
        int[] weights = Arrays.stream(colours).map(counts::get).toArray();
        int[] reduced = MedianCut.palette(colours, weights, MAX_OPAQUE);
        int[] table = new int[reduced.length + 1];
        System.arraycopy(reduced, 0, table, 1, reduced.length);
        for (int rgb : colours) {
            indexOfRgb.put(rgb, MedianCut.nearest(reduced, rgb) + 1);
        }
        return new GifPalette(indexOfRgb, table);
    }

    /** The table index for an ARGB pixel: 0 for a transparent one. */
    int indexOf(int argb) {
        return opaque(argb) ? indexOfRgb.get(argb & 0xffffff) : 0;
    }

    IndexColorModel colorModel() {
        return colorModel;
    }
}
