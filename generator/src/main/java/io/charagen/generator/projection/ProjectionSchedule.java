package io.charagen.generator.projection;

/**
 * The learning rate and latent-noise schedules of a projection (StyleGAN2, Appendix D), as functions
 * of the run's progress t in [0, 1].
 */
public final class ProjectionSchedule {

    private ProjectionSchedule() {
    }

    /**
     * The progress of step {@code step} (0-based) of {@code steps}: the middle of its slice of the run,
     * so neither the first nor the last step falls on a zero learning rate.
     */
    public static double progress(int step, int steps) {
        if (steps < 1 || step < 0 || step >= steps) {
            throw new IllegalArgumentException("step " + step + " is outside a run of " + steps + " steps");
        }
        return (step + 0.5) / steps;
    }

    /**
     * The initial rate, scaled by a linear ramp from 0 over the first {@code learningRateRampUp} of the
     * run and by a half-cosine ramp down to 0 over the last {@code learningRateRampDown}.
     */
    public static double learningRate(ProjectionOptions options, double t) {
        double down = ramp(1 - t, options.learningRateRampDown());
        double up = ramp(t, options.learningRateRampUp());
        return options.initialLearningRate() * (0.5 - 0.5 * Math.cos(down * Math.PI)) * up;
    }

    /**
     * The standard deviation of the noise added to w: {@code initialNoiseFactor * spread} at the start,
     * decaying quadratically to 0 at {@code noiseRampLength} of the run, 0 after.
     */
    public static double noiseStrength(ProjectionOptions options, double spread, double t) {
        if (options.noiseRampLength() == 0) {
            return 0;
        }
        double remaining = Math.max(0, 1 - t / options.noiseRampLength());
        return spread * options.initialNoiseFactor() * remaining * remaining;
    }

    /** min(1, x / length), where a ramp of length 0 is always complete. */
    private static double ramp(double x, double length) {
        return length == 0 ? 1 : Math.min(1, Math.max(0, x) / length);
    }
}
