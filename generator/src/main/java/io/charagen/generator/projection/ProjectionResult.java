package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

import java.time.Duration;

/**
 * A finished projection.
 *
 * @param ws          the projected W+ latent, num_ws x w_dim row-major (the final w without noise)
 * @param numWs       rows of {@code ws}
 * @param wDim        columns of {@code ws}
 * @param steps       steps run
 * @param finalLoss   the loss of {@code ws} itself, recomputed without noise after the last step
 * @param lossHistory each step's loss, as the listener heard it (taken at the noisy w)
 * @param elapsed     wall time of the whole projection, w statistics included when they were computed
 */
public record ProjectionResult(float[] ws, int numWs, int wDim, int steps, double finalLoss,
                               double[] lossHistory, Duration elapsed) {

    public ProjectionResult {
        if (ws.length != numWs * wDim) {
            throw new IllegalArgumentException("ws holds " + ws.length + " values, expected num_ws * w_dim = "
                    + numWs + " * " + wDim);
        }
        ws = ws.clone();
        lossHistory = lossHistory.clone();
    }

    @Override
    public float[] ws() {
        return ws.clone();
    }

    @Override
    public double[] lossHistory() {
        return lossHistory.clone();
    }

    /** The shape of {@link #wsArray}: [1, num_ws, w_dim], what {@code Generator.synthesize} takes. */
    public Shape shape() {
        return new Shape(1, numWs, wDim);
    }

    /** The ws as a [1, num_ws, w_dim] float32 array on {@code manager}. */
    public NDArray wsArray(NDManager manager) {
        return manager.create(ws, shape());
    }
}
