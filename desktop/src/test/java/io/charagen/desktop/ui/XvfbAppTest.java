package io.charagen.desktop.ui;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Finding programs for UI tests: skipped without them, failed instead when CI requires them. */
class XvfbAppTest {

    @Test
    void aMissingProgramSkipsTheTestOrFailsItWhenRequired() {
        String missing = "charagen-no-such-program";
        boolean required = "1".equals(System.getenv("CHARAGEN_REQUIRE_XVFB"));
        Class<? extends Throwable> expected = required ? AssertionFailedError.class : TestAbortedException.class;

        Throwable thrown = assertThrows(expected, () -> XvfbApp.requireOnPath(missing));

        assertTrue(thrown.getMessage().contains(missing), thrown.getMessage());
    }

    @Test
    void aProgramOnThePathIsFound() {
        Path sh = XvfbApp.requireOnPath("sh");

        assertTrue(Files.isExecutable(sh), sh.toString());
    }
}
