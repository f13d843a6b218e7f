package io.charagen.generator.projection;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.model.ModelLoader;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;

import java.util.Arrays;
import java.util.List;

/** Generators, targets and error measures for the projector's tests. */
final class ProjectionFixtures {

    private ProjectionFixtures() {
    }

    /** The fixture's G_ema from its reference snapshot. */
    static Generator generator(String name) throws Exception {
        return ModelLoader.loadGenerator(FixtureFiles.pkl(name), Device.cpu());
    }

    /** The image of {@code seed} at truncation {@code psi}, [3 * H * W]. */
    static float[] seedImage(Generator g, long seed, double psi) {
        return new Sampler(g).sampleBatch(List.of(seed), new SampleOptions(psi, null, null, 1)).images();
    }

    /** The image of ws [num_ws * w_dim], [3 * H * W]. */
    static float[] imageOf(Generator g, float[] ws) {
        try (NDManager m = NDManager.newBaseManager(g.device())) {
            NDArray w = m.create(ws, new Shape(1, g.numWs(), g.wDim()));
            return g.synthesize(w).toFloatArray();
        }
    }

    static float[] fullMask(Generator g) {
        float[] mask = new float[g.resolution() * g.resolution()];
        Arrays.fill(mask, 1f);
        return mask;
    }

    /** w_avg repeated on every layer: the projection's starting point. */
    static float[] averageWs(Generator g, WStatistics stats) {
        float[] mean = stats.mean();
        float[] ws = new float[g.numWs() * mean.length];
        for (int i = 0; i < g.numWs(); i++) {
            System.arraycopy(mean, 0, ws, i * mean.length, mean.length);
        }
        return ws;
    }

    static double meanSquaredError(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum / a.length;
    }
}
