package io.charagen.desktop.cli;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The turned fixtures (training/tests/turned_fixture.py: sg3t-64 and sg3r-64 with a turn and a
 * shift stored in synthesis.input.transform, and the Python networks' images of them), made from
 * the shared fixtures into {@code out}. Skips the calling test when /usr/bin/python3 cannot import
 * torch, as the generator module's Python-backed tests do.
 */
final class TurnedSnapshots {

    private static final String PYTHON = "/usr/bin/python3";

    private TurnedSnapshots() {
    }

    /** Writes NAME-turned.pkl and NAME-turned.npz into {@code out}. */
    static void make(Path fixtures, Path out) throws IOException, InterruptedException {
        Assumptions.assumeTrue(pythonHasTorch(), PYTHON + " cannot import torch: no turned fixture to compare with");
        Path training = repoRoot().resolve("training");
        ProcessBuilder pb = new ProcessBuilder(PYTHON, training.resolve("tests/turned_fixture.py").toString(),
                fixtures.toString(), out.toString()).redirectErrorStream(true);
        pb.environment().put("PYTHONPATH", training.toString());
        Path log = out.resolve("turned_fixture.log");
        Process p = pb.redirectOutput(log.toFile()).start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("training/tests/turned_fixture.py did not finish in 300 s");
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("training/tests/turned_fixture.py failed:\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
    }

    private static Path repoRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("training").resolve("charagen_train"))) {
                return p;
            }
        }
        throw new IllegalStateException("no training/charagen_train above " + Path.of("").toAbsolutePath());
    }

    private static boolean pythonHasTorch() throws InterruptedException {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import torch, numpy").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
