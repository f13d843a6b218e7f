package io.charagen.generator.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.DosFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;

/**
 * Checks, before a set of files is written, that each file to be replaced and each folder to be
 * written into may be: a user who marks a file read-only, or a program that holds it open, means
 * "do not touch", so the whole write is refused instead of stopping half-way.
 *
 * <p>Read-only is the owner's write permission (POSIX) or the read-only attribute (Windows), not
 * just whether this process could write: a rename replaces a read-only file on POSIX, and root may
 * write anything.
 */
public final class WriteAccess {

    private WriteAccess() {
    }

    /**
     * @throws AccessDeniedException if {@code file} is read-only, or cannot be opened for writing or
     *                               is locked by another program
     */
    public static void requireReplaceable(Path file) throws IOException {
        if (readOnly(file)) {
            throw new AccessDeniedException(file.toString(), null, "the file is read-only; make it writable to let charagen"
                    + " replace it; nothing was written");
        }
        // Opening for writing (without truncating) fails where another program holds the file with a
        // sharing mode that forbids it (Windows); a lock another process holds shows up here too.
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new AccessDeniedException(file.toString(), null, "another program holds a lock on the file;"
                        + " nothing was written");
            }
        } catch (AccessDeniedException e) {
            throw e;
        } catch (OverlappingFileLockException e) {
            throw new AccessDeniedException(file.toString(), null, "this program holds a lock on the file; nothing was written");
        } catch (IOException e) {
            throw new AccessDeniedException(file.toString(), null, "the file cannot be opened for writing (is another"
                    + " program using it?): " + e.getMessage() + "; nothing was written");
        }
    }

    /** @throws AccessDeniedException if new files cannot be made in {@code folder} (an existing folder) */
    public static void requireWritableFolder(Path folder) throws IOException {
        if (readOnly(folder)) {
            throw new AccessDeniedException(folder.toString(), null, "the folder is read-only; nothing was written");
        }
    }

    private static boolean readOnly(Path path) throws IOException {
        if (!Files.isWritable(path)) {
            return true;
        }
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            PosixFileAttributes posix = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return !posix.permissions().contains(PosixFilePermission.OWNER_WRITE);
        }
        if (Files.getFileStore(path).supportsFileAttributeView("dos")) {
            return Files.readAttributes(path, DosFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isReadOnly();
        }
        return false;
    }
}
