package io.charagen.generator.nn.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ops.BiasAct;
import io.charagen.generator.nn.ops.Conv;
import io.charagen.generator.nn.ops.Fir;
import io.charagen.generator.nn.stylegan2.ResampleFilter;

/**
 * A convolution with the equalized learning rate (weights scaled by 1 / sqrt(fan_in)), optionally
 * with 2x downsampling (StyleGAN2 Appendix B: low-pass with the FIR filter, then keep every other
 * sample), then bias, activation, gain and clamp: y = clamp(act(conv(x) + b) * gain).
 *
 * <p>A downsampling 3x3 layer filters at the input rate and convolves with stride 2; a downsampling
 * 1x1 layer (the residual skip) filters with stride 2 and then convolves.
 */
final class ConvLayer {

    private final NDArray weight;  // [O, I, k, k], already scaled by the weight gain
    private final NDArray bias;    // [1, O, 1, 1], or null
    private final Fir lowpass;     // null when not downsampling
    private final int stride;
    private final int padding;
    private final boolean leakyRelu;
    private final double gain;     // activation gain times the caller's gain
    private final Double clamp;    // conv_clamp times the caller's gain, or null

    /**
     * @param prefix    the layer's name in the state dict, e.g. {@code b64.conv1.}
     * @param hasBias   whether the layer has {@code bias} (the skip has none)
     * @param leakyRelu lrelu (gain sqrt 2) or linear (gain 1)
     * @param down      1, or 2 for downsampling
     * @param gain      extra gain on the output (sqrt 1/2 for the two residual branches); scales the clamp too
     * @param convClamp clamp of the output before the extra gain, or null for none
     */
    ConvLayer(NDManager manager, StateDict state, String prefix, int inChannels, int outChannels, int kernel,
              boolean hasBias, boolean leakyRelu, int down, double gain, Double convClamp) throws CheckpointException {
        NDArray w = state.get(prefix + "weight", new Shape(outChannels, inChannels, kernel, kernel)).toNDArray(manager);
        this.weight = w.mul(1 / Math.sqrt((double) inChannels * kernel * kernel));
        w.close();
        this.bias = hasBias
                ? BiasAct.channelBias(state.get(prefix + "bias", new Shape(outChannels)).toNDArray(manager))
                : null;
        if (down > 1) {
            ResampleFilter f = ResampleFilter.read(state, prefix + "resample_filter");
            // The padding that centres the filtered signal on the kept samples, plus the conv's own.
            int p0 = (f.size() - down + 1) / 2 + kernel / 2;
            int p1 = (f.size() - down) / 2 + kernel / 2;
            int[] pads = {p0, p1, p0, p1};
            boolean pointwise = kernel == 1;
            this.lowpass = new Fir(manager, f.taps(), true, 1, pointwise ? down : 1, pads, 1, inChannels);
            this.stride = pointwise ? 1 : down;
        } else {
            this.lowpass = null;
            this.stride = 1;
        }
        this.padding = down > 1 ? 0 : kernel / 2;
        this.leakyRelu = leakyRelu;
        this.gain = (leakyRelu ? BiasAct.LRELU_GAIN : 1) * gain;
        this.clamp = convClamp == null ? null : convClamp * gain;
    }

    /** x [N, I, H, W] to [N, O, H / down, W / down]. */
    NDArray forward(NDArray x) {
        NDArray y = lowpass == null ? x : lowpass.apply(x);
        y = Conv.conv2d(y, weight, stride, stride, padding, padding, 1);
        if (bias != null) {
            y = BiasAct.addChannelBias(y, bias);
        }
        return BiasAct.leakyRelu(y, leakyRelu ? BiasAct.LRELU_SLOPE : 1f, gain, clamp);
    }
}
