package io.charagen.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The turned fixtures of training/tests/turned_fixture.py: sg3t-64 and sg3r-64 with a 17-degree
 * turn and a shift stored in {@code synthesis.input.transform}, and the images the project's
 * Python networks draw from them. They derive from the shared fixtures, so the script makes them
 * once per test JVM into a temporary folder (deleted at exit). Skips the calling test when
 * /usr/bin/python3 cannot import torch.
 */
public final class TurnedFixtures {

    public static final String[] NAMES = {"sg3t-64", "sg3r-64"};
    /** The move the fixture's "moved" images were drawn with: --translate 0.1,0 --rotate 10. */
    public static final double[] MOVE = {0.1, 0.0, 10.0};
    /** (seed, psi) of the fixture's images, as the npz keys spell them. */
    public static final String[][] CASES = {{"1", "1.0"}, {"42", "0.7"}};

    private static final String PYTHON = "/usr/bin/python3";
    private static Path made;

    private TurnedFixtures() {
    }

    /** The folder holding NAME-turned.pkl and NAME-turned.npz. */
    public static synchronized Path dir() throws IOException, InterruptedException {
        if (made == null) {
            Assumptions.assumeTrue(pythonHasTorch(), PYTHON + " cannot import torch: no turned fixture to compare with");
            Path out = Files.createTempDirectory("charagen-turned");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(out)));
            Path training = repoRoot().resolve("training");
            ProcessBuilder pb = new ProcessBuilder(PYTHON, training.resolve("tests/turned_fixture.py").toString(),
                    FixtureFiles.dir().toString(), out.toString()).redirectErrorStream(true);
            pb.environment().put("PYTHONPATH", training.toString());
            Path log = out.resolve("turned_fixture.log");
            Process p = pb.redirectOutput(log.toFile()).start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("training/tests/turned_fixture.py did not finish in 300 s");
            }
            if (p.exitValue() != 0) {
                throw new AssertionError("training/tests/turned_fixture.py failed:\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            made = out;
        }
        return made;
    }

    public static Path pkl(String name) throws IOException, InterruptedException {
        return dir().resolve(name + "-turned.pkl");
    }

    /** Every array of NAME-turned.npz by key, on {@code manager}. */
    public static Map<String, NDArray> arrays(NDManager manager, String name) throws IOException, InterruptedException {
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(dir().resolve(name + "-turned.npz"))) {
            for (NDArray a : NDList.decode(manager, in)) {
                out.put(a.getName(), a);
            }
        }
        return out;
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

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
