package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Pixmap;

import java.util.Random;

/**
 * Paints the demo's 48 x 48 tiles pixel by pixel, so no image files ship with it. Pixmap y runs
 * down: row 0 is the top of the tile as it appears on screen. A side "joined" to its neighbour
 * (bit {@link #NORTH}, {@link #EAST}, {@link #SOUTH}, {@link #WEST}) runs on into the next tile of
 * the same terrain; an open side gets a grassy bank.
 */
final class TilePainter {

    static final int NORTH = 1;
    static final int EAST = 2;
    static final int SOUTH = 4;
    static final int WEST = 8;

    private static final int S = TileMap.TILE;

    private static final Color GRASS = rgb(0x6aab4a);
    private static final Color GRASS_DARK = rgb(0x5a983f);
    private static final Color GRASS_LIGHT = rgb(0x82c05c);
    private static final Color PATH = rgb(0xd4b47c);
    private static final Color PATH_DARK = rgb(0xbb9760);
    private static final Color PATH_LIGHT = rgb(0xe6d0a0);
    private static final Color PATH_EDGE = rgb(0xa3814f);
    private static final Color WATER = rgb(0x3f88cc);
    private static final Color WATER_DEEP = rgb(0x3678bb);
    private static final Color WATER_LIGHT = rgb(0x8fc7ef);
    private static final Color WATER_SHALLOW = rgb(0x67aee3);
    private static final Color BANK = rgb(0x6e5535);
    /** How deep the grass reaches over an open side. */
    private static final int PATH_BANK = 5;
    private static final int WATER_BANK = 6;
    /** Radius of the bank's curve round a convex corner. */
    private static final int CURVE = 9;

    private TilePainter() {
    }

    /** Grass with a scatter of darker and lighter blades; {@code variant} picks the scatter. */
    static void grass(Pixmap p, int variant) {
        fill(p, GRASS);
        Random r = new Random(1000 + variant);
        for (int i = 0; i < 46; i++) {
            int x = r.nextInt(S);
            int y = r.nextInt(S - 3);
            p.setColor(r.nextInt(3) == 0 ? GRASS_LIGHT : GRASS_DARK);
            p.drawLine(x, y, x, y + 1 + r.nextInt(2));
            if (r.nextInt(4) == 0) {
                p.drawPixel(x + 1, y + 1);
            }
        }
    }

    /** Grass with a few round flowers on short stems. */
    static void flowers(Pixmap p, int variant) {
        grass(p, variant + 7);
        Random r = new Random(2000 + variant);
        Color[] petals = {rgb(0xfff6e8), rgb(0xf7d54a), rgb(0xf08fb0), rgb(0xa9b8f5)};
        for (int i = 0; i < 5; i++) {
            int x = 6 + r.nextInt(S - 12);
            int y = 6 + r.nextInt(S - 14);
            p.setColor(GRASS_DARK);
            p.drawLine(x, y + 2, x, y + 6);
            p.drawPixel(x - 1, y + 5);
            p.drawPixel(x + 1, y + 4);
            Color petal = petals[(i + variant) % petals.length];
            p.setColor(petal.r * 0.8f, petal.g * 0.8f, petal.b * 0.8f, 1f);
            p.fillCircle(x, y + 1, 2);
            p.setColor(petal);
            p.fillCircle(x, y, 2);
            p.setColor(rgb(0xf3a93d));
            p.drawPixel(x, y);
        }
    }

    /** Packed earth with pebbles, and grass banks on the sides not {@code joined} to more path. */
    static void path(Pixmap p, int joined) {
        fill(p, PATH);
        Random r = new Random(3000 + joined);
        for (int i = 0; i < 40; i++) {
            p.setColor(r.nextInt(3) == 0 ? PATH_LIGHT : PATH_DARK);
            int x = r.nextInt(S);
            int y = r.nextInt(S);
            p.drawPixel(x, y);
            if (r.nextInt(3) == 0) {
                p.drawPixel(x + 1, y);
            }
        }
        banks(p, joined, r, PATH_EDGE, null, PATH_BANK);
    }

    /** Grass rounding off the concave {@code corner} (0 top left, 1 top right, 2 bottom right, 3 bottom left) of a path. */
    static void pathInnerCorner(Pixmap p, int corner) {
        innerCorner(p, corner, PATH_EDGE, null, PATH_BANK);
    }

    static void waterInnerCorner(Pixmap p, int corner) {
        innerCorner(p, corner, BANK, WATER_SHALLOW, WATER_BANK);
    }

    /**
     * Water with ripples ({@code frame} 0 or 1 moves them), a lighter shallow rim and a grass bank
     * on the sides not {@code joined} to more water.
     */
    static void water(Pixmap p, int joined, int frame) {
        fill(p, WATER);
        p.setColor(WATER_DEEP);
        for (int y = 0; y < S; y += 2) {
            for (int x = (y / 2) % 2; x < S; x += 2) {
                if (((x * 7 + y * 13) & 15) == 0) {
                    p.drawPixel(x, y);
                }
            }
        }
        Random r = new Random(4000 + joined * 2 + frame);
        p.setColor(WATER_LIGHT);
        for (int i = 0; i < 5; i++) {
            int x = 4 + r.nextInt(S - 12);
            int y = 6 + r.nextInt(S - 12);
            int len = 3 + r.nextInt(4);
            p.drawLine(x, y, x + len, y);
            p.drawLine(x + 1, y - 1, x + len - 1, y - 1);
        }
        banks(p, joined, r, BANK, WATER_SHALLOW, WATER_BANK);
    }

    /**
     * Grass over each open side's edge, {@code depth} pixels give or take two, with an {@code edge}
     * line where it meets the tile's own terrain and a {@code rim} just inside that line.
     */
    private static void banks(Pixmap p, int joined, Random r, Color edge, Color rim, int depth) {
        int[] sides = {NORTH, EAST, SOUTH, WEST};
        for (int side : sides) {
            if ((joined & side) != 0) {
                continue;
            }
            int d = depth;
            for (int i = 0; i < S; i++) {
                d = Math.max(depth - 2, Math.min(depth + 2, d + r.nextInt(3) - 1));
                for (int k = 0; k < d + 3; k++) {
                    Color c = k < d ? (((i + k) % 5 == 0) ? GRASS_DARK : GRASS) : k == d ? edge : rim;
                    if (c == null) {
                        continue;
                    }
                    plot(p, side, i, k, c);
                }
            }
        }
        // Round off each corner where two open sides meet.
        int[][] corners = {{NORTH, WEST}, {NORTH, EAST}, {SOUTH, EAST}, {SOUTH, WEST}};
        for (int c = 0; c < corners.length; c++) {
            if ((joined & corners[c][0]) == 0 && (joined & corners[c][1]) == 0) {
                curve(p, c, depth, edge, rim, false);
            }
        }
    }

    /** A transparent tile with only a concave corner's bit of bank. */
    private static void innerCorner(Pixmap p, int corner, Color edge, Color rim, int depth) {
        clear(p);
        curve(p, corner, depth, edge, rim, true);
    }

    /**
     * Grass over {@code corner} beyond a quarter circle: convex, the circle's centre lies inside the
     * tile and the grass outside it; concave, the centre is the corner itself and the grass inside.
     */
    private static void curve(Pixmap p, int corner, int depth, Color edge, Color rim, boolean concave) {
        int reach = depth + CURVE + 2;
        for (int v = 0; v < reach; v++) {
            for (int u = 0; u < reach; u++) {
                double d = concave ? Math.hypot(u + 0.5, v + 0.5) : Math.hypot(depth + CURVE - u - 0.5, depth + CURVE - v - 0.5);
                double grassFrom = concave ? depth : CURVE;
                Color c;
                if (concave ? d < grassFrom : d > grassFrom + 1 && u < depth + CURVE && v < depth + CURVE) {
                    c = ((u + v) % 5 == 0) ? GRASS_DARK : GRASS;
                } else if (concave ? d < grassFrom + 1 : d > grassFrom && u < depth + CURVE && v < depth + CURVE) {
                    c = edge;
                } else if (rim != null && (concave ? d < grassFrom + 3 : d > grassFrom - 2 && u < depth + CURVE && v < depth + CURVE)) {
                    c = rim;
                } else {
                    continue;
                }
                int x = corner == 1 || corner == 2 ? S - 1 - u : u;
                int y = corner == 2 || corner == 3 ? S - 1 - v : v;
                p.setColor(c);
                p.drawPixel(x, y);
            }
        }
    }

    /** Sets the pixel {@code along} the side and {@code in} from it. */
    private static void plot(Pixmap p, int side, int along, int in, Color c) {
        p.setColor(c);
        switch (side) {
            case NORTH -> p.drawPixel(along, in);
            case SOUTH -> p.drawPixel(along, S - 1 - in);
            case WEST -> p.drawPixel(in, along);
            default -> p.drawPixel(S - 1 - in, along);
        }
    }

    /** A round tree (to draw over grass): shadow, trunk, a dark outline and a lit crown. */
    static void tree(Pixmap p, int variant) {
        clear(p);
        Random r = new Random(5000 + variant);
        int cx = 23 + r.nextInt(3);
        ellipse(p, cx, 41, 15, 5, new Color(0, 0, 0, 0.28f));
        p.setColor(rgb(0x5e3d22));
        p.fillRectangle(cx - 3, 29, 7, 13);
        p.setColor(rgb(0x7d5431));
        p.fillRectangle(cx - 2, 29, 3, 12);
        Color outline = rgb(0x1f4a23);
        Color dark = rgb(0x2e6a31);
        Color mid = variant % 2 == 0 ? rgb(0x3f8d3c) : rgb(0x4a8f34);
        Color light = variant % 2 == 0 ? rgb(0x62b052) : rgb(0x74b347);
        p.setColor(outline);
        p.fillCircle(cx, 19, 18);
        p.fillCircle(cx - 9, 24, 11);
        p.fillCircle(cx + 9, 24, 11);
        p.setColor(dark);
        p.fillCircle(cx, 19, 17);
        p.fillCircle(cx - 9, 24, 10);
        p.fillCircle(cx + 9, 24, 10);
        p.setColor(mid);
        p.fillCircle(cx - 2, 16, 13);
        p.fillCircle(cx + 6, 20, 9);
        p.setColor(light);
        p.fillCircle(cx - 6, 11, 6);
        p.fillCircle(cx + 3, 9, 4);
        p.setColor(rgb(0x9ad27a));
        p.fillCircle(cx - 8, 9, 2);
    }

    /** A grey boulder (to draw over grass). */
    static void rock(Pixmap p) {
        clear(p);
        ellipse(p, 24, 36, 15, 6, new Color(0, 0, 0, 0.28f));
        ellipse(p, 24, 28, 15, 11, rgb(0x4f545b));
        ellipse(p, 24, 27, 14, 10, rgb(0x858b93));
        ellipse(p, 21, 24, 9, 6, rgb(0xa3a9b0));
        ellipse(p, 18, 22, 3, 2, rgb(0xc9cdd2));
        p.setColor(rgb(0x5f656c));
        p.drawLine(28, 26, 33, 31);
    }

    /** The soft oval shadow under a character. */
    static void shadow(Pixmap p) {
        clear(p);
        ellipse(p, 24, 24, 16, 6, new Color(0, 0, 0, 0.22f));
        ellipse(p, 24, 24, 12, 4, new Color(0, 0, 0, 0.3f));
    }

    /** A white disc, tinted when drawn. */
    static void dot(Pixmap p) {
        clear(p);
        p.setColor(Color.WHITE);
        p.fillCircle(24, 24, 6);
    }

    static void white(Pixmap p) {
        fill(p, Color.WHITE);
    }

    private static void ellipse(Pixmap p, int cx, int cy, int rx, int ry, Color c) {
        p.setColor(c);
        for (int y = -ry; y <= ry; y++) {
            int half = (int) Math.round(rx * Math.sqrt(1 - (double) (y * y) / (ry * ry)));
            p.drawLine(cx - half, cy + y, cx + half, cy + y);
        }
    }

    private static void fill(Pixmap p, Color c) {
        p.setColor(c);
        p.fill();
    }

    private static void clear(Pixmap p) {
        p.setColor(0, 0, 0, 0);
        p.fill();
    }

    private static Color rgb(int rgb) {
        return new Color(((rgb >> 16) & 0xff) / 255f, ((rgb >> 8) & 0xff) / 255f, (rgb & 0xff) / 255f, 1f);
    }
}
