package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ops.BiasAct;

/**
 * A dense layer with the equalized learning rate of StyleGAN: weights are stored divided by
 * {@code lr_multiplier} and scaled at run time by {@code lr_multiplier / sqrt(in_features)}; the
 * bias by {@code lr_multiplier}. Both scales are folded into the arrays once, here.
 */
public final class FullyConnectedLayer {

    private final NDArray weightT; // [in, out], already scaled
    private final NDArray bias;    // [out], already scaled
    private final boolean leakyRelu;

    public FullyConnectedLayer(NDManager manager, StateDict state, String prefix, int inFeatures, int outFeatures,
                               boolean leakyRelu, double lrMultiplier) throws CheckpointException {
        double weightGain = lrMultiplier / Math.sqrt(inFeatures);
        NDArray w = state.get(prefix + "weight", new Shape(outFeatures, inFeatures)).toNDArray(manager);
        this.weightT = w.mul(weightGain).transpose().duplicate();
        w.close();
        NDArray b = state.get(prefix + "bias", new Shape(outFeatures)).toNDArray(manager);
        this.bias = b.mul(lrMultiplier);
        b.close();
        this.leakyRelu = leakyRelu;
    }

    /** x [N, in] to [N, out]. */
    public NDArray forward(NDArray x) {
        NDArray y = x.matMul(weightT).add(bias);
        return leakyRelu ? BiasAct.leakyRelu(y, BiasAct.LRELU_SLOPE, BiasAct.LRELU_GAIN, null) : y;
    }
}
