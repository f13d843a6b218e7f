package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Adam against its update rule worked by hand on f(x) = sum(a * x^2) / 2, whose gradient is a * x. */
class AdamTest {

    @Test
    void twoStepsMatchTheHandComputedUpdate() {
        double[] a = {1, 4, 0.25};
        double[] x = {1, -2, 3};
        double lr = 0.1;
        try (NDManager m = NDManager.newBaseManager(); Adam adam = new Adam(m, new Shape(3))) {
            NDArray param = m.create(new float[] {1, -2, 3});
            NDArray curvature = m.create(new float[] {1, 4, 0.25f});
            for (int step = 0; step < 2; step++) {
                adam.step(param, param.mul(curvature), lr);
            }
            // Step 1: m = 0.1 g1, v = 0.001 g1^2; bias-corrected they are g1 and g1^2, so x moves by lr * sign(g1).
            // Step 2: m = 0.09 g1 + 0.1 g2, v = 0.000999 g1^2 + 0.001 g2^2, corrected by 1 - 0.9^2 and 1 - 0.999^2.
            float[] got = param.toFloatArray();
            for (int i = 0; i < 3; i++) {
                double g1 = a[i] * x[i];
                double x1 = x[i] - lr * g1 / (Math.abs(g1) + 1e-8);
                double g2 = a[i] * x1;
                double mHat = (0.09 * g1 + 0.1 * g2) / (1 - 0.81);
                double vHat = (0.000999 * g1 * g1 + 0.001 * g2 * g2) / (1 - 0.998001);
                double x2 = x1 - lr * mHat / (Math.sqrt(vHat) + 1e-8);
                assertEquals(x2, got[i], 1e-6, "component " + i + " after two steps");
            }
            assertEquals(2, adam.stepCount());
        }
    }

    @Test
    void stepsLeaveNoArraysBehind() {
        try (NDManager m = NDManager.newBaseManager(); Adam adam = new Adam(m, new Shape(4))) {
            NDArray param = m.ones(new Shape(4));
            int before = m.getManagedArrays().size();
            for (int i = 0; i < 10; i++) {
                try (NDManager step = m.newSubManager()) {
                    adam.step(param, step.ones(new Shape(4)), 0.01);
                }
            }
            assertEquals(before, m.getManagedArrays().size(), "arrays outlived their step");
        }
    }

    @Test
    void refusesAGradientOfAnotherShape() {
        try (NDManager m = NDManager.newBaseManager(); Adam adam = new Adam(m, new Shape(4))) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> adam.step(m.ones(new Shape(4)), m.ones(new Shape(5)), 0.1));
            assertEquals(true, e.getMessage().contains("(4)"), e.getMessage());
        }
    }
}
