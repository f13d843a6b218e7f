package io.charagen.desktop.ui;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.PixmapIO;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Saves what the window shows as a PNG. Call it on the render thread after drawing a frame and
 * before it is shown (that is, from {@code render()}): it reads the back buffer.
 */
public final class Screenshots {

    private Screenshots() {
    }

    /** Saves the back buffer to {@code target}, refusing to replace a file that is already there. */
    public static Path save(Path target) {
        return save(target, false);
    }

    /**
     * Saves the back buffer to {@code target} (its folder is made if missing). The PNG is written
     * beside it under a temporary name and renamed into place, so a reader never sees half a file.
     */
    public static Path save(Path target, boolean overwrite) {
        Path absolute = target.toAbsolutePath();
        if (!overwrite && Files.exists(absolute)) {
            throw new IllegalStateException("screenshot " + absolute + " exists; not replacing it");
        }
        Pixmap pixmap = Pixmap.createFromFrameBuffer(0, 0,
                Gdx.graphics.getBackBufferWidth(), Gdx.graphics.getBackBufferHeight());
        try {
            makeOpaque(pixmap);
            write(pixmap, absolute, overwrite);
        } finally {
            pixmap.dispose();
        }
        return absolute;
    }

    /** The back buffer's alpha is whatever blending left there; a screenshot shows none of it. */
    private static void makeOpaque(Pixmap pixmap) {
        ByteBuffer pixels = pixmap.getPixels();
        for (int alpha = 3; alpha < pixels.limit(); alpha += 4) {
            pixels.put(alpha, (byte) 0xff);
        }
    }

    private static void write(Pixmap pixmap, Path target, boolean overwrite) {
        Path temporary = null;
        PixmapIO.PNG png = new PixmapIO.PNG(pixmap.getWidth() * pixmap.getHeight() * 4);
        try {
            Files.createDirectories(target.getParent());
            // Not Files.createTempFile: its owner-only permissions would stay on the screenshot.
            temporary = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
            // OpenGL's rows run bottom to top; the PNG's run top to bottom.
            png.setFlipY(true);
            try (OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                png.write(out, pixmap);
            }
            if (overwrite) {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // A link cannot replace an existing file, so a race with another writer is refused too.
                Files.createLink(target, temporary);
                Files.delete(temporary);
            }
            temporary = null;
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("screenshot " + target + " exists; not replacing it", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write screenshot " + target + ": " + e.getMessage(), e);
        } finally {
            png.dispose();
            deleteQuietly(temporary);
        }
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // Nothing more can be done about a leftover temporary file; the real error is reported.
        }
    }
}
