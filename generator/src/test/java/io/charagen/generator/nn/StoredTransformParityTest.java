package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.TurnedFixtures;
import io.charagen.generator.checkpoint.SnapshotExporter;
import io.charagen.generator.model.ModelLoader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A StyleGAN3 network's stored input transform is part of it (issue 16): on the turned fixtures
 * the forward pass draws the stored framing, a move starts from it, and a bundle keeps it.
 */
class StoredTransformParityTest {

    private static final double TOLERANCE = 1e-4;
    private static final String TRANSFORM = "synthesis.input.transform";

    private static ImageTransform move() {
        return new ImageTransform(TurnedFixtures.MOVE[0], TurnedFixtures.MOVE[1], TurnedFixtures.MOVE[2]);
    }

    /** The move that takes the turned image back to the unturned one. */
    private static ImageTransform undo(Map<String, NDArray> turned) {
        double[] u = turned.get("undo").toDoubleArray();
        return new ImageTransform(u[0], u[1], u[2]);
    }

    private static void assertClose(NDArray actual, NDArray expected, String what) {
        double err = FixtureFiles.maxAbsDiff(actual, expected);
        System.out.printf("%s: max |error| %.2e%n", what, err);
        assertTrue(err <= TOLERANCE, what + ": max |error| " + err + " > " + TOLERANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg3r-64"})
    void theForwardPassDrawsTheStoredFraming(String name) throws Exception {
        try (Generator g = ModelLoader.loadGenerator(TurnedFixtures.pkl(name), Device.cpu());
             NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> turned = TurnedFixtures.arrays(m, name);
            Map<String, NDArray> reference = FixtureFiles.arrays(m, name);
            for (String[] c : TurnedFixtures.CASES) {
                String key = c[0] + "/" + c[1];
                NDArray ws = turned.get("ws/" + key);
                NDArray stored = g.synthesize(ws);
                assertClose(stored, turned.get("stored/" + key), name + " turned " + key);
                assertTrue(FixtureFiles.maxAbsDiff(stored, reference.get("img/" + key)) > 1e-2,
                        name + ": the turn must change the image for this test to mean anything");
                assertClose(g.synthesize(ws, move()), turned.get("moved/" + key), name + " turned and moved " + key);
                assertClose(g.synthesize(ws, undo(turned)), reference.get("img/" + key), name + " turned back " + key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg3r-64"})
    void aNetworkStoredUnmovedMovesAsGenImagesDoes(String name) throws Exception {
        try (Generator g = TestGenerators.fromFixture(name); NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> turned = TurnedFixtures.arrays(m, name);
            for (String[] c : TurnedFixtures.CASES) {
                String key = c[0] + "/" + c[1];
                assertClose(g.synthesize(turned.get("ws/" + key), move()), turned.get("plain-moved/" + key),
                        name + " moved " + key);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg3r-64"})
    void convertKeepsTheStoredTransform(String name, @TempDir Path dir) throws Exception {
        Path card = dir.resolve(name + "-turned.json");
        SnapshotExporter.export(TurnedFixtures.pkl(name), card, name, "portrait", false);
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> turned = TurnedFixtures.arrays(m, name);
            assertArrayEquals(turned.get("transform").toFloatArray(),
                    ModelLoader.readGenerator(card).stateDict().get(TRANSFORM).toFloats(), 0f, name + " bundle");
            try (Generator g = ModelLoader.loadGenerator(card, Device.cpu())) {
                assertClose(g.synthesize(turned.get("ws/1/1.0")), turned.get("stored/1/1.0"), name + " bundle 1/1.0");
            }
        }
    }
}
