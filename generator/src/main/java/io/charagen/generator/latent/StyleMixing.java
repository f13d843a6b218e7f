package io.charagen.generator.latent;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

import java.util.Collection;

/**
 * Style mixing in W+ (StyleGAN, Section 3.1): chosen layers of one ws taken from another, either
 * replaced outright or moved part of the way (lerp with a strength).
 */
public final class StyleMixing {

    private StyleMixing() {
    }

    /** ws with the rows in {@code layers} replaced by those of {@code source}; both [N, num_ws, w_dim]. */
    public static NDArray replace(NDArray ws, NDArray source, Collection<Integer> layers) {
        return lerp(ws, source, layers, 1.0);
    }

    /**
     * ws with the rows in {@code layers} moved towards {@code source} by {@code strength}
     * (0 keeps ws, 1 replaces). {@code source} may be [N, num_ws, w_dim] or [num_ws, w_dim].
     */
    public static NDArray lerp(NDArray ws, NDArray source, Collection<Integer> layers, double strength) {
        long numWs = ws.getShape().get(1);
        for (Integer layer : layers) {
            if (layer < 0 || layer >= numWs) {
                throw new IllegalArgumentException("layer " + layer + " is outside W+ (0.." + (numWs - 1) + ")");
            }
        }
        NDList rows = new NDList();
        boolean batched = source.getShape().dimension() == 3;
        for (int i = 0; i < numWs; i++) {
            NDArray row = ws.get(new NDIndex(":, {}:{}, :", i, i + 1));
            if (layers.contains(i)) {
                NDArray other = batched ? source.get(new NDIndex(":, {}:{}, :", i, i + 1))
                        : source.get(new NDIndex("{}:{}, :", i, i + 1)).expandDims(0);
                row = strength == 1.0 ? row.zerosLike().add(other) : row.add(other.sub(row).mul(strength));
            }
            rows.add(row);
        }
        return NDArrays.concat(rows, 1);
    }

    /** Linear interpolation between two latents of the same shape: a + t (b - a). */
    public static NDArray interpolate(NDArray a, NDArray b, double t) {
        return a.add(b.sub(a).mul(t));
    }
}
