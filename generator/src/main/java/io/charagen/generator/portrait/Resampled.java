package io.charagen.generator.portrait;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Arrays;

/** A box of a figure scaled to a square image: bilinear on premultiplied alpha, over a flat background. */
final class Resampled {

    final BufferedImage image;
    final float[] mask;

    private Resampled(BufferedImage image, float[] mask) {
        this.image = image;
        this.mask = mask;
    }

    /** Pixels outside the frame count as transparent; the mask is 1 where the scaled alpha is at least 1/2. */
    static Resampled of(Figure f, Rectangle box, int size, int backgroundRgb) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        float[] mask = new float[size * size];
        double scaleX = (double) box.width / size;
        double scaleY = (double) box.height / size;
        double[] acc = new double[4];
        int bgR = backgroundRgb >> 16 & 0xFF;
        int bgG = backgroundRgb >> 8 & 0xFF;
        int bgB = backgroundRgb & 0xFF;
        for (int v = 0; v < size; v++) {
            // pixel centres line up: output centre v + 1/2 maps to box.y + (v + 1/2) * scale
            double sy = box.y + (v + 0.5) * scaleY - 0.5;
            int y0 = (int) Math.floor(sy);
            double fy = sy - y0;
            for (int u = 0; u < size; u++) {
                double sx = box.x + (u + 0.5) * scaleX - 0.5;
                int x0 = (int) Math.floor(sx);
                double fx = sx - x0;
                Arrays.fill(acc, 0);
                add(f, x0, y0, (1 - fx) * (1 - fy), acc);
                add(f, x0 + 1, y0, fx * (1 - fy), acc);
                add(f, x0, y0 + 1, (1 - fx) * fy, acc);
                add(f, x0 + 1, y0 + 1, fx * fy, acc);
                double a = acc[3];
                int r = channel(acc[0] + (1 - a) * bgR);
                int g = channel(acc[1] + (1 - a) * bgG);
                int b = channel(acc[2] + (1 - a) * bgB);
                image.setRGB(u, v, r << 16 | g << 8 | b);
                mask[v * size + u] = a >= 0.5 ? 1f : 0f;
            }
        }
        return new Resampled(image, mask);
    }

    /** Adds weight * (premultiplied r, g, b, alpha) of pixel (x, y); nothing outside the frame. */
    private static void add(Figure f, int x, int y, double weight, double[] acc) {
        if (weight == 0 || x < 0 || y < 0 || x >= f.width || y >= f.height) {
            return;
        }
        int i = y * f.width + x;
        if (!f.opaque[i]) {
            return;
        }
        int p = f.argb[i];
        acc[0] += weight * (p >> 16 & 0xFF);
        acc[1] += weight * (p >> 8 & 0xFF);
        acc[2] += weight * (p & 0xFF);
        acc[3] += weight;
    }

    private static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
