package io.charagen.generator.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StyleMixingTest {

    /** ws [1, 3, 2] with rows (0, 0), (1, 1), (2, 2); source rows (10, 10), (20, 20), (30, 30). */
    @Test
    void replaceAndLerpTouchOnlyTheChosenLayers() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray ws = m.create(new float[] {0, 0, 1, 1, 2, 2}, new Shape(1, 3, 2));
            NDArray source = m.create(new float[] {10, 10, 20, 20, 30, 30}, new Shape(1, 3, 2));
            assertArrayEquals(new float[] {0, 0, 20, 20, 2, 2},
                    StyleMixing.replace(ws, source, List.of(1)).toFloatArray());
            assertArrayEquals(new float[] {5, 5, 1, 1, 16, 16},
                    StyleMixing.lerp(ws, source, List.of(0, 2), 0.5).toFloatArray());
            assertArrayEquals(ws.toFloatArray(), StyleMixing.lerp(ws, source, List.of(0, 1, 2), 0).toFloatArray());
            // A preset's w values come unbatched, [num_ws, w_dim].
            NDArray preset = m.create(new float[] {10, 10, 20, 20, 30, 30}, new Shape(3, 2));
            assertArrayEquals(new float[] {0, 0, 1, 1, 30, 30},
                    StyleMixing.replace(ws, preset, List.of(2)).toFloatArray());
            assertThrows(IllegalArgumentException.class, () -> StyleMixing.replace(ws, source, List.of(3)));
        }
    }

    @Test
    void interpolateIsLinear() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray a = m.create(new float[] {0, 10});
            NDArray b = m.create(new float[] {4, 20});
            assertArrayEquals(new float[] {1, 12.5f}, StyleMixing.interpolate(a, b, 0.25).toFloatArray());
        }
    }
}
