package io.charagen.benchmarks;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.charagen.generator.nn.discriminator.Discriminator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Latency of the discriminator as the projector uses it, on the CPU: one {@code features()} pass,
 * and one pass plus the backward pass of a feature distance to the images. Weights come from a
 * reference snapshot's D (the parity fixture sg3t-64 by default).
 *
 * <p>Settings (key=value): pkl, batch, warmup, runs.
 */
public final class DiscriminatorBenchmark {

    private DiscriminatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of(
                "pkl", "../shared/fixtures/nvlabs/sg3t-64.pkl",
                "batch", "1",
                "warmup", "2",
                "runs", "5"));
        System.out.println("== DiscriminatorBenchmark: D features and their backward pass on CPU");
        MachineInfo.print();
        System.out.println("settings: " + o);
        int batch = o.getInt("batch");
        try (Discriminator d = Discriminator.read(Path.of(o.getList("pkl").get(0)), Device.cpu())) {
            Random random = new Random(0);
            for (boolean backward : new boolean[] {false, true}) {
                for (int i = 0; i < o.getInt("warmup"); i++) {
                    runOnce(d, batch, random, backward);
                }
                double[] millis = new double[o.getInt("runs")];
                for (int i = 0; i < millis.length; i++) {
                    millis[i] = runOnce(d, batch, random, backward);
                }
                Timings t = new Timings(millis, 0, 0);
                System.out.printf("%dx%d, batch %d, %s: median %.1f ms, min %.1f ms (%d runs)%n", d.resolution(),
                        d.resolution(), batch, backward ? "features + backward" : "features", t.median(), t.min(),
                        t.runs());
            }
        }
    }

    /** One pass (and backward pass) in its own scope; returns its wall time in ms. */
    private static double runOnce(Discriminator d, int batch, Random random, boolean backward) {
        int r = d.resolution();
        float[] pixels = new float[batch * d.imgChannels() * r * r];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = random.nextFloat() * 2 - 1;
        }
        try (NDManager scope = NDManager.newBaseManager(d.device())) {
            NDArray images = scope.create(pixels, new Shape(batch, d.imgChannels(), r, r));
            long start = System.nanoTime();
            if (!backward) {
                d.features(images).forEach(NDArray::toFloatArray);
                return (System.nanoTime() - start) / 1e6;
            }
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                images.setRequiresGradient(true);
                NDList features = d.features(images);
                NDArray loss = features.get(0).square().mean();
                for (int i = 1; i < features.size(); i++) {
                    loss = loss.add(features.get(i).square().mean());
                }
                gc.backward(loss);
                images.getGradient().toFloatArray();
            }
            return (System.nanoTime() - start) / 1e6;
        }
    }
}
