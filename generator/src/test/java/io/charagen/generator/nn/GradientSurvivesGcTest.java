package io.charagen.generator.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The backward pass must not read memory the JVM may have freed since the forward pass (see
 * ops.Scalars): a garbage collection, followed by fresh direct buffers full of NaN that would reuse
 * freed memory, runs between forward and backward, and the gradient must be finite and identical,
 * bit for bit, to one taken without it. Before the fix every such pass came back NaN.
 */
class GradientSurvivesGcTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg3t-64", "sg2-64"})
    void gradientIsTheSameAfterAGarbageCollection(String name) throws Exception {
        try (Generator g = TestGenerators.fromFixture(name);
             NDManager m = NDManager.newBaseManager()) {
            float[] ws = g.map(m.randomNormal(new Shape(1, g.zDim())), null, 0.7, null).toFloatArray();
            float[] quiet = gradient(g, m, ws, false);
            for (int pass = 0; pass < 3; pass++) {
                float[] disturbed = gradient(g, m, ws, true);
                for (float v : disturbed) {
                    assertTrue(Float.isFinite(v), name + ": the gradient has non-finite values after a GC");
                }
                assertArrayEquals(quiet, disturbed, name + ": the gradient changed after a GC (pass " + pass + ")");
            }
        }
    }

    private static float[] gradient(Generator g, NDManager m, float[] ws, boolean collectGarbage) {
        try (NDManager scope = m.newSubManager()) {
            NDArray w = scope.create(ws, new Shape(1, g.numWs(), g.wDim())).duplicate();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                w.setRequiresGradient(true);
                NDArray loss = g.synthesize(w).square().mean();
                if (collectGarbage) {
                    poisonFreedMemory();
                }
                collector.backward(loss);
                return w.getGradient().toFloatArray();
            }
        }
    }

    /** Runs the GC, then fills fresh direct buffers (which may reuse what it freed) with NaN. */
    private static void poisonFreedMemory() {
        System.gc();
        for (int i = 0; i < 64; i++) {
            ByteBuffer b = ByteBuffer.allocateDirect(4096).order(ByteOrder.nativeOrder());
            while (b.remaining() >= 4) {
                b.putFloat(Float.NaN);
            }
        }
    }
}
