package io.charagen.generator.projection;

import java.util.HashSet;
import java.util.List;

/**
 * How a projection runs. Fractions of the run ({@code learningRateRampUp}, {@code learningRateRampDown},
 * {@code noiseRampLength}) are in [0, 1]; see {@link ProjectionSchedule} for how they shape the learning
 * rate and the latent noise.
 *
 * @param steps                 Adam steps (each one synthesis forward and backward pass); 0 keeps the start
 * @param initialLearningRate   the peak learning rate
 * @param learningRateRampUp    fraction of the run over which the rate rises linearly from 0
 * @param learningRateRampDown  fraction at the end over which it falls to 0 along a half cosine
 * @param initialNoiseFactor    latent noise at the start, as a multiple of the w spread
 *                              ({@link WStatistics#spread()})
 * @param noiseRampLength       fraction of the run after which the noise has decayed (quadratically) to 0
 * @param pixelScales           downsampling factors of the pixel loss (1 = full resolution); each must
 *                              divide the generator's resolution
 * @param perceptualWeight      weight of the perceptual term (used only with a feature extractor)
 * @param seed                  seeds the latent noise, so a seed and options give the same result
 * @param wStatisticsSamples    how many mapped z samples estimate w_avg and the w spread
 */
public record ProjectionOptions(int steps, double initialLearningRate, double learningRateRampUp,
                               double learningRateRampDown, double initialNoiseFactor, double noiseRampLength,
                               List<Integer> pixelScales, double perceptualWeight, long seed,
                               int wStatisticsSamples) {

    /**
     * The CLI default step count of a projection from w_avg (with a head encoder's start the default is
     * 0); see the package documentation for its cost.
     */
    public static final int DEFAULT_STEPS = 100;

    public ProjectionOptions {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be at least 0, got " + steps);
        }
        requirePositive("initialLearningRate", initialLearningRate);
        requireFraction("learningRateRampUp", learningRateRampUp);
        requireFraction("learningRateRampDown", learningRateRampDown);
        if (!(initialNoiseFactor >= 0) || Double.isInfinite(initialNoiseFactor)) {
            throw new IllegalArgumentException("initialNoiseFactor must be a finite number >= 0, got "
                    + initialNoiseFactor);
        }
        requireFraction("noiseRampLength", noiseRampLength);
        if (pixelScales == null || pixelScales.isEmpty()) {
            throw new IllegalArgumentException("pixelScales must name at least one scale (1 = full resolution)");
        }
        pixelScales = List.copyOf(pixelScales);
        for (int scale : pixelScales) {
            if (scale < 1) {
                throw new IllegalArgumentException("pixelScales must be downsampling factors >= 1, got " + scale);
            }
        }
        if (new HashSet<>(pixelScales).size() != pixelScales.size()) {
            throw new IllegalArgumentException("pixelScales repeats a scale: " + pixelScales);
        }
        if (!(perceptualWeight >= 0) || Double.isInfinite(perceptualWeight)) {
            throw new IllegalArgumentException("perceptualWeight must be a finite number >= 0, got "
                    + perceptualWeight);
        }
        if (wStatisticsSamples < 2) {
            throw new IllegalArgumentException("wStatisticsSamples must be at least 2, got " + wStatisticsSamples);
        }
    }

    /**
     * The defaults: {@value #DEFAULT_STEPS} steps, learning rate 0.1 ramped up over the first 5% and
     * down over the last 25%, noise 0.05 of the w spread decaying to 0 at 75%, pixel loss at full, 1/2
     * and 1/4 resolution, perceptual weight 1, seed 0, w statistics from 4096 samples.
     */
    public static ProjectionOptions defaults() {
        return new ProjectionOptions(DEFAULT_STEPS, 0.1, 0.05, 0.25, 0.05, 0.75, List.of(1, 2, 4), 1.0, 0, 4096);
    }

    public ProjectionOptions withSteps(int value) {
        return new ProjectionOptions(value, initialLearningRate, learningRateRampUp, learningRateRampDown,
                initialNoiseFactor, noiseRampLength, pixelScales, perceptualWeight, seed, wStatisticsSamples);
    }

    public ProjectionOptions withInitialLearningRate(double value) {
        return new ProjectionOptions(steps, value, learningRateRampUp, learningRateRampDown,
                initialNoiseFactor, noiseRampLength, pixelScales, perceptualWeight, seed, wStatisticsSamples);
    }

    public ProjectionOptions withLearningRateRamps(double rampUp, double rampDown) {
        return new ProjectionOptions(steps, initialLearningRate, rampUp, rampDown,
                initialNoiseFactor, noiseRampLength, pixelScales, perceptualWeight, seed, wStatisticsSamples);
    }

    public ProjectionOptions withNoise(double initialFactor, double rampLength) {
        return new ProjectionOptions(steps, initialLearningRate, learningRateRampUp, learningRateRampDown,
                initialFactor, rampLength, pixelScales, perceptualWeight, seed, wStatisticsSamples);
    }

    public ProjectionOptions withPixelScales(List<Integer> value) {
        return new ProjectionOptions(steps, initialLearningRate, learningRateRampUp, learningRateRampDown,
                initialNoiseFactor, noiseRampLength, value, perceptualWeight, seed, wStatisticsSamples);
    }

    public ProjectionOptions withPerceptualWeight(double value) {
        return new ProjectionOptions(steps, initialLearningRate, learningRateRampUp, learningRateRampDown,
                initialNoiseFactor, noiseRampLength, pixelScales, value, seed, wStatisticsSamples);
    }

    public ProjectionOptions withSeed(long value) {
        return new ProjectionOptions(steps, initialLearningRate, learningRateRampUp, learningRateRampDown,
                initialNoiseFactor, noiseRampLength, pixelScales, perceptualWeight, value, wStatisticsSamples);
    }

    public ProjectionOptions withWStatisticsSamples(int value) {
        return new ProjectionOptions(steps, initialLearningRate, learningRateRampUp, learningRateRampDown,
                initialNoiseFactor, noiseRampLength, pixelScales, perceptualWeight, seed, value);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0, got " + value);
        }
    }

    private static void requireFraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be a fraction of the run in [0, 1], got " + value);
        }
    }
}
