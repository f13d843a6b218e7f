package io.charagen.generator.pixelart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Picks at most k colours for a set of weighted RGB colours: Heckbert's median cut (split the
 * box of colours with the widest channel range at the weighted median of that channel until
 * there are k boxes), then a few weighted k-means (Lloyd) rounds starting from the box means.
 * Everything is ordered and tie-broken explicitly, so the same input gives the same palette.
 * When there are k distinct colours or fewer, the palette is exactly those colours.
 */
public final class MedianCut {

    private static final int REFINE_ROUNDS = 8;

    private MedianCut() {
    }

    /**
     * @param colours distinct 0xRRGGBB colours, sorted ascending
     * @param weights how many pixels have each colour
     * @return at most k distinct 0xRRGGBB colours, most used first
     */
    public static int[] palette(int[] colours, int[] weights, int k) {
        if (colours.length == 0) {
            return new int[0];
        }
        Integer[] order = new Integer[colours.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        List<int[]> boxes = new ArrayList<>(); // [from, to) ranges of `order`
        boxes.add(new int[]{0, order.length});
        while (boxes.size() < k) {
            int pick = -1;
            int pickRange = 0;
            int pickChannel = 0;
            for (int b = 0; b < boxes.size(); b++) {
                int[] box = boxes.get(b);
                for (int ch = 0; ch < 3; ch++) {
                    int range = range(colours, order, box, ch);
                    if (range > pickRange) {
                        pick = b;
                        pickRange = range;
                        pickChannel = ch;
                    }
                }
            }
            if (pick < 0) {
                break; // every box holds a single colour
            }
            int[] box = boxes.get(pick);
            int shift = 16 - 8 * pickChannel;
            Arrays.sort(order, box[0], box[1], (a, b) -> {
                int c = Integer.compare(colours[a] >> shift & 0xFF, colours[b] >> shift & 0xFF);
                return c != 0 ? c : Integer.compare(colours[a], colours[b]);
            });
            int cut = weightedMedianCut(weights, order, box);
            boxes.set(pick, new int[]{box[0], cut});
            boxes.add(new int[]{cut, box[1]});
        }
        int[] centres = new int[boxes.size()];
        int[] assignment = new int[colours.length];
        for (int b = 0; b < boxes.size(); b++) {
            for (int i = boxes.get(b)[0]; i < boxes.get(b)[1]; i++) {
                assignment[order[i]] = b;
            }
        }
        centres = means(colours, weights, assignment, centres);
        for (int round = 0; round < REFINE_ROUNDS; round++) {
            boolean changed = false;
            for (int i = 0; i < colours.length; i++) {
                int nearest = nearest(centres, colours[i]);
                changed |= nearest != assignment[i];
                assignment[i] = nearest;
            }
            if (!changed && round > 0) {
                break;
            }
            centres = means(colours, weights, assignment, centres);
        }
        return byUse(colours, weights, centres);
    }

    /** Index of the colour in {@code palette} nearest to {@code rgb} (the first on ties). */
    public static int nearest(int[] palette, int rgb) {
        int best = 0;
        int bestDistance = Integer.MAX_VALUE;
        for (int j = 0; j < palette.length; j++) {
            int d = CellImage.distanceSquared(palette[j], rgb);
            if (d < bestDistance) {
                best = j;
                bestDistance = d;
            }
        }
        return best;
    }

    private static int range(int[] colours, Integer[] order, int[] box, int channel) {
        int shift = 16 - 8 * channel;
        int lo = 255;
        int hi = 0;
        for (int i = box[0]; i < box[1]; i++) {
            int v = colours[order[i]] >> shift & 0xFF;
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /** First index of the upper half: where the running weight reaches half, keeping both halves non-empty. */
    private static int weightedMedianCut(int[] weights, Integer[] order, int[] box) {
        long total = 0;
        for (int i = box[0]; i < box[1]; i++) {
            total += weights[order[i]];
        }
        long running = 0;
        for (int i = box[0]; i < box[1] - 1; i++) {
            running += weights[order[i]];
            if (2 * running >= total) {
                return i + 1;
            }
        }
        return box[1] - 1;
    }

    /** Weighted mean colour of each cluster; a cluster left empty keeps its old centre. */
    private static int[] means(int[] colours, int[] weights, int[] assignment, int[] old) {
        long[][] sums = new long[old.length][4];
        for (int i = 0; i < colours.length; i++) {
            long[] s = sums[assignment[i]];
            long w = weights[i];
            s[0] += (colours[i] >> 16 & 0xFF) * w;
            s[1] += (colours[i] >> 8 & 0xFF) * w;
            s[2] += (colours[i] & 0xFF) * w;
            s[3] += w;
        }
        int[] out = new int[old.length];
        for (int c = 0; c < old.length; c++) {
            long[] s = sums[c];
            out[c] = s[3] == 0 ? old[c] : (int) ((s[0] + s[3] / 2) / s[3]) << 16
                    | (int) ((s[1] + s[3] / 2) / s[3]) << 8 | (int) ((s[2] + s[3] / 2) / s[3]);
        }
        return out;
    }

    /** The distinct centres that some colour maps to, most pixels first (ties: smaller colour first). */
    private static int[] byUse(int[] colours, int[] weights, int[] centres) {
        long[] use = new long[centres.length];
        for (int i = 0; i < colours.length; i++) {
            use[nearest(centres, colours[i])] += weights[i];
        }
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < centres.length; c++) {
            if (use[c] > 0) {
                kept.add(c);
            }
        }
        kept.sort((a, b) -> use[a] != use[b] ? Long.compare(use[b], use[a]) : Integer.compare(centres[a], centres[b]));
        return kept.stream().mapToInt(c -> centres[c]).toArray();
    }
}
