package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;

/** The synthesis network g: W+ -> image. */
public interface SynthesisNetwork {

    /** Number of w vectors the network consumes (the rows of W+). */
    int numWs();

    int resolution();

    int imgChannels();

    /**
     * ws [N, num_ws, w_dim] to images [N, img_channels, H, W] (noise_mode const, not clamped), with
     * everything the checkpoint stores, a StyleGAN3 input's transform included.
     */
    default NDArray forward(NDArray ws) {
        return forward(ws, null);
    }

    /**
     * As {@link #forward(NDArray)}, with the image moved by {@code transform} from the framing the
     * checkpoint stores (null: as stored). Only StyleGAN3 can move its image this way.
     *
     * @throws IllegalArgumentException when a transform is given to a network without one
     */
    NDArray forward(NDArray ws, ImageTransform transform);
}
