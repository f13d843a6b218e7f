package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.nn.Generator;

import java.util.Random;

/**
 * Where the mapping network's outputs lie: their mean w_avg (the projection's starting point) and
 * their spread, the root mean squared distance of a w from w_avg, sqrt(E ||w - w_avg||^2), which sets
 * the scale of the latent noise.
 *
 * @param mean    w_avg, [w_dim]
 * @param spread  sqrt(E ||w - w_avg||^2) over the samples
 * @param samples how many z were mapped
 */
public record WStatistics(float[] mean, double spread, int samples) {

    /** z samples mapped per forward pass. */
    private static final int BATCH = 512;

    public WStatistics {
        mean = mean.clone();
    }

    @Override
    public float[] mean() {
        return mean.clone();
    }

    /**
     * Maps {@code samples} z ~ N(0, I) (drawn from {@code java.util.Random(seed)}, so the estimate is
     * reproducible) without truncation, a batch at a time, each batch's arrays freed before the next.
     *
     * @throws IllegalArgumentException if the generator is conditional (w would depend on a class)
     */
    public static WStatistics estimate(Generator generator, int samples, long seed) {
        if (generator.mapping().cDim() > 0) {
            throw new IllegalArgumentException("projection needs an unconditional generator; this one has c_dim "
                    + generator.mapping().cDim());
        }
        if (samples < 2) {
            throw new IllegalArgumentException("w statistics need at least 2 samples, got " + samples);
        }
        int zDim = generator.zDim();
        int wDim = generator.wDim();
        Random random = new Random(seed);
        float[] ws = new float[samples * wDim];
        try (NDManager base = NDManager.newBaseManager(generator.device())) {
            for (int start = 0; start < samples; start += BATCH) {
                int n = Math.min(BATCH, samples - start);
                float[] z = new float[n * zDim];
                for (int i = 0; i < z.length; i++) {
                    z[i] = (float) random.nextGaussian();
                }
                try (NDManager batch = base.newSubManager()) {
                    NDArray mapped = generator.map(batch.create(z, new Shape(n, zDim)), null, 1, null);
                    // Every layer of an untruncated ws holds the same w: keep the first.
                    float[] w = mapped.get(":, 0, :").toType(DataType.FLOAT32, false).toFloatArray();
                    System.arraycopy(w, 0, ws, start * wDim, n * wDim);
                }
            }
        }
        double[] sum = new double[wDim];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < wDim; j++) {
                sum[j] += ws[s * wDim + j];
            }
        }
        float[] mean = new float[wDim];
        for (int j = 0; j < wDim; j++) {
            mean[j] = (float) (sum[j] / samples);
        }
        double squares = 0;
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < wDim; j++) {
                double d = ws[s * wDim + j] - sum[j] / samples;
                squares += d * d;
            }
        }
        return new WStatistics(mean, Math.sqrt(squares / samples), samples);
    }
}
