package io.charagen.generator.sample;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.nn.Generator;

import java.util.List;
import java.util.function.Consumer;

/**
 * Seeds to images, as the reference {@code gen_images.py} does it: z = RandomState(seed).randn(1, z_dim),
 * ws = mapping(z, psi, cutoff), image = synthesis(ws, noise_mode=const). Seeds run in batches; every
 * batch's native memory is freed before the next starts, so memory stays flat over any number of seeds.
 */
public final class Sampler {

    private final Generator generator;

    public Sampler(Generator generator) {
        this.generator = generator;
    }

    /** Runs every seed, handing each batch to {@code sink} as soon as it is done. */
    public void sample(List<Long> seeds, SampleOptions options, Consumer<SampleBatch> sink) {
        for (int start = 0; start < seeds.size(); start += options.batchSize()) {
            List<Long> batch = seeds.subList(start, Math.min(seeds.size(), start + options.batchSize()));
            sink.accept(sampleBatch(batch, options));
        }
    }

    /** One forward pass over {@code seeds}. */
    public SampleBatch sampleBatch(List<Long> seeds, SampleOptions options) {
        int n = seeds.size();
        int zDim = generator.zDim();
        double[] z = new double[n * zDim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(NumpyRandomState.gaussianLatent(seeds.get(i), zDim), 0, z, i * zDim, zDim);
        }
        try (NDManager scope = NDManager.newBaseManager(generator.device())) {
            NDArray zs = scope.create(z, new Shape(n, zDim));
            NDArray c = classLabels(scope, n, options.classIndex());
            NDArray ws = generator.map(zs, c, options.psi(), options.truncationCutoff());
            NDArray images = generator.synthesize(ws, options.transform());
            return new SampleBatch(List.copyOf(seeds), ws.getShape().getShape(), toFloats(ws),
                    images.getShape().getShape(), toFloats(images));
        }
    }

    private NDArray classLabels(NDManager scope, int n, Integer classIndex) {
        int cDim = generator.mapping().cDim();
        if (cDim == 0) {
            if (classIndex != null) {
                throw new IllegalArgumentException("--class " + classIndex + " given, but this model is unconditional");
            }
            return null;
        }
        if (classIndex == null || classIndex < 0 || classIndex >= cDim) {
            throw new IllegalArgumentException("this model is conditional: give a class index 0.." + (cDim - 1)
                    + (classIndex == null ? "" : " (got " + classIndex + ")"));
        }
        float[] oneHot = new float[n * cDim];
        for (int i = 0; i < n; i++) {
            oneHot[i * cDim + classIndex] = 1f;
        }
        return scope.create(oneHot, new Shape(n, cDim));
    }

    private static float[] toFloats(NDArray a) {
        return a.toType(DataType.FLOAT32, false).toFloatArray();
    }
}
