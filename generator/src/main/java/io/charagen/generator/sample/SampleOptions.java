package io.charagen.generator.sample;

import io.charagen.generator.nn.ImageTransform;

/**
 * How to draw samples: truncation psi, the number of ws layers it applies to (null: all), the class
 * of a conditional network (null: unconditional), how many seeds run in one forward pass, and a
 * move of StyleGAN3 images from the framing their network stores (null: drawn as stored).
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

    /** Options that draw the image as the checkpoint stores it. */
    public SampleOptions(double psi, Integer truncationCutoff, Integer classIndex, int batchSize) {
        this(psi, truncationCutoff, classIndex, batchSize, null);
    }
}
