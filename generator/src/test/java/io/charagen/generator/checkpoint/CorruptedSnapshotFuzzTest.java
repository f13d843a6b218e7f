package io.charagen.generator.checkpoint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Damaged snapshots (bytes overwritten at seeded random places) either still read or fail
 * with a CheckpointException: never another exception, never a crash.
 */
class CorruptedSnapshotFuzzTest {

    @Test
    void damagedSnapshotsFailOnlyWithCheckpointExceptions(@TempDir Path folder) throws IOException {
        byte[] original = Files.readAllBytes(TestFiles.resource("handmade-checkpoints/tiny-sg2.pkl"));
        Random random = new Random(1234);
        Path damaged = folder.resolve("damaged.pkl");
        for (int round = 0; round < 3000; round++) {
            byte[] bytes = original.clone();
            int flips = 1 + random.nextInt(3);
            for (int i = 0; i < flips; i++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            Files.write(damaged, bytes);
            try {
                ReferenceSnapshotReader.read(damaged);
            } catch (CheckpointException expected) {
                if (!expected.getMessage().startsWith(damaged.toString())) {
                    fail("round " + round + ": message does not name the file: " + expected.getMessage());
                }
            } catch (RuntimeException | Error e) {
                throw new AssertionError("round " + round + ": " + e, e);
            }
        }
    }
}
