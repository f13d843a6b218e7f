package io.charagen.generator.projection;

/** Hears about a projection's progress after every step (on the projecting thread). */
@FunctionalInterface
public interface ProjectionListener {

    /**
     * @param step          steps done so far, 1 to {@code steps}
     * @param steps         steps in the run
     * @param loss          this step's loss (on the noisy w the gradient was taken at)
     * @param learningRate  the learning rate of this step
     * @param noiseStrength the standard deviation of the latent noise of this step
     */
    void onStep(int step, int steps, double loss, double learningRate, double noiseStrength);
}
