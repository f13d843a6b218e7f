package io.charagen.generator.sample;

import java.util.List;

/**
 * What a batch of seeds produced, copied out of native memory: ws [N, num_ws, w_dim] and images
 * [N, C, H, W] (raw synthesis output, not clamped), row-major float32.
 */
public record SampleBatch(List<Long> seeds, long[] wsShape, float[] ws, long[] imageShape, float[] images) {

    public int size() {
        return seeds.size();
    }
}
