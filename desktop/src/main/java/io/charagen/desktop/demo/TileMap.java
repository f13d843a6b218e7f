package io.charagen.desktop.demo;

import com.badlogic.gdx.math.GridPoint2;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo's village green, made from a seed: a forest rim, two crossing dirt paths that leave the
 * map, a pond, copses, rocks and flower patches. Tile (0, 0) is the bottom-left one, as libGDX's
 * world y runs up.
 */
final class TileMap {

    /** RPG Maker MV's tile size, so a generated 48 x 48 sprite frame fills one tile. */
    static final int TILE = 48;

    private final int columns;
    private final int rows;
    private final Terrain[] tiles;

    TileMap(int columns, int rows) {
        if (columns < 8 || rows < 6) {
            throw new IllegalArgumentException("a " + columns + "x" + rows + " map is too small: 8x6 tiles at least");
        }
        this.columns = columns;
        this.rows = rows;
        this.tiles = new Terrain[columns * rows];
        java.util.Arrays.fill(tiles, Terrain.GRASS);
    }

    int columns() {
        return columns;
    }

    int rows() {
        return rows;
    }

    boolean inside(int x, int y) {
        return x >= 0 && y >= 0 && x < columns && y < rows;
    }

    /** The terrain at a tile; outside the map it is forest. */
    Terrain at(int x, int y) {
        return inside(x, y) ? tiles[y * columns + x] : Terrain.TREE;
    }

    void set(int x, int y, Terrain terrain) {
        if (inside(x, y)) {
            tiles[y * columns + x] = terrain;
        }
    }

    boolean walkable(int x, int y) {
        return at(x, y).walkable();
    }

    /** The largest set of walkable tiles connected by steps up, down, left and right. */
    List<GridPoint2> mainRegion() {
        boolean[] seen = new boolean[tiles.length];
        List<GridPoint2> best = List.of();
        for (int start = 0; start < tiles.length; start++) {
            if (seen[start] || !tiles[start].walkable()) {
                continue;
            }
            List<GridPoint2> region = new ArrayList<>();
            ArrayDeque<Integer> open = new ArrayDeque<>();
            open.add(start);
            seen[start] = true;
            while (!open.isEmpty()) {
                int i = open.poll();
                int x = i % columns;
                int y = i / columns;
                region.add(new GridPoint2(x, y));
                int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
                for (int[] s : steps) {
                    int nx = x + s[0];
                    int ny = y + s[1];
                    if (walkable(nx, ny) && !seen[ny * columns + nx]) {
                        seen[ny * columns + nx] = true;
                        open.add(ny * columns + nx);
                    }
                }
            }
            if (region.size() > best.size()) {
                best = region;
            }
        }
        return best;
    }

    /** A map of {@code columns} x {@code rows} tiles; the same seed gives the same map. */
    static TileMap generate(int columns, int rows, long seed) {
        TileMap map = new TileMap(columns, rows);
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + 17);
        int pathRow = rows / 2 + random.nextInt(3) - 1;
        int pathColumn = columns / 2 + random.nextInt(5) - 2;
        map.carveHorizontalPath(pathRow, random);
        map.carveVerticalPath(pathColumn, random);
        map.digPond(random, pathRow, pathColumn);
        map.growForestRim(random);
        map.plantCopses(random);
        map.scatter(random);
        map.joinPockets();
        return map;
    }

    /**
     * Clears trees and rocks so that every open tile joins the main region (villagers walk
     * everywhere there is grass); a pocket that cannot be joined without crossing water or the rim
     * is grown over with trees.
     */
    private void joinPockets() {
        while (true) {
            boolean[] main = new boolean[tiles.length];
            for (GridPoint2 p : mainRegion()) {
                main[p.y * columns + p.x] = true;
            }
            int pocket = -1;
            for (int i = 0; i < tiles.length && pocket < 0; i++) {
                if (tiles[i].walkable() && !main[i]) {
                    pocket = i;
                }
            }
            if (pocket < 0) {
                return;
            }
            if (!clearWay(pocket, main)) {
                set(pocket % columns, pocket / columns, Terrain.TREE);
            }
        }
    }

    /** Turns the trees and rocks on the shortest way from tile {@code from} to the main region into grass. */
    private boolean clearWay(int from, boolean[] main) {
        int[] cameFrom = new int[tiles.length];
        java.util.Arrays.fill(cameFrom, -2);
        ArrayDeque<Integer> open = new ArrayDeque<>();
        open.add(from);
        cameFrom[from] = -1;
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        while (!open.isEmpty()) {
            int i = open.poll();
            if (main[i]) {
                for (int j = cameFrom[i]; j >= 0; j = cameFrom[j]) {
                    if (!tiles[j].walkable()) {
                        tiles[j] = Terrain.GRASS;
                    }
                }
                return true;
            }
            int x = i % columns;
            int y = i / columns;
            for (int[] s : steps) {
                int nx = x + s[0];
                int ny = y + s[1];
                boolean rim = nx <= 0 || ny <= 0 || nx >= columns - 1 || ny >= rows - 1;
                if (inside(nx, ny) && !rim && cameFrom[ny * columns + nx] == -2 && at(nx, ny) != Terrain.WATER) {
                    cameFrom[ny * columns + nx] = i;
                    open.add(ny * columns + nx);
                }
            }
        }
        return false;
    }

    /** A path across the map that drifts a row up or down now and then. */
    private void carveHorizontalPath(int startRow, Random random) {
        int y = startRow;
        for (int x = 0; x < columns; x++) {
            set(x, y, Terrain.PATH);
            if (x > 1 && x < columns - 2 && random.nextInt(5) == 0) {
                int next = clamp(y + (random.nextBoolean() ? 1 : -1), 2, rows - 3);
                set(x, next, Terrain.PATH); // the corner, so the path stays connected
                y = next;
            }
        }
    }

    private void carveVerticalPath(int startColumn, Random random) {
        int x = startColumn;
        for (int y = 0; y < rows; y++) {
            set(x, y, Terrain.PATH);
            if (y > 1 && y < rows - 2 && random.nextInt(5) == 0) {
                int next = clamp(x + (random.nextBoolean() ? 1 : -1), 2, columns - 3);
                set(next, y, Terrain.PATH);
                x = next;
            }
        }
    }

    /** A wobbly pond in one of the four quarters the paths cut, kept a tile away from them. */
    private void digPond(Random random, int pathRow, int pathColumn) {
        boolean right = random.nextBoolean();
        boolean top = random.nextBoolean();
        int minX = right ? pathColumn + 2 : 2;
        int maxX = right ? columns - 3 : pathColumn - 2;
        int minY = top ? pathRow + 2 : 2;
        int maxY = top ? rows - 3 : pathRow - 2;
        if (maxX - minX < 2 || maxY - minY < 2) {
            return;
        }
        float cx = (minX + maxX) / 2f + (random.nextFloat() - 0.5f);
        float cy = (minY + maxY) / 2f + (random.nextFloat() - 0.5f);
        float rx = Math.max(1.6f, (maxX - minX) / 2f * (0.75f + 0.2f * random.nextFloat()));
        float ry = Math.max(1.4f, (maxY - minY) / 2f * (0.75f + 0.2f * random.nextFloat()));
        float phase = random.nextFloat() * 6.28f;
        for (int y = minY - 1; y <= maxY + 1; y++) {
            for (int x = minX - 1; x <= maxX + 1; x++) {
                float dx = (x - cx) / rx;
                float dy = (y - cy) / ry;
                double angle = Math.atan2(dy, dx);
                float wobble = 1f + 0.22f * (float) Math.sin(3 * angle + phase) + 0.12f * (float) Math.sin(5 * angle + 2 * phase);
                if (dx * dx + dy * dy < wobble && !nearPath(x, y)) {
                    set(x, y, Terrain.WATER);
                }
            }
        }
    }

    private boolean nearPath(int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                if (at(x + dx, y + dy) == Terrain.PATH) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Trees on the edge tiles (where no path leaves), and a ragged second row inside. */
    private void growForestRim(Random random) {
        for (int y = 0; y < rows; y++) {
            for (int x = 0; x < columns; x++) {
                int edge = Math.min(Math.min(x, columns - 1 - x), Math.min(y, rows - 1 - y));
                boolean plant = edge == 0 || (edge == 1 && random.nextInt(3) == 0);
                if (plant && at(x, y) == Terrain.GRASS) {
                    set(x, y, Terrain.TREE);
                }
            }
        }
    }

    /** A few clumps of trees on the grass, thinning out from their middles. */
    private void plantCopses(Random random) {
        int copses = 2 + columns * rows / 150;
        for (int c = 0; c < copses; c++) {
            int cx = 2 + random.nextInt(columns - 4);
            int cy = 2 + random.nextInt(rows - 4);
            for (int y = cy - 2; y <= cy + 2; y++) {
                for (int x = cx - 2; x <= cx + 2; x++) {
                    int d = Math.abs(x - cx) + Math.abs(y - cy);
                    if (d <= 2 && random.nextInt(d + 1) == 0 && at(x, y) == Terrain.GRASS && !nearPath(x, y)) {
                        set(x, y, Terrain.TREE);
                    }
                }
            }
        }
    }

    /** Lone rocks and patches of flowers. */
    private void scatter(Random random) {
        for (int y = 1; y < rows - 1; y++) {
            for (int x = 1; x < columns - 1; x++) {
                if (at(x, y) != Terrain.GRASS) {
                    continue;
                }
                if (random.nextInt(70) == 0) {
                    set(x, y, Terrain.ROCK);
                } else if (random.nextInt(9) == 0) {
                    set(x, y, Terrain.FLOWERS);
                    // flowers come in patches: sometimes a neighbour too
                    int[][] near = {{1, 0}, {0, 1}};
                    int[] n = near[random.nextInt(2)];
                    if (random.nextBoolean() && at(x + n[0], y + n[1]) == Terrain.GRASS) {
                        set(x + n[0], y + n[1], Terrain.FLOWERS);
                    }
                }
            }
        }
    }

    private static int clamp(int v, int min, int max) {
        return Math.max(min, Math.min(max, v));
    }
}
