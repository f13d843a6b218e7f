package io.charagen.generator.pixelart;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * One canvas cell as ARGB pixels, with a transparent border of {@code pad} pixels so that an
 * outline around a figure touching the cell edge still has room. Cell pixel (x, y) is stored at
 * (x + pad, y + pad). Transparent pixels are exactly 0.
 */
final class CellImage {

    static final int TRANSPARENT = 0;

    final int width;
    final int height;
    final int pad;
    final int[] argb;

    private CellImage(int width, int height, int pad) {
        this.width = width;
        this.height = height;
        this.pad = pad;
        this.argb = new int[width * height];
    }

    /** The cell's pixels; pixels with alpha below 128 in an ARGB canvas start transparent. */
    static CellImage cut(BufferedImage canvas, Rectangle cell, int pad) {
        CellImage c = new CellImage(cell.width + 2 * pad, cell.height + 2 * pad, pad);
        int[] row = new int[cell.width];
        boolean hasAlpha = canvas.getColorModel().hasAlpha();
        for (int y = 0; y < cell.height; y++) {
            canvas.getRGB(cell.x, cell.y + y, cell.width, 1, row, 0, cell.width);
            for (int x = 0; x < cell.width; x++) {
                int p = row[x];
                c.argb[(y + pad) * c.width + x + pad] = hasAlpha && (p >>> 24) < 128 ? TRANSPARENT : 0xFF000000 | p;
            }
        }
        return c;
    }

    boolean opaque(int index) {
        return argb[index] != TRANSPARENT;
    }

    /** Whether a 4-neighbour of (x, y) inside the cell is marked in {@code marks} (one flag per pixel). */
    boolean hasFourNeighbourIn(boolean[] marks, int x, int y) {
        return x > 0 && marks[y * width + x - 1] || x < width - 1 && marks[y * width + x + 1]
                || y > 0 && marks[(y - 1) * width + x] || y < height - 1 && marks[(y + 1) * width + x];
    }

    /** A copy of {@code r} (in padded coordinates) as a new ARGB image. */
    BufferedImage crop(Rectangle r) {
        BufferedImage out = new BufferedImage(r.width, r.height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, r.width, r.height, argb, r.y * width + r.x, width);
        return out;
    }

    static int distanceSquared(int a, int b) {
        int dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF);
        int dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF);
        int db = (a & 0xFF) - (b & 0xFF);
        return dr * dr + dg * dg + db * db;
    }
}
