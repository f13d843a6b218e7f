package io.charagen.desktop.demo;

import com.badlogic.gdx.math.GridPoint2;
import io.charagen.generator.sheet.Direction;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WalkerTest {

    @Test
    void walkersStayOnOpenGroundNeverShareATileAndGetAround() {
        TileMap map = TileMap.generate(20, 15, 3);
        Occupancy occupancy = new Occupancy(map);
        List<GridPoint2> region = map.mainRegion();
        List<Walker> walkers = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            GridPoint2 start = region.get(k * 7);
            walkers.add(new Walker(map, occupancy, start.x, start.y, k));
        }
        Set<String> visited = new HashSet<>();
        for (int frame = 0; frame < 60 * 120; frame++) {
            Set<String> cells = new HashSet<>();
            for (Walker w : walkers) {
                w.update(1 / 60f);
                assertTrue(map.walkable(w.tileX(), w.tileY()), "a walker stands on " + map.at(w.tileX(), w.tileY()));
                assertTrue(cells.add(w.tileX() + "," + w.tileY()), "two walkers on " + w.tileX() + "," + w.tileY());
                int x = Math.round(w.worldX() / TileMap.TILE);
                int y = Math.round(w.worldY() / TileMap.TILE);
                assertTrue(map.walkable(x, y), "a walker is drawn over " + map.at(x, y));
                visited.add(w.tileX() + "," + w.tileY());
            }
        }
        for (Walker w : walkers) {
            assertTrue(w.steps() > 30, "a walker took only " + w.steps() + " steps in two minutes");
        }
        assertTrue(visited.size() > 60, "walkers visited only " + visited.size() + " tiles");
    }

    @Test
    void aHeldWalkerStopsFacingTheViewerAndWalksOnWhenReleased() {
        TileMap map = TileMap.generate(20, 15, 3);
        GridPoint2 start = map.mainRegion().get(0);
        Walker w = new Walker(map, new Occupancy(map), start.x, start.y, 1);
        for (int i = 0; i < 200; i++) {
            w.update(1 / 60f);
        }
        w.hold();
        for (int i = 0; i < 60; i++) {
            w.update(1 / 60f);
        }
        int steps = w.steps();
        for (int i = 0; i < 600; i++) {
            w.update(1 / 60f);
        }
        assertEquals(steps, w.steps(), "a held walker kept walking");
        assertFalse(w.moving());
        assertEquals(Direction.DOWN, w.facing());
        w.release();
        for (int i = 0; i < 600; i++) {
            w.update(1 / 60f);
        }
        assertTrue(w.steps() > steps, "a released walker did not walk on");
    }

    @Test
    void aWalkerCannotStartOnWaterOrOnSomeoneElse() {
        TileMap map = new TileMap(8, 6);
        map.set(2, 2, Terrain.WATER);
        Occupancy occupancy = new Occupancy(map);
        assertThrows(IllegalArgumentException.class, () -> new Walker(map, occupancy, 2, 2, 1));
        new Walker(map, occupancy, 3, 3, 1);
        assertThrows(IllegalArgumentException.class, () -> new Walker(map, occupancy, 3, 3, 2));
    }
}
