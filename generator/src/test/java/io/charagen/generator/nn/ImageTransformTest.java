package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.FixtureFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTransformTest {

    @Test
    void inverseOfRotationThenTranslation() {
        // Rotating by 90 degrees: c = 0, s = 1; the inverse maps back through -t rotated.
        float[] m = new ImageTransform(0.5, -0.25, 90).inverseMatrix();
        float[] expected = {0, -1, -0.25f, 1, 0, -0.5f, 0, 0, 1};
        assertArrayEquals(expected, m, 1e-7f);
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, ImageTransform.IDENTITY.inverseMatrix(), 0f);
    }

    @Test
    void movingFromTheIdentityIsGenImagesBufferExactly() {
        ImageTransform move = new ImageTransform(0.1, 0, 10);
        assertArrayEquals(move.inverseMatrix(), move.movedFrom(ImageTransform.IDENTITY.inverseMatrix()), 0f);
    }

    @Test
    void aMoveStartsFromTheStoredFramingAndMovesCompose() {
        // Stored: turned by 90 degrees. Moving by -90 gives the identity back.
        float[] stored = new ImageTransform(0, 0, 90).inverseMatrix();
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, new ImageTransform(0, 0, -90).movedFrom(stored), 1e-7f);
        // Moved by M = (rotate 25, then shift (0.2, -0.1)); then by M^-1 = (shift back), then (rotate -25).
        float[] turned = new ImageTransform(0.3, 0.05, 17).inverseMatrix();
        float[] moved = new ImageTransform(0.2, -0.1, 25).movedFrom(turned);
        float[] back = new ImageTransform(0, 0, -25).movedFrom(new ImageTransform(-0.2, 0.1, 0).movedFrom(moved));
        assertArrayEquals(turned, back, 1e-6f);
        // S M^-1 samples pixel x at S (x - t): the image as stored, shifted by t.
        float[] shifted = new ImageTransform(0.5, 0, 0).movedFrom(stored);
        assertArrayEquals(new float[] {0, -1, 0, 1, 0, -0.5f, 0, 0, 1}, shifted, 1e-7f);
    }

    @Test
    void identityKeepsTheReferenceImageAndAShiftMovesIt() throws Exception {
        try (Generator g = TestGenerators.fromFixture("sg3t-64"); NDManager m = NDManager.newBaseManager()) {
            NDArray ws = FixtureFiles.arrays(m, "sg3t-64").get("ws/1/1.0");
            NDArray reference = FixtureFiles.arrays(m, "sg3t-64").get("img/1/1.0");
            assertTrue(FixtureFiles.maxAbsDiff(g.synthesize(ws, ImageTransform.IDENTITY), reference) < 1e-4);
            NDArray shifted = g.synthesize(ws, new ImageTransform(0.25, 0, 0));
            assertTrue(FixtureFiles.maxAbsDiff(shifted, reference) > 1e-2, "a quarter-width shift changes the image");
        }
    }

    @Test
    void styleGan2RefusesATransform() throws Exception {
        try (Generator g = TestGenerators.fromFixture("sg2-64"); NDManager m = NDManager.newBaseManager()) {
            NDArray ws = m.zeros(new Shape(1, g.numWs(), g.wDim()));
            assertThrows(IllegalArgumentException.class, () -> g.synthesize(ws, ImageTransform.IDENTITY));
        }
    }
}
