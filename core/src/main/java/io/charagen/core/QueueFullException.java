package io.charagen.core;

/** A {@link CharacterGenerator} already holds as many requests as it was configured to queue. */
public final class QueueFullException extends IllegalStateException {

    public QueueFullException(int capacity) {
        super("the character generator already has " + capacity + " requests waiting or running; "
                + "cancel some or wait for results before asking for more");
    }
}
