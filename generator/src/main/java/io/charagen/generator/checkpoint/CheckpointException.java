package io.charagen.generator.checkpoint;

import java.io.IOException;

/** A checkpoint or model bundle that cannot be used; the message names the file and the problem. */
public class CheckpointException extends IOException {

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
