package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A network whose intermediate activations compare images perceptually (the projector's optional
 * perceptual term): images [N, C, H, W] in [-1, 1] to a list of feature maps [N, C_i, H_i, W_i].
 * Results live on the images' manager and are differentiable with respect to the images.
 */
public interface FeatureExtractor {

    /** The image side the network expects (inputs of another size are resampled by the caller). */
    int resolution();

    NDList features(NDArray images);
}
