package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.g2d.Batch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;

/** Draws a {@link TileMap} with {@link TileArt}: ground first, then trees and rocks over it. */
final class MapView {

    /** Seconds each of the water's two ripple frames shows. */
    private static final float RIPPLE_SECONDS = 0.8f;

    private final TileMap map;
    private final TileArt art;

    MapView(TileMap map, TileArt art) {
        this.map = map;
        this.art = art;
    }

    void draw(Batch batch, float time) {
        int frame = (int) (time / RIPPLE_SECONDS) % TileArt.WATER_FRAMES;
        int s = TileMap.TILE;
        for (int y = 0; y < map.rows(); y++) {
            for (int x = 0; x < map.columns(); x++) {
                Terrain t = map.at(x, y);
                int h = hash(x, y);
                float px = x * s;
                float py = y * s;
                switch (t) {
                    case PATH -> {
                        batch.draw(art.path[joined(x, y, Terrain.PATH)], px, py);
                        innerCorners(batch, x, y, Terrain.PATH, art.pathCorners);
                    }
                    case WATER -> {
                        batch.draw(art.water[frame][joined(x, y, Terrain.WATER)], px, py);
                        innerCorners(batch, x, y, Terrain.WATER, art.waterCorners);
                    }
                    case FLOWERS -> batch.draw(art.flowers[h % TileArt.FLOWER_VARIANTS], px, py);
                    default -> batch.draw(art.grass[h % TileArt.GRASS_VARIANTS], px, py);
                }
                if (t == Terrain.TREE) {
                    batch.draw(art.trees[(h >> 3) % TileArt.TREE_VARIANTS], px, py);
                } else if (t == Terrain.ROCK) {
                    batch.draw(art.rock, px, py);
                }
            }
        }
    }

    /**
     * The sides of tile (x, y) that run on into the same terrain; off the map counts as joined, so
     * paths leave the map and ponds at the edge show no bank there.
     */
    private int joined(int x, int y, Terrain t) {
        // y grows up in the world, while TilePainter's NORTH is the top of the painted tile.
        return (same(x, y + 1, t) ? TilePainter.NORTH : 0) | (same(x + 1, y, t) ? TilePainter.EAST : 0)
                | (same(x, y - 1, t) ? TilePainter.SOUTH : 0) | (same(x - 1, y, t) ? TilePainter.WEST : 0);
    }

    /**
     * Bits of bank in the corners where both sides run on into the same terrain but the tile
     * across the corner is something else (the inside of a bend or a shore).
     */
    private void innerCorners(Batch batch, int x, int y, Terrain t, TextureRegion[] corners) {
        // corner index: 0 top left, 1 top right, 2 bottom right, 3 bottom left; world y runs up
        int[][] across = {{-1, 1}, {1, 1}, {1, -1}, {-1, -1}};
        for (int c = 0; c < 4; c++) {
            int dx = across[c][0];
            int dy = across[c][1];
            if (same(x + dx, y, t) && same(x, y + dy, t) && !same(x + dx, y + dy, t)) {
                batch.draw(corners[c], x * TileMap.TILE, y * TileMap.TILE);
            }
        }
    }

    /** Whether tile (x, y) is {@code t}; off the map counts as the same. */
    private boolean same(int x, int y, Terrain t) {
        return !map.inside(x, y) || map.at(x, y) == t;
    }

    /** A fixed pseudo-random number per tile, to vary grass without storing anything. */
    private static int hash(int x, int y) {
        int h = x * 73856093 ^ y * 19349663;
        h ^= h >>> 13;
        h *= 0x5bd1e995;
        h ^= h >>> 15;
        return h & 0x7fffffff;
    }
}
