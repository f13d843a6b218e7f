package io.charagen.desktop.demo;

import com.badlogic.gdx.math.GridPoint2;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TileMapTest {

    @Test
    void theSameSeedGivesTheSameMapAndAnotherSeedAnother() {
        assertEquals(describe(TileMap.generate(20, 15, 7)), describe(TileMap.generate(20, 15, 7)));
        assertFalse(describe(TileMap.generate(20, 15, 7)).equals(describe(TileMap.generate(20, 15, 8))));
    }

    @Test
    void theRimIsForestExceptWherePathsLeaveAndPathsCrossTheMap() {
        for (long seed = 0; seed < 30; seed++) {
            TileMap map = TileMap.generate(20, 15, seed);
            int exits = 0;
            for (int x = 0; x < map.columns(); x++) {
                for (int y : new int[] {0, map.rows() - 1}) {
                    Terrain t = map.at(x, y);
                    assertTrue(t == Terrain.TREE || t == Terrain.PATH, "seed " + seed + ": " + t + " on the rim at " + x + "," + y);
                    exits += t == Terrain.PATH ? 1 : 0;
                }
            }
            for (int y = 0; y < map.rows(); y++) {
                for (int x : new int[] {0, map.columns() - 1}) {
                    Terrain t = map.at(x, y);
                    assertTrue(t == Terrain.TREE || t == Terrain.PATH, "seed " + seed + ": " + t + " on the rim at " + x + "," + y);
                    exits += t == Terrain.PATH ? 1 : 0;
                }
            }
            assertTrue(exits >= 4, "seed " + seed + ": paths leave the map on all four sides");
        }
    }

    @Test
    void everyOpenTileIsReachableAndThereIsAPond() {
        for (long seed = 0; seed < 30; seed++) {
            TileMap map = TileMap.generate(20, 15, seed);
            List<GridPoint2> region = map.mainRegion();
            int walkable = 0;
            int water = 0;
            for (int y = 0; y < map.rows(); y++) {
                for (int x = 0; x < map.columns(); x++) {
                    walkable += map.walkable(x, y) ? 1 : 0;
                    water += map.at(x, y) == Terrain.WATER ? 1 : 0;
                }
            }
            assertEquals(walkable, region.size(), "seed " + seed + ": open tiles not all connected");
            assertTrue(water > 0, "seed " + seed + ": no pond");
            for (GridPoint2 p : region) {
                assertTrue(map.walkable(p.x, p.y));
            }
        }
    }

    @Test
    void offTheMapIsNotWalkableAndTinyMapsAreRefused() {
        TileMap map = TileMap.generate(10, 8, 1);
        assertFalse(map.walkable(-1, 3));
        assertFalse(map.walkable(3, 8));
        assertThrows(IllegalArgumentException.class, () -> new TileMap(7, 8));
    }

    private static String describe(TileMap map) {
        StringBuilder s = new StringBuilder();
        for (int y = map.rows() - 1; y >= 0; y--) {
            for (int x = 0; x < map.columns(); x++) {
                s.append(map.at(x, y).name().charAt(0));
            }
            s.append('\n');
        }
        return s.toString();
    }
}
