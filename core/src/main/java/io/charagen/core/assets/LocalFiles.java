package io.charagen.core.assets;

import com.badlogic.gdx.Files.FileType;
import com.badlogic.gdx.files.FileHandle;
import com.badlogic.gdx.utils.GdxRuntimeException;

import java.nio.file.Path;

/** The file-system path behind a FileHandle: models and presets are read (and hashed) as files. */
final class LocalFiles {

    private LocalFiles() {
    }

    static Path pathOf(FileHandle file, String what) {
        if (file.type() == FileType.Classpath) {
            throw new GdxRuntimeException(file.path() + ": " + what + " must be a file on disk, not a classpath "
                    + "resource; load it as an internal, local or absolute file");
        }
        Path path = file.file().toPath().toAbsolutePath();
        if (!java.nio.file.Files.isRegularFile(path)) {
            throw new GdxRuntimeException(path + ": no such " + what + " file (" + file.type() + " file '" + file.path() + "')");
        }
        return path;
    }
}
