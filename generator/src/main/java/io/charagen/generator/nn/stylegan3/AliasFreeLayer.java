package io.charagen.generator.nn.stylegan3;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.FullyConnectedLayer;
import io.charagen.generator.nn.ops.BiasAct;
import io.charagen.generator.nn.ops.Conv;
import io.charagen.generator.nn.ops.Fir;
import io.charagen.generator.nn.ops.Scalars;

/**
 * One StyleGAN3 synthesis layer (Section 3.2): a modulated convolution followed by the filtered
 * nonlinearity, which upsamples by {@code up} with a low-pass filter at the input cutoff, applies
 * the leaky ReLU at that higher rate, and low-pass filters and downsamples to the output rate.
 * The last layer (to-RGB) is a 1x1 modulated convolution without demodulation or nonlinearity.
 */
final class AliasFreeLayer {

    private final boolean toRgb;
    private final int inChannels;
    private final FullyConnectedLayer affine;  // w -> per-input-channel styles
    private final NDArray weight;              // [O, I, k, k]; demodulating layers: pre-normalised
    private final NDArray weightSquareSums;    // [I, O]: sum over the kernel of weight^2 (demodulation)
    private final NDArray bias;                // [1, O, 1, 1]
    private final double inputGain;            // magnitude_ema^-1/2: keeps activations near unit scale
    private final int padding;                 // of the convolution: k - 1
    private final double styleGain;            // to-RGB only: 1 / sqrt(I k k)
    private final Fir upsample;
    private final Fir downsample;
    private final float slope;
    private final Double clamp;

    AliasFreeLayer(NDManager manager, StateDict state, LayerPlan plan, int wDim, Double convClamp)
            throws CheckpointException {
        String p = "synthesis." + plan.name() + ".";
        this.toRgb = plan.toRgb();
        this.inChannels = plan.inChannels();
        int k = plan.kernel();
        this.affine = new FullyConnectedLayer(manager, state, p + "affine.", wDim, inChannels, false, 1);
        NDArray w = state.get(p + "weight", new Shape(plan.outChannels(), inChannels, k, k)).toNDArray(manager);
        if (toRgb) {
            this.weight = w;
            this.weightSquareSums = null;
        } else {
            // Pre-normalise each output filter to unit RMS before modulation (as the reference does,
            // to keep fp16 in range); demodulation cancels it apart from the epsilon.
            this.weight = w.mul(w.square().sum(new int[] {1, 2, 3}, true).div((double) inChannels * k * k).sqrt().pow(-1));
            w.close();
            this.weightSquareSums = weight.square().sum(new int[] {2, 3}).transpose().duplicate();
        }
        this.bias = BiasAct.channelBias(state.get(p + "bias", new Shape(plan.outChannels())).toNDArray(manager));
        this.inputGain = 1 / Math.sqrt(state.get(p + "magnitude_ema", new Shape()).toFloats()[0]);
        this.padding = k - 1;
        this.styleGain = 1 / Math.sqrt((double) inChannels * k * k);
        this.slope = toRgb ? 1f : BiasAct.LRELU_SLOPE;
        double gain = toRgb ? 1 : BiasAct.LRELU_GAIN;
        this.clamp = convClamp;
        float[] upFilter = plan.upTaps() > 1 ? filter(state, p + "up_filter", plan.upTaps(), false) : null;
        float[] downFilter = plan.downTaps() > 1
                ? filter(state, p + "down_filter", plan.downTaps(), plan.downRadial()) : null;
        int[] pad = plan.padding();
        // The nonlinearity's gain moves into the upsampling filter: lrelu(g x) = g lrelu(x) for g > 0.
        this.upsample = new Fir(manager, upFilter, false, plan.up(), 1, pad, (double) plan.up() * plan.up() * gain,
                plan.outChannels());
        this.downsample = new Fir(manager, downFilter, plan.downRadial(), 1, plan.down(), new int[4], 1,
                plan.outChannels());
    }

    private static float[] filter(StateDict state, String key, int taps, boolean radial) throws CheckpointException {
        Shape shape = radial ? new Shape(taps, taps) : new Shape(taps);
        HostTensor t = state.get(key, shape);
        return t.toFloats();
    }

    /** x [N, I, H, W], w [N, w_dim] to [N, O, H', W']. */
    NDArray forward(NDArray x, NDArray w) {
        NDArray styles = affine.forward(w);                                  // [N, I]
        NDArray y;
        if (toRgb) {
            NDArray s = Scalars.times(styles, styleGain * inputGain);
            y = Conv.conv2d(x.mul(s.expandDims(2).expandDims(3)), weight, padding);
        } else {
            // Styles normalised to unit RMS over the batch (as the reference does), then modulate,
            // convolve with the shared weight, and demodulate each output channel per sample.
            styles = styles.mul(Scalars.reciprocal(styles.square().mean().sqrt()));
            NDArray demod = Scalars.reciprocal(Scalars.plus(styles.square().matMul(weightSquareSums), 1e-8).sqrt()); // [N, O]
            NDArray s = Scalars.times(styles, inputGain);
            y = Conv.conv2d(x.mul(s.expandDims(2).expandDims(3)), weight, padding);
            y = y.mul(demod.expandDims(2).expandDims(3));
        }
        y = BiasAct.addChannelBias(y, bias);
        y = upsample.apply(y);
        y = BiasAct.leakyRelu(y, slope, 1, clamp);
        return downsample.apply(y);
    }
}
