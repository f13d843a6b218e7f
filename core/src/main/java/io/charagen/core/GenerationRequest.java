package io.charagen.core;

import io.charagen.generator.character.CharacterSpec;

/** One character asked of a {@link CharacterGenerator}: its spec, where it stands, and a way to cancel it. */
public interface GenerationRequest {

    enum State {
        /** Waiting for a worker (or for the disk cache). */
        QUEUED,
        /** A worker is drawing it, or it is on its way to the render thread. */
        RUNNING,
        DONE,
        FAILED,
        CANCELLED;

        public boolean isFinished() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    CharacterSpec spec();

    /** Whether only the sprite was asked for (no projection, no portraits). */
    boolean spriteOnly();

    State state();

    /**
     * Asks for it to stop: a queued request is dropped at once, a running one stops at its next
     * step, and one already drawn is disposed instead of delivered. The listener hears
     * {@code cancelled} unless it already heard done or failed. Safe from any thread, any number of times.
     */
    void cancel();
}
