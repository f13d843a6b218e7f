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
            y = Scalars.times(y, gain);
        }
        return clamp == null ? y : y.clip(-clamp, clamp);
    }

    /**
     * Adds a per-channel bias, already shaped [1, C, 1, 1], to x [N, C, H, W]. The bias is shaped once
     * when the layer is built: reshaping it here would create an array on the network's own manager
     * at every call, which would never be freed.
     */
    public static NDArray addChannelBias(NDArray x, NDArray bias) {
        return x.add(bias);
    }

    /** A bias [C] as the [1, C, 1, 1] array {@link #addChannelBias} takes; closes the original. */
    public static NDArray channelBias(NDArray bias) {
        NDArray shaped = bias.reshape(1, -1, 1, 1).duplicate();
        bias.close();
        return shaped;
    }
}
