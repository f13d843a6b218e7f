package io.charagen.generator.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import io.charagen.generator.nn.ops.Scalars;

/** The truncation trick: w' = w_avg + psi (w - w_avg), on the first {@code cutoff} layers of W+. */
public final class Truncation {

    private Truncation() {
    }

    /** ws [N, num_ws, w_dim]; cutoff null (or >= num_ws) truncates every layer. */
    public static NDArray apply(NDArray ws, NDArray wAvg, double psi, Integer cutoff) {
        if (psi == 1) {
            return ws;
        }
        long numWs = ws.getShape().get(1);
        if (cutoff == null || cutoff >= numWs) {
            return lerpFromAverage(ws, wAvg, psi);
        }
        if (cutoff <= 0) {
            return ws;
        }
        NDArray head = lerpFromAverage(ws.get(new NDIndex(":, :{}", cutoff)), wAvg, psi);
        NDArray tail = ws.get(new NDIndex(":, {}:", cutoff));
        return NDArrays.concat(new NDList(head, tail), 1);
    }

    /** Linear interpolation from w_avg towards ws, rounded the way torch.lerp rounds. */
    private static NDArray lerpFromAverage(NDArray ws, NDArray wAvg, double psi) {
        if (psi < 0.5) {
            return Scalars.times(ws.sub(wAvg), psi).add(wAvg);
        }
        return ws.sub(Scalars.times(ws.sub(wAvg), 1 - psi));
    }
}
