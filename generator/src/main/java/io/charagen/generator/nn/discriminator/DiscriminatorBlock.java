package io.charagen.generator.nn.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;

/**
 * One resolution of the residual discriminator (StyleGAN2, Figure 7c): from-RGB in the first block,
 * a 3x3 convolution, a 3x3 convolution with 2x downsampling, and a 1x1 downsampling skip; the two
 * branches are summed with gain sqrt(1/2) each, which keeps the signal's variance.
 */
final class DiscriminatorBlock {

    private static final double BRANCH_GAIN = Math.sqrt(0.5);

    private final int resolution;
    private final ConvLayer fromRgb; // first block only, else null
    private final ConvLayer conv0;
    private final ConvLayer conv1;
    private final ConvLayer skip;

    /**
     * @param inChannels 0 for the first block (it reads the image)
     * @param resolution the block's input resolution
     */
    DiscriminatorBlock(NDManager manager, StateDict state, int resolution, int inChannels, int tmpChannels,
                       int outChannels, int imgChannels, Double convClamp) throws CheckpointException {
        String p = "b" + resolution + ".";
        this.resolution = resolution;
        this.fromRgb = inChannels == 0
                ? new ConvLayer(manager, state, p + "fromrgb.", imgChannels, tmpChannels, 1, true, true, 1, 1, convClamp)
                : null;
        this.conv0 = new ConvLayer(manager, state, p + "conv0.", tmpChannels, tmpChannels, 3, true, true, 1, 1,
                convClamp);
        this.conv1 = new ConvLayer(manager, state, p + "conv1.", tmpChannels, outChannels, 3, true, true, 2,
                BRANCH_GAIN, convClamp);
        // The reference's skip is linear, without bias and without clamp.
        this.skip = new ConvLayer(manager, state, p + "skip.", tmpChannels, outChannels, 1, false, false, 2,
                BRANCH_GAIN, null);
    }

    int resolution() {
        return resolution;
    }

    /** x [N, tmp, R, R] (null in the first block), img [N, C, R, R] to [N, out, R/2, R/2]. */
    NDArray forward(NDArray x, NDArray img) {
        if (fromRgb != null) {
            x = fromRgb.forward(img);
        }
        NDArray residual = skip.forward(x);
        return residual.add(conv1.forward(conv0.forward(x)));
    }
}
