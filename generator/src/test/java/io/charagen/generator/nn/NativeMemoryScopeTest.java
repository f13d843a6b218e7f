package io.charagen.generator.nn;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.charagen.generator.FixtureFiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Forward and backward passes create every array on the caller's manager, none on the network's:
 * closing the caller's scope frees all of it, so a loop over thousands of images holds steady memory.
 */
class NativeMemoryScopeTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void passesLeaveNothingOnTheNetworksManager(String name) throws Exception {
        try (Generator g = TestGenerators.fromFixture(name); NDManager base = NDManager.newBaseManager()) {
            int weights = g.ownedArrayCount();
            for (int i = 0; i < 3; i++) {
                try (NDManager scope = base.newSubManager()) {
                    NDArray z = scope.randomNormal(new Shape(2, g.zDim()));
                    NDArray ws = g.map(z, null, 0.7, 4);
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        ws.setRequiresGradient(true);
                        gc.backward(g.synthesize(ws).sum());
                    }
                    assertTrue(scope.getManagedArrays().size() > 0);
                }
                assertEquals(weights, g.ownedArrayCount(), name + ": arrays left on the network's manager");
            }
            assertEquals(0, base.getManagedArrays().size(), name + ": arrays outlived their scope");
        }
    }
}
