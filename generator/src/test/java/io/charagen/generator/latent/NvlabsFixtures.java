package io.charagen.generator.latent;

import io.charagen.generator.io.NpyTestReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The reference fixtures beside the checkout (shared/fixtures/nvlabs), found through the
 * system property {@code charagen.fixtures} that the parent pom's surefire sets. They are read
 * in place, never copied into the repository.
 */
final class NvlabsFixtures {

    static final String PROPERTY = "charagen.fixtures";

    private NvlabsFixtures() {
    }

    static Path directory() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + PROPERTY + " is not set; run the tests through"
                    + " Maven (the parent pom sets it to ../shared/fixtures/nvlabs) or pass -D" + PROPERTY + "=DIR");
        }
        Path dir = Path.of(value);
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(PROPERTY + " = " + value + " is not a directory; the fixtures are"
                    + " expected in shared/fixtures/nvlabs beside the checkout");
        }
        return dir;
    }

    /** The array {@code name} (without ".npy") from {@code <fixtures>/<file>}. */
    static NpyTestReader npzEntry(String file, String name) throws IOException {
        Path npz = directory().resolve(file);
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            ZipEntry entry = zip.getEntry(name + ".npy");
            if (entry == null) {
                throw new IllegalStateException(npz + " has no entry " + name + ".npy");
            }
            try (InputStream in = zip.getInputStream(entry)) {
                return NpyTestReader.parse(in.readAllBytes());
            }
        }
    }
}
