package io.charagen.desktop.editor;

/**
 * Runs an action once things have been quiet for a while: a slider dragged or a seed typed asks
 * for one character when the hand stops, not one per step. Render thread only.
 */
final class Debounce {

    private final float seconds;
    private final Runnable action;
    private float left = -1;

    Debounce(float seconds, Runnable action) {
        this.seconds = seconds;
        this.action = action;
    }

    /** (Re)starts the wait. */
    void touch() {
        left = seconds;
    }

    /** Forgets a pending action. */
    void cancel() {
        left = -1;
    }

    boolean isWaiting() {
        return left >= 0;
    }

    /** Called every frame with the frame's time. */
    void update(float delta) {
        if (left < 0) {
            return;
        }
        left -= delta;
        if (left < 0) {
            action.run();
        }
    }
}
