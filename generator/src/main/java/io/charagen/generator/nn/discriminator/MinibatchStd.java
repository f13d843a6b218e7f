package io.charagen.generator.nn.discriminator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.nn.ops.Scalars;

/**
 * Minibatch standard deviation (Karras et al. 2018, Section 3): the batch is split into groups of
 * G samples (sample n in group column n mod N/G); the standard deviation of each feature over a
 * group, averaged over pixels and over the channels of each of F parts, is appended as F extra
 * feature maps. It mixes samples, so a sample's logit depends on the rest of its group.
 */
final class MinibatchStd {

    private static final float EPSILON = 1e-8f;

    private final Integer groupSize;  // null: the whole batch is one group
    private final int numChannels;   // F

    MinibatchStd(Integer groupSize, int numChannels) {
        this.groupSize = groupSize;
        this.numChannels = numChannels;
    }

    /** The group size used for a batch of n, checked to divide it. */
    int groupFor(long n) {
        long g = groupSize == null ? n : Math.min(groupSize, n);
        if (n % g != 0) {
            throw new IllegalArgumentException("minibatch standard deviation: the batch size " + n
                    + " is not a multiple of the group size " + g + " (mbstd_group_size " + groupSize + ")");
        }
        return (int) g;
    }

    /** x [N, C, H, W] to [N, C + F, H, W]. */
    NDArray forward(NDArray x) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        int g = groupFor(n);
        int f = numChannels;
        NDArray y = x.reshape(g, n / g, f, c / f * h * w);          // [G, N/G, F, C/F*H*W]
        y = y.sub(y.mean(new int[] {0}, true));
        y = Scalars.plus(y.square().mean(new int[] {0}), EPSILON).sqrt();    // [N/G, F, C/F*H*W]
        y = y.mean(new int[] {2});                                 // [N/G, F]
        y = y.reshape(n / g, f, 1, 1).tile(new long[] {g, 1, h, w}); // [N, F, H, W]
        return x.concat(y, 1);
    }
}
