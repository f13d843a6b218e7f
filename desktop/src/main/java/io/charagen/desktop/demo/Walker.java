package io.charagen.desktop.demo;

import io.charagen.generator.sheet.Direction;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Where an NPC is and where it goes: one tile at a time on walkable, unclaimed tiles, mostly
 * straight on, sometimes turning, now and then stopping to look about. It claims the tile it
 * steps into before leaving its own, so two NPCs never meet on one tile.
 */
final class Walker {

    /** A stroll: RPG Maker's "slower" move speed is about two tiles a second. */
    static final float TILES_PER_SECOND = 2f;

    private final TileMap map;
    private final Occupancy occupancy;
    private final Random random;
    private int x;
    private int y;
    private int toX;
    private int toY;
    /** How far along the step to (toX, toY), 0 to 1. */
    private float along;
    private boolean moving;
    private Direction facing = Direction.DOWN;
    private float rest;
    private boolean held;
    private int steps;

    /** A walker standing on tile (x, y), which it claims. */
    Walker(TileMap map, Occupancy occupancy, int x, int y, long seed) {
        if (!map.walkable(x, y) || !occupancy.claim(x, y)) {
            throw new IllegalArgumentException("tile " + x + "," + y + " is not free to stand on");
        }
        this.map = map;
        this.occupancy = occupancy;
        this.random = new Random(seed);
        this.x = x;
        this.y = y;
        this.toX = x;
        this.toY = y;
        this.rest = 0.3f + random.nextFloat();
    }

    void update(float delta) {
        float carry = 0;
        if (moving) {
            along += delta * TILES_PER_SECOND;
            if (along < 1) {
                return;
            }
            carry = along - 1;
            occupancy.release(x, y);
            x = toX;
            y = toY;
            moving = false;
            along = 0;
            steps++;
            if (held) {
                facing = Direction.DOWN;
                return;
            }
            if (random.nextInt(5) == 0) {
                rest = 0.6f + random.nextFloat() * 2f;
            }
        }
        if (held) {
            return;
        }
        if (rest > 0) {
            rest -= delta;
            return;
        }
        if (random.nextInt(8) == 0) {
            // look about for a moment
            facing = Direction.values()[random.nextInt(Direction.values().length)];
            rest = 0.5f + random.nextFloat();
            return;
        }
        step(carry);
    }

    private void step(float carry) {
        List<Direction> choices = new ArrayList<>();
        for (Direction d : Direction.values()) {
            int nx = x + dx(d);
            int ny = y + dy(d);
            if (!map.walkable(nx, ny) || occupancy.isTaken(nx, ny)) {
                continue;
            }
            // Straight on is likelier than a turn, a turn likelier than going back.
            int weight = d == facing ? 6 : d == opposite(facing) ? 1 : 2;
            for (int i = 0; i < weight; i++) {
                choices.add(d);
            }
        }
        if (choices.isEmpty()) {
            rest = 0.5f;
            facing = Direction.values()[random.nextInt(Direction.values().length)];
            return;
        }
        facing = choices.get(random.nextInt(choices.size()));
        toX = x + dx(facing);
        toY = y + dy(facing);
        occupancy.claim(toX, toY);
        moving = true;
        along = Math.min(carry, 0.5f);
    }

    /** Stops at the end of the current step, facing the viewer (while its dialog is open). */
    void hold() {
        held = true;
        if (!moving) {
            facing = Direction.DOWN;
        }
    }

    void release() {
        held = false;
        rest = 0.4f;
    }

    boolean moving() {
        return moving;
    }

    Direction facing() {
        return facing;
    }

    /** Tiles walked so far. */
    int steps() {
        return steps;
    }

    int tileX() {
        return x;
    }

    int tileY() {
        return y;
    }

    /** The left of the tile-sized cell it is in now, in world pixels (between tiles while stepping). */
    float worldX() {
        return (x + (toX - x) * along) * TileMap.TILE;
    }

    /** The bottom of its cell, in world pixels. */
    float worldY() {
        return (y + (toY - y) * along) * TileMap.TILE;
    }

    static int dx(Direction d) {
        return d == Direction.LEFT ? -1 : d == Direction.RIGHT ? 1 : 0;
    }

    /** World y runs up: UP is +1. */
    static int dy(Direction d) {
        return d == Direction.UP ? 1 : d == Direction.DOWN ? -1 : 0;
    }

    static Direction opposite(Direction d) {
        return switch (d) {
            case UP -> Direction.DOWN;
            case DOWN -> Direction.UP;
            case LEFT -> Direction.RIGHT;
            case RIGHT -> Direction.LEFT;
        };
    }
}
