package io.charagen.generator.pixelart;

import java.util.List;

/** A 1-px outline: the outline colour on every transparent pixel 4-adjacent to the figure. */
final class Outline {

    private Outline() {
    }

    /** Draws the outline in every cell; returns how many pixels it took. */
    static int draw(List<CellImage> cells, int rgb) {
        int colour = 0xFF000000 | rgb;
        int drawn = 0;
        for (CellImage c : cells) {
            boolean[] figure = new boolean[c.argb.length];
            for (int i = 0; i < figure.length; i++) {
                figure[i] = c.opaque(i);
            }
            for (int y = 0; y < c.height; y++) {
                for (int x = 0; x < c.width; x++) {
                    int i = y * c.width + x;
                    if (!figure[i] && c.hasFourNeighbourIn(figure, x, y)) {
                        c.argb[i] = colour;
                        drawn++;
                    }
                }
            }
        }
        return drawn;
    }
}
