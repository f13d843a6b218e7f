package io.charagen.generator.nn.stylegan2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.FullyConnectedLayer;
import io.charagen.generator.nn.ops.BiasAct;
import io.charagen.generator.nn.ops.Conv;
import io.charagen.generator.nn.ops.Scalars;

/** A modulated 1x1 convolution to RGB, without demodulation (StyleGAN2, Figure 7). */
final class ToRgbLayer {

    private final FullyConnectedLayer affine;
    private final NDArray weight; // [C_img, I, 1, 1]
    private final NDArray bias;
    private final double styleGain;
    private final Double clamp;

    ToRgbLayer(NDManager manager, StateDict state, String prefix, int inChannels, int imgChannels, int wDim,
               Double convClamp) throws CheckpointException {
        this.affine = new FullyConnectedLayer(manager, state, prefix + "affine.", wDim, inChannels, false, 1);
        this.weight = state.get(prefix + "weight", new Shape(imgChannels, inChannels, 1, 1)).toNDArray(manager);
        this.bias = BiasAct.channelBias(state.get(prefix + "bias", new Shape(imgChannels)).toNDArray(manager));
        this.styleGain = 1 / Math.sqrt(inChannels);
        this.clamp = convClamp;
    }

    NDArray forward(NDArray x, NDArray w) {
        NDArray styles = Scalars.times(affine.forward(w), styleGain);
        NDArray y = Conv.conv2d(x.mul(styles.expandDims(2).expandDims(3)), weight, 0);
        y = BiasAct.addChannelBias(y, bias);
        return clamp == null ? y : y.clip(-clamp, clamp);
    }
}
