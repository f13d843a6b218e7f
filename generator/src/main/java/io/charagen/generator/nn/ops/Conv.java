package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** Thin wrappers over DJL's 2-D cross-correlation (PyTorch's conv2d), input first so results live in the caller's scope. */
public final class Conv {

    /**
     * PyTorch 2.7.1's CPU build (through oneDNN) returns wrong numbers, off by whole units, for
     * ungrouped convolutions with a kernel larger than 1 x 1 whose input channels are not a
     * multiple of 16, on large enough images, on some AVX-512 CPUs (seen on AMD Zen 5: 17, 24, 33,
     * 40 and 51 input channels at 84 x 84 fail; 16, 32, 48 and 64 do not). Zero channels added
     * to the input and the weight leave the result unchanged and take the correct path. The
     * output channels are padded too (zero filters, cut off again), because the backward pass
     * convolves the output's gradient, whose channels are then the input channels.
     */
    static final int CHANNEL_MULTIPLE = 16;

    private Conv() {
    }

    /** Cross-correlation of {@code x} [N, I, H, W] with {@code w} [O, I/groups, kh, kw]. */
    public static NDArray conv2d(NDArray x, NDArray w, int strideY, int strideX, int padY, int padX, int groups) {
        Shape ws = w.getShape();
        long out = ws.get(0);
        long in = ws.get(1);
        boolean pad = groups == 1 && ws.get(2) * ws.get(3) > 1
                && (in % CHANNEL_MULTIPLE != 0 || out % CHANNEL_MULTIPLE != 0);
        if (pad) {
            // Made on the input's manager (the caller's scope): w belongs to the network, whose
            // manager must not collect a padded copy per pass.
            NDManager m = x.getManager();
            long extraIn = padding(in);
            if (extraIn > 0) {
                Shape xs = x.getShape();
                x = x.concat(m.zeros(new Shape(xs.get(0), extraIn, xs.get(2), xs.get(3)), x.getDataType()), 1);
            }
            NDArray padded = m.zeros(new Shape(out + padding(out), in + extraIn, ws.get(2), ws.get(3)), w.getDataType());
            padded.set(new NDIndex(":{}, :{}", out, in), w);
            w = padded;
        }
        NDArray y = Conv2d.conv2d(x, w, null, new Shape(strideY, strideX), new Shape(padY, padX), new Shape(1, 1), groups)
                .singletonOrThrow();
        return pad && padding(out) > 0 ? y.get(new NDIndex(":, :{}", out)) : y;
    }

    private static long padding(long channels) {
        return (CHANNEL_MULTIPLE - channels % CHANNEL_MULTIPLE) % CHANNEL_MULTIPLE;
    }

    public static NDArray conv2d(NDArray x, NDArray w, int pad) {
        return conv2d(x, w, 1, 1, pad, pad, 1);
    }
}
