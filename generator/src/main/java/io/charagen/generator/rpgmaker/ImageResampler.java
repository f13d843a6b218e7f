package io.charagen.generator.rpgmaker;

import java.awt.image.BufferedImage;

/**
 * Resizes ARGB images with filters that suit each direction: exact area averaging when an axis
 * shrinks (each output pixel is the coverage-weighted mean of the source pixels under it, so no
 * detail aliases), and the Catmull-Rom cubic (Keys, a = -0.5) when it grows, which is smooth and
 * keeps edges sharper than bilinear. The two axes are filtered one after the other. Colours are
 * filtered premultiplied by alpha, so transparent pixels do not bleed their (meaningless) colour
 * into the figure's edge.
 */
final class ImageResampler {

    private ImageResampler() {
    }

    /** {@code source} resized to {@code width} x {@code height}, as a new ARGB image. */
    static BufferedImage resize(BufferedImage source, int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("target size must be positive, got " + width + "x" + height);
        }
        int sw = source.getWidth();
        int sh = source.getHeight();
        int[] argb = source.getRGB(0, 0, sw, sh, null, 0, sw);
        // [channel][y * sw + x]: alpha, then red, green, blue premultiplied, all in 0..1
        double[][] planes = new double[4][sw * sh];
        for (int i = 0; i < argb.length; i++) {
            double a = (argb[i] >>> 24) / 255.0;
            planes[0][i] = a;
            planes[1][i] = ((argb[i] >> 16) & 0xff) / 255.0 * a;
            planes[2][i] = ((argb[i] >> 8) & 0xff) / 255.0 * a;
            planes[3][i] = (argb[i] & 0xff) / 255.0 * a;
        }
        Taps across = Taps.of(sw, width);
        Taps down = Taps.of(sh, height);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        double[][] rows = new double[4][sh * width]; // after the horizontal pass: [y * width + x]
        for (int c = 0; c < 4; c++) {
            for (int y = 0; y < sh; y++) {
                for (int x = 0; x < width; x++) {
                    rows[c][y * width + x] = across.apply(planes[c], y * sw, 1, x);
                }
            }
        }
        int[] result = new int[width * height];
        double[] px = new double[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int c = 0; c < 4; c++) {
                    px[c] = down.apply(rows[c], x, width, y);
                }
                result[y * width + x] = unpremultiply(px);
            }
        }
        out.setRGB(0, 0, width, height, result, 0, width);
        return out;
    }

    private static int unpremultiply(double[] px) {
        double a = Math.min(1, Math.max(0, px[0])); // the cubic can overshoot
        int alpha = (int) Math.round(a * 255);
        if (alpha == 0) {
            return 0;
        }
        int rgb = 0;
        for (int c = 1; c < 4; c++) {
            double v = Math.min(a, Math.max(0, px[c])) / a;
            rgb = (rgb << 8) | (int) Math.round(v * 255);
        }
        return (alpha << 24) | rgb;
    }

    /** For each output index along one axis, the source indices and weights that make it. */
    private record Taps(int[][] index, double[][] weight) {

        static Taps of(int in, int out) {
            int[][] index = new int[out][];
            double[][] weight = new double[out][];
            for (int i = 0; i < out; i++) {
                if (out == in) {
                    index[i] = new int[] {i};
                    weight[i] = new double[] {1};
                } else if (out < in) {
                    area(in, out, i, index, weight);
                } else {
                    cubic(in, out, i, index, weight);
                }
            }
            return new Taps(index, weight);
        }

        private static void area(int in, int out, int i, int[][] index, double[][] weight) {
            double scale = (double) in / out; // source pixels per output pixel
            double lo = i * scale;
            double hi = (i + 1) * scale;
            int first = (int) Math.floor(lo);
            int last = Math.min(in - 1, (int) Math.ceil(hi) - 1);
            index[i] = new int[last - first + 1];
            weight[i] = new double[last - first + 1];
            for (int j = first; j <= last; j++) {
                index[i][j - first] = j;
                weight[i][j - first] = (Math.min(hi, j + 1) - Math.max(lo, j)) / scale;
            }
        }

        private static void cubic(int in, int out, int i, int[][] index, double[][] weight) {
            double x = (i + 0.5) * in / out - 0.5; // output pixel centre in source coordinates
            int base = (int) Math.floor(x);
            index[i] = new int[4];
            weight[i] = new double[4];
            double sum = 0;
            for (int k = 0; k < 4; k++) {
                int j = base - 1 + k;
                index[i][k] = Math.min(in - 1, Math.max(0, j)); // edge pixels repeat
                weight[i][k] = catmullRom(Math.abs(x - j));
                sum += weight[i][k];
            }
            for (int k = 0; k < 4; k++) {
                weight[i][k] /= sum;
            }
        }

        private static double catmullRom(double t) {
            if (t < 1) {
                return 1.5 * t * t * t - 2.5 * t * t + 1;
            }
            if (t < 2) {
                return -0.5 * t * t * t + 2.5 * t * t - 4 * t + 2;
            }
            return 0;
        }

        /** The filtered value of output {@code i} from {@code data[offset + j * stride]}. */
        double apply(double[] data, int offset, int stride, int i) {
            double v = 0;
            int[] ix = index[i];
            double[] wt = weight[i];
            for (int k = 0; k < ix.length; k++) {
                v += wt[k] * data[offset + ix[k] * stride];
            }
            return v;
        }
    }
}
