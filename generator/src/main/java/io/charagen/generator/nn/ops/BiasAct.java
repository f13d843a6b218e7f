package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;

/** Bias, activation, gain and clamp in the order StyleGAN applies them. */
public final class BiasAct {

    /** Leaky ReLU slope of every StyleGAN nonlinearity. */
    public static final float LRELU_SLOPE = 0.2f;
    /** Gain after a leaky ReLU that keeps the signal's magnitude (He et al.). */
    public static final double LRELU_GAIN = Math.sqrt(2);

    private BiasAct() {
    }

    /** lrelu(x) * gain, then clamped to [-clamp, clamp] when clamp is not null. */
    public static NDArray leakyRelu(NDArray x, float slope, double gain, Double clamp) {
        NDArray y = slope == 1f ? x : x.getNDArrayInternal().leakyRelu(slope);
        if (gain != 1) {
            y = y.mul(gain);
        }
        return clamp == null ? y : y.clip(-clamp, clamp);
    }

    /** Adds a per-channel bias [C] to x [N, C, H, W]. */
    public static NDArray addChannelBias(NDArray x, NDArray bias) {
        // The reshaped view is made on the bias's (the network's) manager, which outlives every
        // forward pass: closed here, or one handle per layer per image would pile up there.
        try (NDArray b = bias.reshape(1, -1, 1, 1)) {
            return x.add(b);
        }
    }
}
