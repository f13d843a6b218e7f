package io.charagen.generator.nn.stylegan2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.FullyConnectedLayer;
import io.charagen.generator.nn.ops.BiasAct;
import io.charagen.generator.nn.ops.Conv;
import io.charagen.generator.nn.ops.Fir;
import io.charagen.generator.nn.ops.TransposedConv2x;
import io.charagen.generator.nn.ops.Scalars;

/**
 * A StyleGAN2 synthesis layer (Karras et al. 2020, Section 2.2): weight modulation by the style
 * of w, demodulation to unit expected output variance, optional 2x upsampling (transposed
 * convolution followed by the [1, 3, 3, 1] low-pass filter), per-pixel noise, bias and leaky ReLU.
 *
 * <p>Modulation and demodulation are applied to the activations around one shared convolution,
 * which is the same arithmetic as convolving with per-sample weights and batches better.
 */
final class ModulatedConvLayer {

    private final FullyConnectedLayer affine;
    private final NDArray weight;           // [O, I, k, k]; null when upsampling
    private final TransposedConv2x transposed; // the upsampling convolution, else null
    private final NDArray weightSquareSums; // [I, O]
    private final NDArray bias;             // [1, O, 1, 1]
    private final NDArray noise;            // [res, res]: noise_const * noise_strength, or null
    private final Fir upsample;             // the low-pass after a transposed convolution; null when not upsampling
    private final int padding;
    private final Double clamp;

    ModulatedConvLayer(NDManager manager, StateDict state, String prefix, int inChannels, int outChannels,
                       int wDim, int kernel, boolean up, int resolution, Double convClamp) throws CheckpointException {
        this.affine = new FullyConnectedLayer(manager, state, prefix + "affine.", wDim, inChannels, false, 1);
        NDArray w = state.get(prefix + "weight", new Shape(outChannels, inChannels, kernel, kernel)).toNDArray(manager);
        this.weightSquareSums = w.square().sum(new int[] {2, 3}).transpose().duplicate();
        if (up) {
            // Upsampling convolution as a stride-2 transposed convolution (the zero-inserted input
            // convolved with the kernel, computed at the input rate), then the low-pass filter with
            // the padding that centres the result: the same numbers as filtering first and
            // convolving at the output rate, for 4/9 of the multiplications with a 3x3 kernel.
            this.transposed = new TransposedConv2x(manager, w.toFloatArray(), outChannels, inChannels, kernel);
            this.weight = null;
            w.close();
            ResampleFilter f = ResampleFilter.read(state, prefix + "resample_filter");
            int p0 = kernel / 2 + (f.size() + 1) / 2 - (kernel - 1);
            int p1 = kernel / 2 + (f.size() - 2) / 2 - (kernel - 2) - transposed.excess();
            this.upsample = new Fir(manager, f.taps(), true, 1, 1, new int[] {p0, p1, p0, p1}, 4, outChannels);
            this.padding = 0;
        } else {
            this.weight = w;
            this.transposed = null;
            this.upsample = null;
            this.padding = kernel / 2;
        }
        this.bias = BiasAct.channelBias(state.get(prefix + "bias", new Shape(outChannels)).toNDArray(manager));
        if (state.contains(prefix + "noise_const")) {
            NDArray constant = state.get(prefix + "noise_const", new Shape(resolution, resolution)).toNDArray(manager);
            NDArray strength = state.get(prefix + "noise_strength", new Shape()).toNDArray(manager);
            this.noise = constant.mul(strength);
            constant.close();
            strength.close();
        } else {
            this.noise = null;
        }
        this.clamp = convClamp;
    }

    /** x [N, I, H, W], w [N, w_dim] to [N, O, H', W']. */
    NDArray forward(NDArray x, NDArray w) {
        NDArray styles = affine.forward(w);                                              // [N, I]
        NDArray demod = Scalars.reciprocal(Scalars.plus(styles.square().matMul(weightSquareSums), 1e-8).sqrt()); // [N, O]
        NDArray y = x.mul(styles.expandDims(2).expandDims(3));
        if (upsample != null) {
            y = transposed.apply(y);
            y = upsample.apply(y);
        } else {
            y = Conv.conv2d(y, weight, padding);
        }
        y = y.mul(demod.expandDims(2).expandDims(3));
        if (noise != null) {
            y = y.add(noise);
        }
        y = BiasAct.addChannelBias(y, bias);
        return BiasAct.leakyRelu(y, BiasAct.LRELU_SLOPE, BiasAct.LRELU_GAIN, clamp);
    }
}
