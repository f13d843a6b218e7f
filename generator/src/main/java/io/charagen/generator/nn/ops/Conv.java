package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Thin wrappers over DJL's 2-D cross-correlation (PyTorch's conv2d), input first so results live in the caller's scope. */
public final class Conv {

    private Conv() {
    }

    /** Cross-correlation of {@code x} [N, I, H, W] with {@code w} [O, I/groups, kh, kw]. */
    public static NDArray conv2d(NDArray x, NDArray w, int strideY, int strideX, int padY, int padX, int groups) {
        return Conv2d.conv2d(x, w, null, new Shape(strideY, strideX), new Shape(padY, padX), new Shape(1, 1), groups)
                .singletonOrThrow();
    }

    public static NDArray conv2d(NDArray x, NDArray w, int pad) {
        return conv2d(x, w, 1, 1, pad, pad, 1);
    }
}
