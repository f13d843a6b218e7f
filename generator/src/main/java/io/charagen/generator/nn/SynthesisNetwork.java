package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;

/** The synthesis network g: W+ -> image. */
public interface SynthesisNetwork {

    /** Number of w vectors the network consumes (the rows of W+). */
    int numWs();

    int resolution();

    int imgChannels();

    /** ws [N, num_ws, w_dim] to images [N, img_channels, H, W] (noise_mode const, not clamped). */
    NDArray forward(NDArray ws);
}
