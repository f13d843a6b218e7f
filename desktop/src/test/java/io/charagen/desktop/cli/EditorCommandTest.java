package io.charagen.desktop.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@code charagen editor} refuses before it opens a window. */
class EditorCommandTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));

    @Test
    void listsItsOptions() {
        Run run = run("editor", "--help");
        assertEquals(0, run.code);
        for (String option : new String[] {"--sprite-model", "--portrait-model", "--presets", "--device", "--steps",
                "--cache", "--window"}) {
            assertTrue(run.out.contains(option), () -> option + " missing from:\n" + run.out);
        }
    }

    @Test
    void refusesAWindowSizeItCannotRead() {
        Run run = run("editor", "--window", "big");
        assertEquals(CharagenCommand.EXIT_USAGE, run.code);
        assertTrue(run.err.contains("--window 'big': expected WIDTHxHEIGHT"), run.err);
    }

    @Test
    void refusesTooFewProjectionStepsAndTooSmallAWindow() {
        String sprite = FIXTURES.resolve("sg2-64.pkl").toString();
        String portrait = FIXTURES.resolve("sg3t-64.pkl").toString();
        Run steps = run("editor", "--sprite-model", sprite, "--portrait-model", portrait, "--steps", "0");
        assertEquals(CharagenCommand.EXIT_USAGE, steps.code);
        assertTrue(steps.err.contains("projection steps 0"), steps.err);
        Run window = run("editor", "--sprite-model", sprite, "--portrait-model", portrait, "--window", "320x200");
        assertEquals(CharagenCommand.EXIT_USAGE, window.code);
        assertTrue(window.err.contains("at least 640x480"), window.err);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = CharagenCommand.execute(args);
            return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
