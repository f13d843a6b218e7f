package io.charagen.generator.preset;

/** A preset that cannot be read, found or used; the message names the file, field or preset. */
public class PresetException extends Exception {

    public PresetException(String message) {
        super(message);
    }

    public PresetException(String message, Throwable cause) {
        super(message, cause);
    }
}
