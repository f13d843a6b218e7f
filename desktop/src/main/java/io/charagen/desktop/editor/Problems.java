package io.charagen.desktop.editor;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;

/** One line for the status bar out of an exception, however deep libGDX wrapped the cause. */
final class Problems {

    private Problems() {
    }

    static String describe(Throwable error) {
        // The AssetManager and the generator wrap the real cause; its message says what was wrong.
        Throwable deepest = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                deepest = t;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String message = deepest.getMessage();
        if (deepest instanceof FileAlreadyExistsException e) {
            return e.getFile() + " " + (e.getReason() != null ? e.getReason() : "already exists");
        }
        if (deepest instanceof NoSuchFileException e) {
            return e.getFile() + ": no such file or folder";
        }
        return message != null ? message.strip() : deepest.getClass().getSimpleName();
    }
}
