package io.charagen.desktop.demo;

/** What one map tile is made of, and whether characters may step on it. */
enum Terrain {
    GRASS(true),
    FLOWERS(true),
    PATH(true),
    WATER(false),
    TREE(false),
    ROCK(false);

    private final boolean walkable;

    Terrain(boolean walkable) {
        this.walkable = walkable;
    }

    boolean walkable() {
        return walkable;
    }
}
