package io.charagen.generator.rpgmaker;

import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A GIF colour table for a set of pixels: index 0 is transparent, the opaque colours follow in
 * ascending RGB order. A pixel counts as opaque when its alpha is at least 128. With more than 255
 * opaque colours the set is reduced by median cut (weighted by how often each colour occurs), which
 * depends only on the pixels, so the same frames always give the same file.
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
        List<int[]> boxes = medianCut(colours, counts);
        int[] table = new int[boxes.size() + 1];
        for (int k = 0; k < boxes.size(); k++) {
            long[] sum = new long[3];
            long n = 0;
            for (int rgb : boxes.get(k)) {
                int c = counts.get(rgb);
                for (int ch = 0; ch < 3; ch++) {
                    sum[ch] += (long) channel(rgb, ch) * c;
                }
                n += c;
                indexOfRgb.put(rgb, k + 1);
            }
            int mean = 0;
            for (int ch = 0; ch < 3; ch++) {
                mean = (mean << 8) | (int) Math.round((double) sum[ch] / n);
            }
            table[k + 1] = mean;
        }
        return new GifPalette(indexOfRgb, table);
    }

    /** Splits the colours into at most 255 boxes, always cutting the box with the widest channel. */
    private static List<int[]> medianCut(int[] colours, Map<Integer, Integer> counts) {
        List<int[]> boxes = new ArrayList<>();
        boxes.add(colours);
        while (boxes.size() < MAX_OPAQUE) {
            int widest = -1;
            int widestChannel = 0;
            int widestRange = 0;
            for (int k = 0; k < boxes.size(); k++) {
                for (int ch = 0; ch < 3; ch++) {
                    int range = range(boxes.get(k), ch);
                    if (range > widestRange) {
                        widest = k;
                        widestChannel = ch;
                        widestRange = range;
                    }
                }
            }
            if (widest < 0) {
                break; // every box holds a single colour
            }
            int[] box = sortedBy(boxes.get(widest), widestChannel);
            long total = 0;
            for (int rgb : box) {
                total += counts.get(rgb);
            }
            int cut = 1;
            long below = counts.get(box[0]);
            while (cut < box.length - 1 && below * 2 < total) {
                below += counts.get(box[cut++]);
            }
            boxes.set(widest, Arrays.copyOfRange(box, 0, cut));
            boxes.add(widest + 1, Arrays.copyOfRange(box, cut, box.length));
        }
        return boxes;
    }

    private static int[] sortedBy(int[] box, int ch) {
        long[] keys = new long[box.length];
        for (int i = 0; i < box.length; i++) {
            keys[i] = ((long) channel(box[i], ch) << 24) | box[i];
        }
        Arrays.sort(keys);
        int[] out = new int[box.length];
        for (int i = 0; i < box.length; i++) {
            out[i] = (int) (keys[i] & 0xffffff);
        }
        return out;
    }

    private static int range(int[] box, int ch) {
        int lo = 255;
        int hi = 0;
        for (int rgb : box) {
            lo = Math.min(lo, channel(rgb, ch));
            hi = Math.max(hi, channel(rgb, ch));
        }
        return hi - lo;
    }

    private static int channel(int rgb, int ch) {
        return (rgb >> (16 - 8 * ch)) & 0xff;
    }

    /** The table index for an ARGB pixel: 0 for a transparent one. */
    int indexOf(int argb) {
        return opaque(argb) ? indexOfRgb.get(argb & 0xffffff) : 0;
    }

    IndexColorModel colorModel() {
        return colorModel;
    }
}
