package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayList;
import java.util.List;

/**
 * The masked pixel loss: at each scale, the mask-weighted mean squared difference between the image
 * and the target, both average-pooled to that scale, summed over the scales.
 *
 * <p>Pooling is normalised by the mask (pool(x * m) / pool(m)), so a target pixel whose mask is 0
 * reaches no scale at all: what lies outside the mask cannot move the result.
 */
final class PixelLoss {

    private static final float MIN_MASK = 1e-8f;

    private final List<Integer> scales;
    private final NDArray mask;                               // [1, 1, H, W]
    private final List<NDArray> divisors = new ArrayList<>(); // max(m_s, tiny)
    private final List<NDArray> targets = new ArrayList<>();  // pool(t * m) / pool(m), [1, C, H/s, W/s]
    private final List<NDArray> weights = new ArrayList<>();  // m_s / (C * sum(m_s))

    /**
     * @param target [1, C, H, W]; its arrays derived here live on its manager
     * @param mask   [1, 1, H, W] in [0, 1], not all 0
     */
    PixelLoss(NDArray target, NDArray mask, List<Integer> scales) {
        this.scales = List.copyOf(scales);
        this.mask = mask;
        long channels = target.getShape().get(1);
        NDArray maskedTarget = target.mul(mask);
        for (int scale : scales) {
            NDArray m = pool(mask, scale);
            NDArray divisor = m.maximum(MIN_MASK);
            divisors.add(divisor);
            targets.add(pool(maskedTarget, scale).div(divisor));
            weights.add(m.div(m.sum().mul(channels)));
        }
    }

    /** The loss of images [1, C, H, W], a scalar on their manager, differentiable. */
    NDArray loss(NDArray images) {
        NDArray total = null;
        for (int i = 0; i < scales.size(); i++) {
            int scale = scales.get(i);
            // At full resolution the weight alone masks; coarser scales pool only what the mask lets through.
            NDArray pooled = scale == 1 ? images : pool(images.mul(mask), scale).div(divisors.get(i));
            NDArray term = pooled.sub(targets.get(i)).square().mul(weights.get(i)).sum();
            total = total == null ? term : total.add(term);
        }
        return total;
    }

    /** Average pooling by {@code factor} over the last two axes of [N, C, H, W]. */
    static NDArray pool(NDArray x, int factor) {
        if (factor == 1) {
            return x;
        }
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        if (h % factor != 0 || w % factor != 0) {
            throw new IllegalArgumentException("cannot pool a " + h + "x" + w + " image by " + factor
                    + ": the scale must divide the resolution");
        }
        return x.reshape(n, c, h / factor, factor, w / factor, factor).mean(new int[] {5}).mean(new int[] {3});
    }
}
