package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import io.charagen.generator.nn.FeatureExtractor;
import io.charagen.generator.nn.ops.Scalars;

import java.util.ArrayList;
import java.util.List;

/**
 * The perceptual term: the mean squared difference between the feature maps of the image and of the
 * target, each map first scaled to unit length along its channels (as LPIPS does), summed over the
 * maps and weighted. Both images are multiplied by the mask first, so what lies outside it cannot
 * move the result; they are resampled to the extractor's resolution by an integer factor (average
 * pooling down, pixel repetition up).
 */
final class PerceptualLoss {

    private static final float EPSILON = 1e-10f;

    private final FeatureExtractor extractor;
    private final NDArray mask;                 // [1, 1, H, W]
    private final double weight;
    private final List<NDArray> targetFeatures; // unit-normalised, on the target's manager

    /** Computes the target's features once; {@code target} [1, C, H, W], {@code mask} [1, 1, H, W]. */
    PerceptualLoss(FeatureExtractor extractor, NDArray target, NDArray mask, double weight) {
        this.extractor = extractor;
        this.mask = mask;
        this.weight = weight;
        this.targetFeatures = normalisedFeatures(target.mul(mask));
    }

    /** The weighted term for images [1, C, H, W], a scalar on their manager, differentiable. */
    NDArray loss(NDArray images) {
        List<NDArray> features = normalisedFeatures(images.mul(mask));
        if (features.size() != targetFeatures.size()) {
            throw new IllegalStateException("the feature extractor returned " + features.size()
                    + " maps for the image but " + targetFeatures.size() + " for the target");
        }
        NDArray total = null;
        for (int i = 0; i < features.size(); i++) {
            NDArray term = features.get(i).sub(targetFeatures.get(i)).square().mean();
            total = total == null ? term : total.add(term);
        }
        return Scalars.times(total, weight);
    }

    private List<NDArray> normalisedFeatures(NDArray images) {
        NDList maps = extractor.features(resample(images, extractor.resolution()));
        List<NDArray> out = new ArrayList<>(maps.size());
        for (NDArray f : maps) {
            out.add(f.div(Scalars.plus(f.square().sum(new int[] {1}, true), EPSILON).sqrt()));
        }
        return out;
    }

    /** [N, C, H, W] with H = W to side {@code resolution}, by an integer factor either way. */
    static NDArray resample(NDArray images, int resolution) {
        long side = images.getShape().get(2);
        if (side == resolution) {
            return images;
        }
        if (side > resolution && side % resolution == 0) {
            return PixelLoss.pool(images, (int) (side / resolution));
        }
        if (resolution % side == 0) {
            long factor = resolution / side;
            return images.repeat(2, factor).repeat(3, factor);
        }
        throw new IllegalArgumentException("the feature extractor takes " + resolution + "x" + resolution
                + " images, which is no integer multiple or fraction of the generator's " + side + "x" + side);
    }
}
