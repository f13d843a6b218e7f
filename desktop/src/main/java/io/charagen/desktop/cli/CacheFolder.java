package io.charagen.desktop.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A disk cache folder is the cache's alone: it deletes old entries in it. So a folder that holds
 * anything but cache entries (two-hex-digit shards and its staging folder) is refused.
 */
final class CacheFolder {

    private CacheFolder() {
    }

    /** {@code folder} if it is missing, empty or a charagen cache; else a clear error naming {@code option}. */
    static Path check(Path folder, String option) throws IOException {
        if (!Files.exists(folder)) {
            return folder;
        }
        if (!Files.isDirectory(folder)) {
            throw new NotDirectoryException(folder + " (" + option + " must be a folder)");
        }
        List<String> foreign;
        try (Stream<Path> children = Files.list(folder)) {
            foreign = children.map(p -> p.getFileName().toString())
                    .filter(name -> !(name.matches("[0-9a-f]{2}") || name.equals("staging")))
                    .sorted().limit(3).toList();
        }
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(option + " " + folder + " holds files that are not charagen's cache ("
                    + String.join(", ", foreign) + "); the cache deletes old entries in its folder, so give it an "
                    + "empty or new folder of its own");
        }
        return folder;
    }
}
