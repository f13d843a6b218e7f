package io.charagen.desktop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's options are checked before any window opens. */
class DemoCommandTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));

    @Test
    void badOptionsAreUsageErrorsThatNameTheOption(@TempDir Path temp) {
        assertUsageError("--window", "--window", "huge");
        assertUsageError("--npcs", "--npcs", "0");
        assertUsageError("--npcs", "--npcs", "65");
        assertUsageError("--steps", "--steps", "-1");
        assertUsageError("--window", "--window", "200x100");
        assertUsageError("--cache", "--cache", temp.toString(), "--no-cache");
        assertUsageError("--torch-threads", "--torch-threads", "0");
    }

    @Test
    void zeroStepsNeedAHeadEncoder() {
        String err = run(CharagenCommand.EXIT_USAGE, "--sprite-model", FIXTURES.resolve("sg2-64.pkl").toString(),
                "--portrait-model", FIXTURES.resolve("sg3t-64.pkl").toString(), "--presets", "../presets", "--steps", "0",
                "--no-cache");
        assertTrue(err.contains("--steps 0") && err.contains("head encoder"), err);
    }

    @Test
    void aMissingModelIsNamed(@TempDir Path temp) {
        String err = run(1, "--sprite-model", temp.resolve("nope.pkl").toString(), "--portrait-model",
                FIXTURES.resolve("sg3t-64.pkl").toString(), "--no-cache");
        assertTrue(err.contains("--sprite-model") && err.contains("nope.pkl"), err);
    }

    @Test
    void aCacheFolderHoldingOtherFilesIsRefused(@TempDir Path temp) throws Exception {
        Files.writeString(temp.resolve("notes.txt"), "mine");
        String err = run(2, "--sprite-model", FIXTURES.resolve("sg2-64.pkl").toString(), "--portrait-model",
                FIXTURES.resolve("sg3t-64.pkl").toString(), "--cache", temp.toString());
        assertTrue(err.contains("notes.txt") && err.contains("--cache"), err);
        assertEquals("mine", Files.readString(temp.resolve("notes.txt")));
    }

    @Test
    void aCacheFolderMayBeNewEmptyOrACache(@TempDir Path temp) throws Exception {
        assertEquals(temp.resolve("new"), CacheFolder.check(temp.resolve("new"), "--cache"));
        Files.createDirectories(temp.resolve("c").resolve("ab"));
        Files.createDirectories(temp.resolve("c").resolve("staging"));
        assertEquals(temp.resolve("c"), CacheFolder.check(temp.resolve("c"), "--cache"));
        Files.writeString(temp.resolve("file"), "x");
        assertThrows(java.nio.file.NotDirectoryException.class, () -> CacheFolder.check(temp.resolve("file"), "--cache"));
    }

    private static void assertUsageError(String named, String... args) {
        String err = run(CharagenCommand.EXIT_USAGE, prepend("demo", args));
        assertTrue(err.contains(named), () -> "expected the error to name " + named + ": " + err);
    }

    private static String run(int expectedExit, String... args) {
        String[] full = args[0].equals("demo") ? args : prepend("demo", args);
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true));
        int code;
        try {
            code = CharagenCommand.execute(full);
        } finally {
            System.setErr(saved);
        }
        assertEquals(expectedExit, code, err::toString);
        return err.toString();
    }

    private static String[] prepend(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
