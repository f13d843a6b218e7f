package io.charagen.generator.rpgmaker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file and folder under a folder, with each file's bytes and time: equal snapshots mean nothing was touched. */
final class Snapshots {

    private Snapshots() {
    }

    static Map<String, String> of(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : walk.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p)
                        ? Base64.getEncoder().encodeToString(Files.readAllBytes(p)) + "@" + Files.getLastModifiedTime(p)
                        + " " + Files.isWritable(p) : "/");
            }
            return out;
        }
    }
}
