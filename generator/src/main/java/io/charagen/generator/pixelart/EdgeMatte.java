package io.charagen.generator.pixelart;

import java.util.List;

/**
 * Takes the background's halo off the figure's rim once the background is keyed out. A network
 * draws a figure's edge as blends of the figure and the flat background, and keying leaves the
 * blends that are far enough from the background as a halo in its colour. A rim pixel P (opaque,
 * with a transparent 4-neighbour) is tested against each opaque 8-neighbour Q off the rim: if P
 * lies near the line from the background B through Q (within {@link #MAX_RESIDUAL}), it is read as
 * a blend P = a Q + (1 - a) B (matting against a known backing, Smith and Blinn 1996, "Blue Screen
 * Matting"), with a fitted by least squares. When the best-fitting Q gives a below one half, P is
 * mostly background and becomes transparent. A rim that is no such blend (a dark outline beside a
 * light fill lies far from that line) is kept: composed LPC sheets lose no pixel.
 * Every decision reads the keyed cell as it was before this step.
 *
 * <p>The training toolkit's scorer makes the same decision
 * ({@code training/charagen_train/evaluate/cleanup.py}), so held-out figures match what users get.
 */
final class EdgeMatte {

    /** Share of figure below which a rim pixel counts as background. */
    static final double MIN_FIGURE_SHARE = 0.5;
    /** RGB distance from the blend line within which a rim pixel counts as a blend. */
    static final double MAX_RESIDUAL = 32;

    private EdgeMatte() {
    }

    /** Makes the rim pixels that are mostly background transparent; returns how many. */
    static int apply(List<CellImage> cells, int background) {
        int removed = 0;
        double[] b = rgb(background);
        for (CellImage c : cells) {
            int[] before = c.argb.clone();
            boolean[] rim = rim(c, before);
            for (int i = 0; i < before.length; i++) {
                if (rim[i] && mostlyBackground(c, before, rim, i, b)) {
                    c.argb[i] = CellImage.TRANSPARENT;
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Whether rim pixel i is best read as a blend with less than half of an off-rim neighbour's colour. */
    private static boolean mostlyBackground(CellImage c, int[] argb, boolean[] rim, int i, double[] b) {
        double[] p = rgb(argb[i]);
        double pr = p[0] - b[0];
        double pg = p[1] - b[1];
        double pb = p[2] - b[2];
        int x = i % c.width;
        int y = i / c.width;
        double bestResidual = MAX_RESIDUAL * MAX_RESIDUAL;
        double bestShare = Double.NaN;
        for (int ny = Math.max(0, y - 1); ny <= Math.min(c.height - 1, y + 1); ny++) {
            for (int nx = Math.max(0, x - 1); nx <= Math.min(c.width - 1, x + 1); nx++) {
                int j = ny * c.width + nx;
                if (j == i || argb[j] == CellImage.TRANSPARENT || rim[j]) {
                    continue;
                }
                double[] q = rgb(argb[j]);
                double dr = q[0] - b[0];
                double dg = q[1] - b[1];
                double db = q[2] - b[2];
                double norm = dr * dr + dg * dg + db * db;
                if (norm < 1) {
                    continue;
                }
                double a = (pr * dr + pg * dg + pb * db) / norm;
                double er = pr - a * dr;
                double eg = pg - a * dg;
                double eb = pb - a * db;
                double residual = er * er + eg * eg + eb * eb;
                if (residual <= bestResidual) {
                    bestResidual = residual;
                    bestShare = a;
                }
            }
        }
        return bestShare < MIN_FIGURE_SHARE;
    }

    /** Opaque pixels with a transparent 4-neighbour inside the cell. */
    private static boolean[] rim(CellImage c, int[] argb) {
        boolean[] transparent = new boolean[argb.length];
        for (int i = 0; i < argb.length; i++) {
            transparent[i] = argb[i] == CellImage.TRANSPARENT;
        }
        boolean[] rim = new boolean[argb.length];
        for (int y = 0; y < c.height; y++) {
            for (int x = 0; x < c.width; x++) {
                int i = y * c.width + x;
                rim[i] = !transparent[i] && c.hasFourNeighbourIn(transparent, x, y);
            }
        }
        return rim;
    }

    private static double[] rgb(int argb) {
        return new double[] {argb >> 16 & 0xFF, argb >> 8 & 0xFF, argb & 0xFF};
    }
}
