package io.charagen.generator.nn.ops;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class BiasActTest {

    /**
     * A network's bias lives on the network's manager, which stays open for the generator's life:
     * anything a forward pass leaves there accumulates with every image (MemoryBenchmark found it).
     */
    @Test
    void addingABiasLeavesNothingOnTheBiasManager() {
        try (NDManager network = NDManager.newBaseManager(Device.cpu());
             NDManager scope = NDManager.newBaseManager(Device.cpu())) {
            NDArray bias = BiasAct.channelBias(network.create(new float[] {1, -2}));
            int before = network.getManagedArrays().size();
            NDArray y = BiasAct.addChannelBias(scope.zeros(new Shape(1, 2, 1, 2)), bias);
            assertEquals(before, network.getManagedArrays().size(), "arrays left on the network's manager");
            assertArrayEquals(new float[] {1, 1, -2, -2}, y.toFloatArray());
        }
    }
}
