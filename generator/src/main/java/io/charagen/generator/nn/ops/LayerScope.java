package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.function.Function;

/**
 * Runs one layer of a forward pass in a manager of its own, so that its intermediates (several
 * times the size of its output, at the upsampled rate) are freed as soon as it returns instead of
 * when the caller's scope closes. Inputs handed over are consumed; the result lives on {@code owner}.
 * Autograd keeps what the backward pass needs by itself, so this is safe while recording gradients.
 */
public final class LayerScope {

    private LayerScope() {
    }

    /**
     * Moves {@code inputs} (arrays only this pass uses, such as the previous layer's output) into a
     * fresh sub-manager of {@code owner}, runs {@code layer} there and moves its result to {@code owner}.
     */
    public static NDArray run(NDManager owner, NDArray[] inputs, Function<NDArray[], NDArray> layer) {
        try (NDManager scope = owner.newSubManager()) {
            for (NDArray input : inputs) {
                if (input != null) {
                    input.attach(scope);
                }
            }
            NDArray result = layer.apply(inputs);
            result.attach(owner);
            return result;
        }
    }
}
