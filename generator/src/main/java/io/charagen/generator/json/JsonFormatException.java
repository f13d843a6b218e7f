package io.charagen.generator.json;

/** A JSON file that is not valid JSON or does not follow its format; the message names the file and field. */
public class JsonFormatException extends Exception {

    public JsonFormatException(String message) {
        super(message);
    }

    public JsonFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
