package io.charagen.generator.nn.discriminator;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.charagen.generator.FixtureFiles;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Passes create every array on the images' manager, none on the discriminator's: a projection that
 * closes a sub-manager per step holds steady memory.
 */
class DiscriminatorMemoryTest {

    @Test
    void passesLeaveNothingOnTheDiscriminatorsManager() throws Exception {
        try (Discriminator d = Discriminator.read(FixtureFiles.pkl("sg3t-64"), Device.cpu());
             NDManager base = NDManager.newBaseManager(Device.cpu())) {
            int weights = d.ownedArrayCount();
            for (int i = 0; i < 3; i++) {
                try (NDManager step = base.newSubManager()) {
                    NDArray images = step.randomUniform(-1, 1, new Shape(4, 3, 64, 64));
                    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                        images.setRequiresGradient(true);
                        NDList features = d.features(images);
                        gc.backward(features.get(0).square().mean().add(d.logits(images).sum()));
                    }
                    assertTrue(step.getManagedArrays().size() > 0);
                }
                assertEquals(weights, d.ownedArrayCount(), "arrays left on the discriminator's manager");
            }
            assertEquals(0, base.getManagedArrays().size(), "arrays outlived their scope");
        }
    }
}
