package io.charagen.generator.nn.stylegan2;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.ops.Fir;

/**
 * One resolution of the StyleGAN2 generator: a learned 4x4 constant (first block) or an
 * upsampling layer, a second layer, and a to-RGB output that is added to the upsampled image of
 * the previous block (the "skip" architecture, Figure 7b).
 */
final class SynthesisBlock {

    private final int resolution;
    private final NDArray constant;        // [C, 4, 4] in the first block, else null
    private final ModulatedConvLayer conv0; // upsampling layer, null in the first block
    private final ModulatedConvLayer conv1;
    private final ToRgbLayer toRgb;        // null in non-final blocks of the "orig" architecture
    private final Fir imageUpsample;       // null in the first block

    SynthesisBlock(NDManager manager, StateDict state, int resolution, int inChannels, int outChannels, int wDim,
                   int imgChannels, boolean withToRgb, Double convClamp) throws CheckpointException {
        String p = "synthesis.b" + resolution + ".";
        this.resolution = resolution;
        if (inChannels == 0) {
            this.constant = state.get(p + "const", new Shape(outChannels, resolution, resolution)).toNDArray(manager);
            this.conv0 = null;
            this.imageUpsample = null;
        } else {
            this.constant = null;
            this.conv0 = new ModulatedConvLayer(manager, state, p + "conv0.", inChannels, outChannels, wDim, 3, true,
                    resolution, convClamp);
            ResampleFilter f = ResampleFilter.read(state, p + "resample_filter");
            int p0 = (f.size() + 1) / 2;
            int p1 = (f.size() - 2) / 2;
            this.imageUpsample = new Fir(manager, f.taps(), true, 2, 1, new int[] {p0, p1, p0, p1}, 4, imgChannels);
        }
        this.conv1 = new ModulatedConvLayer(manager, state, p + "conv1.", outChannels, outChannels, wDim, 3, false,
                resolution, convClamp);
        this.toRgb = withToRgb ? new ToRgbLayer(manager, state, p + "torgb.", outChannels, imgChannels, wDim, convClamp)
                : null;
    }

    int numConv() {
        return conv0 == null ? 1 : 2;
    }

    int numToRgb() {
        return toRgb == null ? 0 : 1;
    }

    int resolution() {
        return resolution;
    }

    /** Runs the block on x (null for the first block) with ws [N, numConv + numToRgb, w_dim]. */
    NDArray[] forward(NDArray x, NDArray img, NDArray ws) {
        int wi = 0;
        if (constant == null) {
            x = conv0.forward(x, w(ws, wi++));
        } else {
            long n = ws.getShape().get(0);
            x = ws.getManager().zeros(new Shape(n).addAll(constant.getShape())).add(constant);
        }
        x = conv1.forward(x, w(ws, wi++));
        if (img != null) {
            img = imageUpsample.apply(img);
        }
        if (toRgb != null) {
            NDArray y = toRgb.forward(x, w(ws, wi));
            img = img == null ? y : img.add(y);
        }
        return new NDArray[] {x, img};
    }

    private static NDArray w(NDArray ws, int index) {
        return ws.get(new NDIndex(":, {}, :", index));
    }
}
