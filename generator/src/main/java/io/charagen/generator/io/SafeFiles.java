package io.charagen.generator.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes that never leave a half-written file under the target's name and never replace a user's
 * file unless asked to. Content goes to a temporary file in the target's own folder (so the rename
 * stays on one file system), is forced to disk, and is then renamed into place atomically.
 */
public final class SafeFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private SafeFiles() {
    }

    /**
     * Writes {@code target} in one step.
     *
     * @throws FileAlreadyExistsException if target exists and {@code overwrite} is false
     */
    public static void write(Path target, boolean overwrite, Content content) throws IOException {
        if (!overwrite && Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to replace it)");
        }
        Path temporary = writeTemporary(target, content);
        try {
            moveIntoPlace(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * Writes {@code content} to a new temporary file beside {@code target}; the caller moves it
     * into place or deletes it. It is made with CREATE_NEW rather than Files.createTempFile so that
     * it gets the usual permissions (umask), not owner-only ones.
     */
    public static Path writeTemporary(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        String suffix = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
        Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + suffix + ".tmp");
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            content.writeTo(out);
            out.flush();
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        return temporary;
    }

    /** Renames a temporary file over {@code target} atomically (replacing it if it exists). */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        Files.move(temporary, target.toAbsolutePath(), StandardCopyOption.ATOMIC_MOVE);
    }
}
