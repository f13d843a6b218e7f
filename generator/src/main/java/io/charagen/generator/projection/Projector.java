package io.charagen.generator.projection;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.charagen.generator.nn.FeatureExtractor;
import io.charagen.generator.nn.Generator;

import java.time.Duration;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Finds the W+ latent whose image best matches a target image (Image2StyleGAN's extended latent space,
 * optimised the way StyleGAN2 projects: Adam with a ramped learning rate and latent noise that decays
 * to zero). Every layer's w starts at w_avg, or at given ws (a head encoder's prediction, which the
 * projection then refines), and moves independently. The loss is the masked pixel loss
 * at several scales ({@link PixelLoss}) plus, when a feature extractor is given, a perceptual term
 * ({@link PerceptualLoss}).
 *
 * <p>A projection is deterministic: the latent noise is drawn on the host from the options' seed, so the
 * same seed and options give the same w on the same device. Each step's arrays live in a scope closed
 * at the end of the step; only w and Adam's moments outlive it. Not thread-safe: one projection at a time.
 */
public final class Projector {

    /** Seeds the z samples of the w statistics, which belong to the generator, not to one projection. */
    private static final long STATISTICS_SEED = 123;

    private final Generator generator;
    private final FeatureExtractor perceptual; // null: pixels only
    private WStatistics statistics;            // computed on first use, kept for the same sample count

    /** A projector that compares pixels only. */
    public Projector(Generator generator) {
        this(generator, null);
    }

    /**
     * @param perceptual feature network for the perceptual term, or null for pixels only; its resolution
     *                   must be an integer multiple or fraction of the generator's
     * @throws IllegalArgumentException for a generator with a palette output, which has no gradient
     *                                  through its image
     */
    public Projector(Generator generator, FeatureExtractor perceptual) {
        this.generator = Objects.requireNonNull(generator, "generator");
        if (generator.hasPaletteOutput()) {
            throw new IllegalArgumentException("the model whose palette head is " + generator.paletteOutput().source()
                    + " draws through a palette output (argmax of class logits, then a palette lookup), which has"
                    + " no gradient: it cannot be projected");
        }
        this.perceptual = perceptual;
        if (perceptual != null) {
            int a = Math.max(perceptual.resolution(), generator.resolution());
            int b = Math.min(perceptual.resolution(), generator.resolution());
            if (b < 1 || a % b != 0) {
                throw new IllegalArgumentException("the feature extractor's resolution " + perceptual.resolution()
                        + " must be an integer multiple or fraction of the generator's " + generator.resolution());
            }
        }
        if (generator.mapping().cDim() > 0) {
            throw new IllegalArgumentException("projection needs an unconditional generator; this one has c_dim "
                    + generator.mapping().cDim());
        }
    }

    /** The w statistics for {@code samples} mapped z, computed once and then reused. */
    public WStatistics statistics(int samples) {
        if (statistics == null || statistics.samples() != samples) {
            statistics = WStatistics.estimate(generator, samples, STATISTICS_SEED);
        }
        return statistics;
    }

    /** Projects {@code targetChw} into W+ from w_avg on every layer: the overload below without a start. */
    public ProjectionResult project(float[] targetChw, float[] mask, ProjectionOptions options,
                                    ProjectionListener listener, BooleanSupplier cancelled) {
        return project(targetChw, mask, null, options, listener, cancelled);
    }

    /**
     * Projects {@code targetChw} into W+, starting from {@code startWs}. With 0 steps the result is
     * the start itself and its loss (the w statistics are then not needed, so not computed).
     *
     * @param targetChw the target image, [3 * H * W] channel-major, values in [-1, 1], H = W = the
     *                  generator's resolution
     * @param mask      per-pixel weight, [H * W] in [0, 1]; 0 leaves a pixel out entirely
     * @param startWs   where w starts, [num_ws * w_dim] row-major; null for w_avg on every layer
     * @param listener  hears every step, or null
     * @param cancelled asked before every step, or null; when it answers true the projection stops
     * @throws CancellationException    when cancelled, naming the step reached
     * @throws IllegalArgumentException when the target, mask or start has the wrong size or bad values,
     *                                  or a pixel scale does not divide the resolution
     */
    public ProjectionResult project(float[] targetChw, float[] mask, float[] startWs, ProjectionOptions options,
                                    ProjectionListener listener, BooleanSupplier cancelled) {
        Objects.requireNonNull(options, "options");
        int resolution = generator.resolution();
        checkTarget(targetChw, resolution);
        checkMask(mask, resolution);
        checkStart(startWs);
        for (int scale : options.pixelScales()) {
            if (resolution % scale != 0) {
                throw new IllegalArgumentException("pixel scale " + scale + " does not divide the generator's"
                        + " resolution " + resolution);
            }
        }
        long start = System.nanoTime();
        int steps = options.steps();
        // w_avg is the start without one; the spread scales the noise of every step.
        WStatistics stats = startWs == null || steps > 0 ? statistics(options.wStatisticsSamples()) : null;
        int numWs = generator.numWs();
        int wDim = generator.wDim();
        Shape wShape = new Shape(1, numWs, wDim);
        double[] history = new double[steps];
        Random noiseSource = new Random(options.seed());
        float[] noise = new float[numWs * wDim];

        try (NDManager projection = NDManager.newBaseManager(generator.device())) {
            NDArray target = projection.create(targetChw, new Shape(1, 3, resolution, resolution));
            NDArray maskArray = projection.create(mask, new Shape(1, 1, resolution, resolution));
            Loss loss = new Loss(new PixelLoss(target, maskArray, options.pixelScales()),
                    perceptual != null && options.perceptualWeight() > 0
                            ? new PerceptualLoss(perceptual, target, maskArray, options.perceptualWeight())
                            : null);
            NDArray w = projection.create(startWs != null ? startWs : tile(stats.mean(), numWs), wShape);
            try (Adam adam = new Adam(projection, wShape)) {
                for (int step = 0; step < steps; step++) {
                    if (cancelled != null && cancelled.getAsBoolean()) {
                        throw new CancellationException("projection cancelled after step " + step + " of " + steps);
                    }
                    double t = ProjectionSchedule.progress(step, steps);
                    double learningRate = ProjectionSchedule.learningRate(options, t);
                    double noiseStrength = ProjectionSchedule.noiseStrength(options, stats.spread(), t);
                    for (int i = 0; i < noise.length; i++) {
                        noise[i] = (float) (noiseSource.nextGaussian() * noiseStrength);
                    }
                    history[step] = descend(projection, loss, w, noise, adam, learningRate, step, steps);
                    if (listener != null) {
                        listener.onStep(step + 1, steps, history[step], learningRate, noiseStrength);
                    }
                }
            }
            double finalLoss;
            try (NDManager scope = projection.newSubManager()) {
                finalLoss = loss.of(generator.synthesize(scope.zeros(wShape).addi(w))).getFloat();
            }
            float[] ws = w.toFloatArray();
            return new ProjectionResult(ws, numWs, wDim, steps, finalLoss, history,
                    Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** One Adam step from the gradient at w + noise; returns the loss there. */
    private double descend(NDManager projection, Loss loss, NDArray w, float[] noise, Adam adam, double learningRate,
                           int step, int steps) {
        try (NDManager scope = projection.newSubManager()) {
            // The gradient is taken at the noisy w; since the noise is added, it is also w's.
            NDArray noisy = w.add(scope.create(noise, w.getShape()));
            noisy.attach(scope);
            NDArray gradient;
            float value;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                noisy.setRequiresGradient(true);
                NDArray total = loss.of(generator.synthesize(noisy));
                collector.backward(total);
                value = total.getFloat();
                gradient = noisy.getGradient();
            }
            if (!Float.isFinite(value) || !Float.isFinite(gradient.abs().sum().getFloat())) {
                throw new IllegalStateException("projection step " + (step + 1) + " of " + steps
                        + ": the loss or its gradient is not finite (loss " + value + ")");
            }
            adam.step(w, gradient, learningRate);
            return value;
        }
    }

    /** The pixel loss plus the optional perceptual term. */
    private record Loss(PixelLoss pixels, PerceptualLoss perceptual) {
        NDArray of(NDArray images) {
            NDArray value = pixels.loss(images);
            return perceptual == null ? value : value.add(perceptual.loss(images));
        }
    }

    private static float[] tile(float[] w, int times) {
        float[] out = new float[w.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(w, 0, out, i * w.length, w.length);
        }
        return out;
    }

    private void checkStart(float[] startWs) {
        if (startWs == null) {
            return;
        }
        int expected = generator.numWs() * generator.wDim();
        if (startWs.length != expected) {
            throw new IllegalArgumentException("the start ws must hold num_ws * w_dim = " + generator.numWs() + " * "
                    + generator.wDim() + " = " + expected + " values, got " + startWs.length);
        }
        for (int i = 0; i < startWs.length; i++) {
            if (!Float.isFinite(startWs[i])) {
                throw new IllegalArgumentException("start ws value " + i + " is not finite: " + startWs[i]);
            }
        }
    }

    private static void checkTarget(float[] target, int resolution) {
        int expected = 3 * resolution * resolution;
        if (target == null || target.length != expected) {
            throw new IllegalArgumentException("target must hold 3 * " + resolution + " * " + resolution + " = "
                    + expected + " values (RGB, channel-major, at the generator's resolution), got "
                    + (target == null ? "null" : target.length));
        }
        for (int i = 0; i < target.length; i++) {
            if (!Float.isFinite(target[i])) {
                throw new IllegalArgumentException("target value " + i + " is not finite: " + target[i]);
            }
        }
    }

    private static void checkMask(float[] mask, int resolution) {
        int expected = resolution * resolution;
        if (mask == null || mask.length != expected) {
            throw new IllegalArgumentException("mask must hold " + resolution + " * " + resolution + " = "
                    + expected + " values (one per pixel), got " + (mask == null ? "null" : mask.length));
        }
        boolean any = false;
        for (int i = 0; i < mask.length; i++) {
            if (!(mask[i] >= 0 && mask[i] <= 1)) {
                throw new IllegalArgumentException("mask value " + i + " must be in [0, 1], got " + mask[i]);
            }
            any |= mask[i] > 0;
        }
        if (!any) {
            throw new IllegalArgumentException("mask is 0 everywhere: nothing to project");
        }
    }
}
