package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.g2d.Batch;

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
                    case PATH -> batch.draw(art.path[joined(x, y, Terrain.PATH)], px, py);
                    case WATER -> batch.draw(art.water[frame][joined(x, y, Terrain.WATER)], px, py);
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
        int joined = 0;
        // y grows up in the world, while TilePainter's NORTH is the top of the painted tile.
        if (!map.inside(x, y + 1) || map.at(x, y + 1) == t) {
            joined |= TilePainter.NORTH;
        }
        if (!map.inside(x + 1, y) || map.at(x + 1, y) == t) {
            joined |= TilePainter.EAST;
        }
        if (!map.inside(x, y - 1) || map.at(x, y - 1) == t) {
            joined |= TilePainter.SOUTH;
        }
        if (!map.inside(x - 1, y) || map.at(x - 1, y) == t) {
            joined |= TilePainter.WEST;
        }
        return joined;
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
