package io.charagen.desktop.demo;

/** Which tiles a character stands on or is stepping into, so that no two share one. */
final class Occupancy {

    private final int columns;
    private final boolean[] taken;

    Occupancy(TileMap map) {
        this.columns = map.columns();
        this.taken = new boolean[map.columns() * map.rows()];
    }

    /** Takes the tile if it is free; false when someone has it. */
    boolean claim(int x, int y) {
        int i = y * columns + x;
        if (taken[i]) {
            return false;
        }
        taken[i] = true;
        return true;
    }

    void release(int x, int y) {
        taken[y * columns + x] = false;
    }

    boolean isTaken(int x, int y) {
        return taken[y * columns + x];
    }
}
