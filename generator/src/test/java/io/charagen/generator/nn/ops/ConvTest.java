package io.charagen.generator.nn.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Conv.conv2d against a plain loop, for the input channel counts that PyTorch 2.7.1's CPU build
 * gets wrong on some AVX-512 CPUs (StyleGAN3-T's 51 and 40 channel layers among them); 16, 32 and
 * 48 are the control. On a machine without the fault every count passes with or without the
 * workaround; on one with it (AMD Zen 5) the counts that are not multiples of 16 fail without it.
 */
class ConvTest {

    private static final int SIZE = 84;
    private static final int OUT = 4;
    private static final int K = 3;
    private static final int PAD = 2;

    @ParameterizedTest(name = "{0} input channels")
    @ValueSource(ints = {17, 24, 40, 51, 16, 32, 48})
    void matchesAPlainLoop(int in) {
        Random random = new Random(in);
        float[] x = gaussian(random, in * SIZE * SIZE);
        float[] w = gaussian(random, OUT * in * K * K);
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            NDArray y = Conv.conv2d(m.create(x, new Shape(1, in, SIZE, SIZE)), m.create(w, new Shape(OUT, in, K, K)), PAD);
            float[] got = y.toFloatArray();
            float[] expected = plain(x, w, in);
            double error = 0;
            for (int i = 0; i < got.length; i++) {
                error = Math.max(error, Math.abs(got[i] - expected[i]));
            }
            assertTrue(error < 1e-3, in + " input channels: off by " + error);
        }
    }

    private static float[] plain(float[] x, float[] w, int in) {
        int out = SIZE + 2 * PAD - K + 1;
        float[] y = new float[OUT * out * out];
        for (int o = 0; o < OUT; o++) {
            for (int i = 0; i < out; i++) {
                for (int j = 0; j < out; j++) {
                    double sum = 0;
                    for (int c = 0; c < in; c++) {
                        for (int a = 0; a < K; a++) {
                            for (int b = 0; b < K; b++) {
                                int yy = i + a - PAD;
                                int xx = j + b - PAD;
                                if (yy >= 0 && yy < SIZE && xx >= 0 && xx < SIZE) {
                                    sum += x[(c * SIZE + yy) * SIZE + xx] * w[((o * in + c) * K + a) * K + b];
                                }
                            }
                        }
                    }
                    y[(o * out + i) * out + j] = (float) sum;
                }
            }
        }
        return y;
    }

    private static float[] gaussian(Random random, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
