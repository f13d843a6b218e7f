package io.charagen.desktop.ui;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a libGDX application's main class in a child JVM on a virtual X display (xvfb-run), so
 * UI tests can drive a real window and screenshot it without a screen.
 *
 * <p>Without xvfb-run the calling test is skipped, unless CHARAGEN_REQUIRE_XVFB=1 (CI sets it), in
 * which case it fails: CI must never pass by skipping its UI tests.
 */
public final class XvfbApp {

    /** The virtual screen: big enough for any window the tests open. */
    static final String SCREEN = "-screen 0 1280x800x24";
    /** System properties of the test JVM that the child gets too. */
    private static final List<String> PASSED_PROPERTIES = List.of("ai.djl.offline", "charagen.fixtures");

    /** How a run ended: the exit code (-1 when it ran out of time), the log file and its text. */
    public record Result(int exitCode, boolean timedOut, Path logFile, String log) {

        /** Fails with the log when the app did not exit with 0. */
        public Result assertSucceeded() {
            Assertions.assertFalse(timedOut, () -> "the app ran out of time; log " + logFile + ":\n" + log);
            Assertions.assertEquals(0, exitCode, () -> "the app failed; log " + logFile + ":\n" + log);
            return this;
        }
    }

    private XvfbApp() {
    }

    /**
     * Runs {@code mainClass} with {@code args} under xvfb-run and waits at most {@code timeout};
     * its output (and the X server's) goes to target/xvfb-logs/SimpleName.log.
     */
    public static Result run(Class<?> mainClass, Duration timeout, String... args) throws IOException, InterruptedException {
        Path xvfbRun = requireXvfbRun();
        Path logs = targetDir().resolve("xvfb-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(mainClass.getSimpleName() + ".log");
        Files.deleteIfExists(log);
        Files.createFile(log);

        List<String> command = new ArrayList<>(List.of(xvfbRun.toString(), "-a", "-e", log.toString(), "-s", SCREEN));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Djava.awt.headless=true");
        for (String name : PASSED_PROPERTIES) {
            String value = System.getProperty(name);
            if (value != null) {
                command.add("-D" + name + "=" + value);
            }
        }
        command.add(mainClass.getName());
        command.addAll(List.of(args));

        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                // Appending: xvfb-run appends the X server's messages to the same file.
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Mesa's software rasteriser, whatever GPU the machine may have.
        builder.environment().put("LIBGL_ALWAYS_SOFTWARE", "1");
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            stop(process);
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        return new Result(finished ? process.exitValue() : -1, !finished, log, text);
    }

    /** xvfb-run from PATH; skips the test without it, or fails it when CI requires it. */
    static Path requireXvfbRun() {
        return requireOnPath("xvfb-run");
    }

    static Path requireOnPath(String program) {
        Optional<Path> found = onPath(program);
        if (found.isEmpty()) {
            String message = program + " is not on PATH (Debian: apt-get install xvfb xauth libgl1-mesa-dri)";
            if ("1".equals(System.getenv("CHARAGEN_REQUIRE_XVFB"))) {
                Assertions.fail(message + ", and CHARAGEN_REQUIRE_XVFB=1 requires the UI tests to run");
            }
            Assumptions.abort(message + "; skipping the UI test (set CHARAGEN_REQUIRE_XVFB=1 to fail instead)");
        }
        return found.get();
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The module's target folder (Surefire runs tests in the module's folder and sets basedir). */
    static Path targetDir() {
        return Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("target");
    }

    /** Ends xvfb-run, the X server and the app: children first, so none is left behind. */
    private static void stop(Process process) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
