package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.latent.NumpyRandomState;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed to image against the reference: our z (numpy RandomState), our mapping with truncation and
 * our synthesis reproduce every case of each fixture within 1e-4, whether the network comes from the
 * reference snapshot or from our bundle made from it.
 */
class FixtureParityTest {

    static Stream<Arguments> fixturesAndSources() {
        return FixtureFiles.NAMES.stream().flatMap(n -> Stream.of(Arguments.of(n, "pkl"), Arguments.of(n, "bundle")));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("fixturesAndSources")
    void seedsReproduceReference(String name, String source, @TempDir Path dir) throws Exception {
        var config = FixtureFiles.config(name);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
             Generator g = source.equals("pkl") ? TestGenerators.fromFixture(name) : TestGenerators.fromBundle(name, dir)) {
            Map<String, NDArray> a = FixtureFiles.arrays(m, name);
            for (var c : config.getAsJsonArray("cases")) {
                var cs = c.getAsJsonObject();
                int seed = cs.get("seed").getAsInt();
                double psi = cs.get("psi").getAsDouble();
                NDArray z = m.create(NumpyRandomState.gaussianLatent(seed, g.zDim()), new Shape(1, g.zDim()));
                double zErr = FixtureFiles.maxAbsDiff(z, a.get("z/" + seed));
                NDArray ws = g.map(z, null, psi, null);
                double wsErr = FixtureFiles.maxAbsDiff(ws, a.get(cs.get("ws").getAsString()));
                double imgErr = FixtureFiles.maxAbsDiff(g.synthesize(ws), a.get(cs.get("img").getAsString()));
                String label = name + " (" + source + ") seed " + seed + " psi " + psi;
                System.out.printf("%s: z err %.1e, ws err %.2e, img err %.2e%n", label, zErr, wsErr, imgErr);
                assertTrue(zErr == 0, label + ": z differs from numpy by " + zErr);
                assertTrue(wsErr < 1e-4, label + ": ws err " + wsErr);
                assertTrue(imgErr < 1e-4, label + ": img err " + imgErr);
            }
        }
    }
}
