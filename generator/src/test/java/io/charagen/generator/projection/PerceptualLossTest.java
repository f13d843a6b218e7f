package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.nn.FeatureExtractor;
import io.charagen.generator.nn.ops.Conv;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The perceptual term with a small fixed feature network (two random 3x3 convolutions at 32 x 32). */
class PerceptualLossTest {

    /** Two feature maps: a random 3x3 convolution of the image and the same of its 2x pooled version. */
    record RandomFeatures(NDArray kernel) implements FeatureExtractor {
        @Override
        public int resolution() {
            return 32;
        }

        @Override
        public NDList features(NDArray images) {
            assertEquals(new Shape(1, 3, 32, 32), images.getShape(), "images reach the extractor at its resolution");
            return new NDList(Conv.conv2d(images, kernel, 1), Conv.conv2d(PixelLoss.pool(images, 2), kernel, 1));
        }
    }

    @Test
    void zeroForTheTargetItselfAndPositiveOtherwise() {
        try (NDManager m = NDManager.newBaseManager()) {
            m.getEngine().setRandomSeed(3);
            FeatureExtractor extractor = new RandomFeatures(m.randomNormal(new Shape(8, 3, 3, 3)));
            NDArray target = m.randomUniform(-1, 1, new Shape(1, 3, 64, 64));
            NDArray mask = m.ones(new Shape(1, 1, 64, 64));
            PerceptualLoss loss = new PerceptualLoss(extractor, target, mask, 2.0);
            assertEquals(0, loss.loss(target.duplicate()).getFloat(), 1e-7);
            float other = loss.loss(m.randomUniform(-1, 1, new Shape(1, 3, 64, 64))).getFloat();
            assertTrue(other > 0.01, "loss of an unrelated image " + other);
        }
    }

    @Test
    void resamplesByIntegerFactorsOnly() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray images = m.arange(16f).reshape(1, 1, 4, 4);
            NDArray down = PerceptualLoss.resample(images, 2);
            assertEquals(new Shape(1, 1, 2, 2), down.getShape());
            assertEquals(2.5f, down.getFloat(0, 0, 0, 0), "mean of 0, 1, 4, 5");
            NDArray up = PerceptualLoss.resample(images, 8);
            assertEquals(new Shape(1, 1, 8, 8), up.getShape());
            assertEquals(5f, up.getFloat(0, 0, 3, 2), "pixel (1, 1) repeated");
            assertThrows(IllegalArgumentException.class, () -> PerceptualLoss.resample(images, 3));
        }
    }
}
