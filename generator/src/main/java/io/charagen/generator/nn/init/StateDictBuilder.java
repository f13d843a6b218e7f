package io.charagen.generator.nn.init;

import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.StateDict;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Collects named float32 tensors in insertion order (the order a state dict lists them), drawing
 * random values from one seeded stream so the same seed always gives the same network.
 */
final class StateDictBuilder {

    private final Random random;
    private final Map<String, HostTensor> tensors = new LinkedHashMap<>();

    StateDictBuilder(long seed) {
        this.random = new Random(seed);
    }

    /** Samples of N(0, scale^2). */
    void gaussian(String name, double scale, long... dims) {
        float[] v = new float[size(dims)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * scale);
        }
        put(name, v, dims);
    }

    void constant(String name, double value, long... dims) {
        float[] v = new float[size(dims)];
        Arrays.fill(v, (float) value);
        put(name, v, dims);
    }

    void put(String name, float[] values, long... dims) {
        if (tensors.containsKey(name)) {
            throw new IllegalStateException("tensor '" + name + "' added twice");
        }
        tensors.put(name, HostTensor.ofFloats(new Shape(dims), values));
    }

    /** A uniform sample in [0, 1) from the same stream. */
    double uniform() {
        return random.nextDouble();
    }

    StateDict build(String source) {
        return new StateDict(source, tensors);
    }

    private static int size(long... dims) {
        long n = 1;
        for (long d : dims) {
            n *= d;
        }
        return Math.toIntExact(n);
    }
}
