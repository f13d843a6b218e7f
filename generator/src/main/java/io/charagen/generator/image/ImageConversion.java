package io.charagen.generator.image;

import java.awt.image.BufferedImage;

/**
 * Network output to pixels the way the reference scripts do it: v * 127.5 + 128, clamped to
 * [0, 255] and truncated to 8 bits, so [-1, 1] maps onto the full range.
 */
public final class ImageConversion {

    private ImageConversion() {
    }

    /** One image of a [N, C, H, W] float array (C = 1, 3 or 4) as a BufferedImage. */
    public static BufferedImage toImage(float[] nchw, long[] shape, int index) {
        int c = (int) shape[1];
        int h = (int) shape[2];
        int w = (int) shape[3];
        if (c != 1 && c != 3 && c != 4) {
            throw new IllegalArgumentException("cannot show an image of " + c + " channels as pixels");
        }
        BufferedImage image = new BufferedImage(w, h, c == 4 ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int plane = h * w;
        int base = index * c * plane;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int p = y * w + x;
                int r = toByte(nchw[base + p]);
                int g = c == 1 ? r : toByte(nchw[base + plane + p]);
                int b = c == 1 ? r : toByte(nchw[base + 2 * plane + p]);
                int a = c == 4 ? toByte(nchw[base + 3 * plane + p]) : 255;
                image.setRGB(x, y, (a << 24) | (r << 16) | (g << 8) | b);
            }
        }
        return image;
    }

    /** v * 127.5 + 128 in float32, clamped to [0, 255], truncated toward zero. */
    public static int toByte(float v) {
        float scaled = v * 127.5f + 128f;
        if (!(scaled > 0f)) {
            return 0; // also NaN
        }
        return scaled >= 255f ? 255 : (int) scaled;
    }

    /** Images laid out left to right, top to bottom, {@code columns} per row. */
    public static BufferedImage grid(float[] nchw, long[] shape, int columns) {
        int n = (int) shape[0];
        int h = (int) shape[2];
        int w = (int) shape[3];
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        BufferedImage first = toImage(nchw, shape, 0);
        BufferedImage grid = new BufferedImage(cols * w, rows * h, first.getType());
        for (int i = 0; i < n; i++) {
            BufferedImage tile = i == 0 ? first : toImage(nchw, shape, i);
            grid.createGraphics().drawImage(tile, (i % cols) * w, (i / cols) * h, null);
        }
        return grid;
    }
}
