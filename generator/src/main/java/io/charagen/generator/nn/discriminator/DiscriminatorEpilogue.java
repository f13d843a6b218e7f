package io.charagen.generator.nn.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.nn.FullyConnectedLayer;

/**
 * The 4x4 end of the discriminator ({@code b4}): minibatch standard deviation, a 3x3 convolution, a
 * dense layer over all 4x4 features and the linear output layer giving one logit per image.
 */
final class DiscriminatorEpilogue {

    static final int RESOLUTION = 4;

    private final MinibatchStd mbstd; // null when mbstd_num_channels is 0
    private final ConvLayer conv;
    private final FullyConnectedLayer fc;
    private final FullyConnectedLayer out;

    DiscriminatorEpilogue(NDManager manager, StateDict state, int channels, MinibatchStd mbstd, int mbstdChannels,
                          Double convClamp) throws CheckpointException {
        this.mbstd = mbstd;
        this.conv = new ConvLayer(manager, state, "b4.conv.", channels + mbstdChannels, channels, 3, true, true, 1, 1,
                convClamp);
        this.fc = new FullyConnectedLayer(manager, state, "b4.fc.", channels * RESOLUTION * RESOLUTION, channels,
                true, 1);
        this.out = new FullyConnectedLayer(manager, state, "b4.out.", channels, 1, false, 1);
    }

    /** The group size the minibatch standard deviation uses for a batch of n (checked to divide n). */
    void checkBatch(long n) {
        if (mbstd != null) {
            mbstd.groupFor(n);
        }
    }

    /** x [N, C, 4, 4] to logits [N, 1]. */
    NDArray forward(NDArray x) {
        NDArray y = mbstd == null ? x : mbstd.forward(x);
        y = conv.forward(y);
        y = fc.forward(y.reshape(y.getShape().get(0), -1));
        return out.forward(y);
    }
}
