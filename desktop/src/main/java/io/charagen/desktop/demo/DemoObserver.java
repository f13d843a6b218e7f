package io.charagen.desktop.demo;

/**
 * Hears the demo's milestones, for tools that measure it (all calls on the render thread). The
 * frames themselves can be timed by wrapping the {@link DemoApp} in another ApplicationListener.
 */
public interface DemoObserver {

    DemoObserver NONE = new DemoObserver() { };

    /** Both models are loaded and every villager has been asked for; {@code nanoTime} when the first was. */
    default void requested(int npcs, long nanoTime) {
    }

    /** A villager arrived; {@code ready} of {@code total} have now. */
    default void delivered(String name, int ready, int total, long nanoTime) {
    }

    /** A villager could not be made. */
    default void failed(String name, Throwable error) {
    }
}
