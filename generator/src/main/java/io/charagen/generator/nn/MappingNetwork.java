package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ops.Scalars;

import java.util.ArrayList;
import java.util.List;

/**
 * The mapping network f: Z -> W (StyleGAN, Section 2). z is normalised to unit second moment, an
 * optional class label is embedded and normalised the same way, then a stack of dense layers with
 * leaky ReLU gives w, which is broadcast to every synthesis layer (num_ws copies).
 */
public final class MappingNetwork {

    private final int zDim;
    private final int cDim;
    private final int wDim;
    private final int numWs;
    private final FullyConnectedLayer embed; // null when unconditional
    private final List<FullyConnectedLayer> layers = new ArrayList<>();
    private final NDArray wAvg;              // [w_dim], the running mean of w used for truncation

    /**
     * @param layerFeatures widths of the dense stack, input first: [z_dim + embed, hidden..., w_dim]
     */
    MappingNetwork(NDManager manager, StateDict state, int zDim, int cDim, int wDim, int numWs,
                   int embedFeatures, int[] layerFeatures, double lrMultiplier) throws CheckpointException {
        this.zDim = zDim;
        this.cDim = cDim;
        this.wDim = wDim;
        this.numWs = numWs;
        this.embed = cDim > 0
                ? new FullyConnectedLayer(manager, state, "mapping.embed.", cDim, embedFeatures, false, 1)
                : null;
        for (int i = 0; i + 1 < layerFeatures.length; i++) {
            layers.add(new FullyConnectedLayer(manager, state, "mapping.fc" + i + ".",
                    layerFeatures[i], layerFeatures[i + 1], true, lrMultiplier));
        }
        if (state.contains("mapping.fc" + (layerFeatures.length - 1) + ".weight")) {
            throw new CheckpointException(state.source() + ": the mapping network has more layers than its kwargs"
                    + " declare (" + (layerFeatures.length - 1) + ")");
        }
        this.wAvg = state.get("mapping.w_avg", new Shape(wDim)).toNDArray(manager);
    }

    public int zDim() {
        return zDim;
    }

    public int cDim() {
        return cDim;
    }

    public int wDim() {
        return wDim;
    }

    public int numWs() {
        return numWs;
    }

    /** The average w, [w_dim]. Owned by the network: do not close. */
    public NDArray wAvg() {
        return wAvg;
    }

    /**
     * z [N, z_dim] (and one-hot c [N, c_dim] when conditional, else null) to ws [N, num_ws, w_dim],
     * truncated towards w_avg by psi on the first {@code cutoff} layers (all when cutoff is null).
     */
    public NDArray forward(NDArray z, NDArray c, double psi, Integer cutoff) {
        NDArray x = normalize2ndMoment(z);
        if (embed != null) {
            NDArray y = normalize2ndMoment(embed.forward(c));
            x = NDArrays.concat(new NDList(x, y), 1);
        }
        for (FullyConnectedLayer layer : layers) {
            x = layer.forward(x);
        }
        NDArray ws = x.expandDims(1).repeat(1, numWs);
        return Truncation.apply(ws, wAvg, psi, cutoff);
    }

    /** x * rsqrt(mean(x^2) + 1e-8) over the feature axis. */
    static NDArray normalize2ndMoment(NDArray x) {
        return x.mul(Scalars.reciprocal(Scalars.plus(x.square().mean(new int[] {1}, true), 1e-8).sqrt()));
    }
}
