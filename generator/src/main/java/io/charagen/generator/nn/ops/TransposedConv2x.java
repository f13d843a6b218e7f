package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * A stride-2 transposed convolution (the input with zeros inserted between samples, fully
 * convolved with the kernel), computed polyphase: each of the four output phases is an ordinary
 * convolution of the input with every other tap of the kernel, so inserted zeros are never
 * multiplied. The result has {@link #excess()} extra zero samples at the end of each axis.
 */
public final class TransposedConv2x {

    private final int outChannels;
    private final int kernel;
    private final int phaseTaps;   // ceil(k / 2)
    private final NDArray phases;  // [4 O, I, Kp, Kp], phase (ry, rx) in rows (2 ry + rx) O .. + O - 1

    /** @param weight [O, I, k, k] row-major */
    public TransposedConv2x(NDManager manager, float[] weight, int outChannels, int inChannels, int kernel) {
        this.outChannels = outChannels;
        this.kernel = kernel;
        this.phaseTaps = (kernel + 1) / 2;
        int taps = phaseTaps * phaseTaps;
        int kernelSize = kernel * kernel;
        float[] k = new float[4 * outChannels * inChannels * taps];
        for (int o = 0; o < outChannels; o++) {
            for (int i = 0; i < inChannels; i++) {
                // The four flipped phase kernels of this (o, i) pair, as Fir's 2-D upsampling uses them.
                int src = (o * inChannels + i) * kernelSize;
                float[] phased = Fir.phaseKernels2d(Arrays.copyOfRange(weight, src, src + kernelSize), kernel, 2, 1);
                for (int phase = 0; phase < 4; phase++) {
                    int dst = ((phase * outChannels + o) * inChannels + i) * taps;
                    System.arraycopy(phased, phase * taps, k, dst, taps);
                }
            }
        }
        this.phases = manager.create(k, new Shape(4L * outChannels, inChannels, phaseTaps, phaseTaps));
    }

    /** Extra trailing zero samples per axis beyond the (H - 1) 2 + k of a transposed convolution. */
    public int excess() {
        return 2 * phaseTaps - kernel;
    }

    /** x [N, I, H, W] to [N, O, 2 (H + Kp - 1), 2 (W + Kp - 1)]. */
    public NDArray apply(NDArray x) {
        NDArray y = Conv.conv2d(x, phases, phaseTaps - 1); // [N, 4 O, Hq, Wq]
        Shape s = y.getShape();
        long n = s.get(0);
        long hq = s.get(2);
        long wq = s.get(3);
        // Phase (ry, rx) is output channels (2 ry + rx) O .. + O - 1.
        return Interleave.grid(y.reshape(n, 4, outChannels, hq, wq), 1, 2);
    }
}
