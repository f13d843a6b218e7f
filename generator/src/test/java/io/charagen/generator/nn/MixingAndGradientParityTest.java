package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.latent.StyleMixing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Style mixing and d(sum(img * R))/d ws match the reference. */
class MixingAndGradientParityTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void mixingAndGradientMatch(String name) throws Exception {
        var config = FixtureFiles.config(name);
        try (NDManager m = NDManager.newBaseManager(Device.cpu());
             Generator g = TestGenerators.fromFixture(name)) {
            Map<String, NDArray> a = FixtureFiles.arrays(m, name);

            var mix = config.getAsJsonObject("mix");
            List<Integer> layers = new ArrayList<>();
            mix.getAsJsonArray("layers").forEach(e -> layers.add(e.getAsInt()));
            double psi = mix.get("psi").getAsDouble();
            NDArray into = g.map(a.get("z/" + mix.get("into_seed").getAsInt()), null, psi, null);
            NDArray from = g.map(a.get("z/" + mix.get("from_seed").getAsInt()), null, psi, null);
            NDArray mixed = StyleMixing.replace(into, from, layers);
            double wsErr = FixtureFiles.maxAbsDiff(mixed, a.get("mix/ws"));
            double imgErr = FixtureFiles.maxAbsDiff(g.synthesize(mixed), a.get("mix/img"));
            System.out.printf("%s mix: ws err %.2e, img err %.2e%n", name, wsErr, imgErr);
            assertTrue(wsErr < 1e-4, name + " mixed ws err " + wsErr);
            assertTrue(imgErr < 1e-4, name + " mixed img err " + imgErr);

            NDArray ws = a.get("grad/ws").duplicate();
            NDArray grad;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                ws.setRequiresGradient(true);
                NDArray loss = g.synthesize(ws).mul(a.get("grad/R")).sum();
                gc.backward(loss);
                grad = ws.getGradient().duplicate();
            }
            double gradErr = FixtureFiles.maxAbsDiff(grad, a.get("grad/dws"));
            double gradMax = a.get("grad/dws").abs().max().getFloat();
            // The gradient is a sum over every pixel of all later layers, so float32 rounding grows
            // with its magnitude: we allow 1e-4 relative to the largest component (1e-4 absolute when
            // that is below 1). Measured: sg2 6e-5 of 52, sg3t 1.9e-4 of 5.2, sg3r 7.6e-5 of 7.2. The
            // same network run in float64 lands on the same values as ours in float32 (within 1e-5),
            // so the remaining sg3t difference is rounding in the reference's float32 backward pass.
            double tolerance = 1e-4 * Math.max(1, gradMax);
            System.out.printf("%s grad: err %.2e of max |dws| %.2f (tolerance %.1e)%n", name, gradErr, gradMax,
                    tolerance);
            assertTrue(gradErr < tolerance, name + " ws-gradient err " + gradErr + " exceeds " + tolerance);
        }
    }
}
