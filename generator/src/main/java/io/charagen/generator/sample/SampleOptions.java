package io.charagen.generator.sample;

/**
 * How to draw samples: truncation psi, the number of ws layers it applies to (null: all), the class
 * of a conditional network (null: unconditional), and how many seeds run in one forward pass.
 */
public record SampleOptions(double psi, Integer truncationCutoff, Integer classIndex, int batchSize) {

    public SampleOptions {
        if (!Double.isFinite(psi)) {
            throw new IllegalArgumentException("psi must be a finite number, got " + psi);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    public static SampleOptions defaults() {
        return new SampleOptions(1.0, null, null, 8);
    }
}
