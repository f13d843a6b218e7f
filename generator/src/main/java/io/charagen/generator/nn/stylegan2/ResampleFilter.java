package io.charagen.generator.nn.stylegan2;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.StateDict;

/** A StyleGAN2 resampling filter buffer: a square 2-D low-pass filter ([1, 3, 3, 1] outer itself by default). */
public record ResampleFilter(float[] taps, int size) {

    public static ResampleFilter read(StateDict state, String key) throws CheckpointException {
        HostTensor t = state.get(key);
        long[] shape = t.shape().getShape();
        if (shape.length != 2 || shape[0] != shape[1] || shape[0] < 1) {
            throw new CheckpointException(state.source() + ": tensor '" + key + "' has shape " + t.shape()
                    + " but a resampling filter is a square 2-D filter");
        }
        return new ResampleFilter(t.toFloats(), (int) shape[0]);
    }
}
