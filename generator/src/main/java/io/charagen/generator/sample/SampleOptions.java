package io.charagen.generator.sample;

import io.charagen.generator.nn.ImageTransform;

/**
 * How to draw samples: truncation psi, the number of ws layers it applies to (null: all), the class
 * of a conditional network (null: unconditional), how many seeds run in one forward pass, and a
 * translation/rotation of StyleGAN3 images (null: none).
 */
public record SampleOptions(double psi, Integer truncationCutoff, Integer classIndex, int batchSize,
                            ImageTransform transform) {

    public SampleOptions {
        if (!Double.isFinite(psi)) {
            throw new IllegalArgumentException("psi must be a finite number, got " + psi);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
    }

    /** Options that leave the image where the checkpoint puts it. */
    public SampleOptions(double psi, Integer truncationCutoff, Integer classIndex, int batchSize) {
        this(psi, truncationCutoff, classIndex, batchSize, null);
    }
}
