package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.utils.Disposable;

import java.util.function.Consumer;

/**
 * Every tile and marker the demo draws, painted by {@link TilePainter} into one texture at start
 * (one texture keeps the map to a single draw call). Render thread only.
 */
final class TileArt implements Disposable {

    static final int GRASS_VARIANTS = 4;
    static final int FLOWER_VARIANTS = 3;
    static final int TREE_VARIANTS = 2;
    static final int WATER_FRAMES = 2;
    private static final int S = TileMap.TILE;
    private static final int COLUMNS = 16;
    private static final int ROWS = 5;

    private final Texture texture;
    final TextureRegion[] grass = new TextureRegion[GRASS_VARIANTS];
    final TextureRegion[] flowers = new TextureRegion[FLOWER_VARIANTS];
    final TextureRegion[] trees = new TextureRegion[TREE_VARIANTS];
    /** Indexed by the sides joined to more path (TilePainter's NORTH | EAST | ...). */
    final TextureRegion[] path = new TextureRegion[16];
    /** [frame][joined sides]. */
    final TextureRegion[][] water = new TextureRegion[WATER_FRAMES][16];
    /** Overlays for concave corners (0 top left, 1 top right, 2 bottom right, 3 bottom left). */
    final TextureRegion[] pathCorners = new TextureRegion[4];
    final TextureRegion[] waterCorners = new TextureRegion[4];
    final TextureRegion rock;
    final TextureRegion shadow;
    final TextureRegion dot;
    final TextureRegion white;

    TileArt() {
        Pixmap atlas = new Pixmap(COLUMNS * S, ROWS * S, Pixmap.Format.RGBA8888);
        Pixmap tile = new Pixmap(S, S, Pixmap.Format.RGBA8888);
        atlas.setBlending(Pixmap.Blending.None); // copy tiles as painted, alpha included
        int[] slot = {0};
        try {
            Placer place = painter -> {
                painter.accept(tile);
                int x = (slot[0] % COLUMNS) * S;
                int y = (slot[0] / COLUMNS) * S;
                atlas.drawPixmap(tile, x, y);
                return slot[0]++;
            };
            int[] grassSlots = new int[GRASS_VARIANTS];
            for (int v = 0; v < GRASS_VARIANTS; v++) {
                int variant = v;
                grassSlots[v] = place.paint(p -> TilePainter.grass(p, variant));
            }
            int[] flowerSlots = new int[FLOWER_VARIANTS];
            for (int v = 0; v < FLOWER_VARIANTS; v++) {
                int variant = v;
                flowerSlots[v] = place.paint(p -> TilePainter.flowers(p, variant));
            }
            int[] treeSlots = new int[TREE_VARIANTS];
            for (int v = 0; v < TREE_VARIANTS; v++) {
                int variant = v;
                treeSlots[v] = place.paint(p -> TilePainter.tree(p, variant));
            }
            int rockSlot = place.paint(TilePainter::rock);
            int shadowSlot = place.paint(TilePainter::shadow);
            int dotSlot = place.paint(TilePainter::dot);
            int whiteSlot = place.paint(TilePainter::white);
            int[] pathSlots = new int[16];
            for (int joined = 0; joined < 16; joined++) {
                int j = joined;
                pathSlots[joined] = place.paint(p -> TilePainter.path(p, j));
            }
            int[][] waterSlots = new int[WATER_FRAMES][16];
            for (int frame = 0; frame < WATER_FRAMES; frame++) {
                for (int joined = 0; joined < 16; joined++) {
                    int j = joined;
                    int f = frame;
                    waterSlots[frame][joined] = place.paint(p -> TilePainter.water(p, j, f));
                }
            }
            int[] pathCornerSlots = new int[4];
            int[] waterCornerSlots = new int[4];
            for (int corner = 0; corner < 4; corner++) {
                int c = corner;
                pathCornerSlots[corner] = place.paint(p -> TilePainter.pathInnerCorner(p, c));
                waterCornerSlots[corner] = place.paint(p -> TilePainter.waterInnerCorner(p, c));
            }
            texture = new Texture(atlas);
            texture.setFilter(Texture.TextureFilter.Nearest, Texture.TextureFilter.Nearest);
            for (int v = 0; v < GRASS_VARIANTS; v++) {
                grass[v] = region(grassSlots[v]);
            }
            for (int v = 0; v < FLOWER_VARIANTS; v++) {
                flowers[v] = region(flowerSlots[v]);
            }
            for (int v = 0; v < TREE_VARIANTS; v++) {
                trees[v] = region(treeSlots[v]);
            }
            for (int j = 0; j < 16; j++) {
                path[j] = region(pathSlots[j]);
                for (int f = 0; f < WATER_FRAMES; f++) {
                    water[f][j] = region(waterSlots[f][j]);
                }
            }
            for (int corner = 0; corner < 4; corner++) {
                pathCorners[corner] = region(pathCornerSlots[corner]);
                waterCorners[corner] = region(waterCornerSlots[corner]);
            }
            rock = region(rockSlot);
            shadow = region(shadowSlot);
            dot = region(dotSlot);
            // The middle of the white tile, so that stretched edges never sample a neighbour.
            white = new TextureRegion(texture, (whiteSlot % COLUMNS) * S + S / 2 - 1, (whiteSlot / COLUMNS) * S + S / 2 - 1, 2, 2);
        } finally {
            tile.dispose();
            atlas.dispose();
        }
    }

    @FunctionalInterface
    private interface Placer {
        int paint(Consumer<Pixmap> painter);
    }

    private TextureRegion region(int slot) {
        return new TextureRegion(texture, (slot % COLUMNS) * S, (slot / COLUMNS) * S, S, S);
    }

    @Override
    public void dispose() {
        texture.dispose();
    }
}
