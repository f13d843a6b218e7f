package io.charagen.desktop.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code sample} draws a StyleGAN3 network with the input transform its file stores, and
 * --translate/--rotate move the image from there (issue 16), on the turned fixtures.
 */
class SampleStoredTransformTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final String[][] CASES = {{"1", "1.0"}, {"42", "0.7"}};
    private static final String[] MOVE = {"--translate", "0.1,0", "--rotate", "10"};

    @TempDir
    static Path turned;

    @BeforeAll
    static void makeTurnedFixtures() throws Exception {
        TurnedSnapshots.make(FIXTURES, turned);
    }

    private static Map<String, NDArray> npz(NDManager m, Path file) throws Exception {
        Map<String, NDArray> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(file)) {
            for (NDArray a : NDList.decode(m, in)) {
                out.put(a.getName(), a);
            }
        }
        return out;
    }

    /** {@code charagen sample} of one seed into a fresh .npy under {@code dir}, read back. */
    private static NDArray sample(NDManager m, Path dir, Path model, String[] c, String... flags) throws Exception {
        Path npy = Files.createTempFile(dir, "img", ".npy");
        Files.delete(npy);
        List<String> args = new ArrayList<>(List.of("sample", "--model", model.toString(), "--seed", c[0], "--psi", c[1],
                "--npy", npy.toString()));
        args.addAll(List.of(flags));
        assertEquals(0, CharagenCommand.execute(args.toArray(String[]::new)), String.join(" ", args));
        try (InputStream in = Files.newInputStream(npy)) {
            return NDList.decode(m, in).singletonOrThrow();
        }
    }

    private static void assertClose(NDArray actual, NDArray expected, String what) {
        double err = actual.sub(expected).abs().max().getFloat();
        System.out.printf("%s: max |error| %.2e%n", what, err);
        assertTrue(err <= 1e-4, what + ": max |error| " + err);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg3r-64"})
    void drawsTheNetworkAsStoredAndMovesItFromThere(String name, @TempDir Path dir) throws Exception {
        Path pkl = turned.resolve(name + "-turned.pkl");
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = npz(m, turned.resolve(name + "-turned.npz"));
            Map<String, NDArray> reference = npz(m, FIXTURES.resolve(name + ".npz"));
            double[] undo = expected.get("undo").toDoubleArray();
            for (String[] c : CASES) {
                String key = c[0] + "/" + c[1];
                NDArray stored = sample(m, dir, pkl, c);
                assertClose(stored, expected.get("stored/" + key), name + " turned " + key);
                assertTrue(stored.sub(reference.get("img/" + key)).abs().max().getFloat() > 1e-2,
                        name + ": the turn must change the image for this test to mean anything");
                assertClose(sample(m, dir, pkl, c, MOVE), expected.get("moved/" + key), name + " turned, moved " + key);
                assertClose(sample(m, dir, pkl, c, "--translate=" + undo[0] + "," + undo[1], "--rotate=" + undo[2]),
                        reference.get("img/" + key), name + " turned back " + key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg3r-64"})
    void aNetworkStoredUnmovedMovesAsGenImagesDoes(String name, @TempDir Path dir) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = npz(m, turned.resolve(name + "-turned.npz"));
            NDArray moved = sample(m, dir, FIXTURES.resolve(name + ".pkl"), CASES[0], MOVE);
            assertClose(moved, expected.get("plain-moved/1/1.0"), name + " moved 1/1.0");
        }
    }

    @Test
    void convertKeepsTheStoredTransform(@TempDir Path dir) throws Exception {
        Path card = dir.resolve("turned.json");
        assertEquals(0, CharagenCommand.execute("convert", "--model", turned.resolve("sg3r-64-turned.pkl").toString(),
                "--out", card.toString(), "--name", "turned", "--kind", "portrait"));
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> expected = npz(m, turned.resolve("sg3r-64-turned.npz"));
            assertClose(sample(m, dir, card, CASES[1]), expected.get("stored/42/0.7"), "sg3r-64 turned bundle 42/0.7");
        }
    }

    @Test
    void helpSaysWhereAMoveStarts() {
        String usage = new CommandLine(new SampleCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll("\\s+", " ");
        assertTrue(usage.contains("drawn with the input transform its file stores"), usage);
        assertTrue(usage.contains("from the framing its file stores"), usage);
    }
}
