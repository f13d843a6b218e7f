package io.charagen.generator.projection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Adam (Kingma and Ba, 2015, Algorithm 1) for one parameter array: exponential moving averages of the
 * gradient and of its square, corrected for their zero initialisation, and the step
 * {@code lr * m_hat / (sqrt(v_hat) + eps)} subtracted from the parameter in place.
 *
 * <p>The moment buffers live on a sub-manager of the one given at construction until {@link #close()};
 * each step's temporaries are freed before it returns.
 */
public final class Adam implements AutoCloseable {

    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final NDManager manager;
    private final NDArray firstMoment;  // m, the gradient's moving average
    private final NDArray secondMoment; // v, the squared gradient's moving average
    private int stepCount;

    /** Adam with the paper's defaults: beta1 0.9, beta2 0.999, epsilon 1e-8. */
    public Adam(NDManager parent, Shape shape) {
        this(parent, shape, 0.9, 0.999, 1e-8);
    }

    public Adam(NDManager parent, Shape shape, double beta1, double beta2, double epsilon) {
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
            throw new IllegalArgumentException("Adam betas must be in [0, 1), got " + beta1 + ", " + beta2);
        }
        if (!(epsilon > 0)) {
            throw new IllegalArgumentException("Adam epsilon must be > 0, got " + epsilon);
        }
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.manager = parent.newSubManager();
        this.firstMoment = manager.zeros(shape, DataType.FLOAT32);
        this.secondMoment = manager.zeros(shape, DataType.FLOAT32);
    }

    /** Steps taken so far (t in the paper). */
    public int stepCount() {
        return stepCount;
    }

    /** One update of {@code parameter} (in place) along {@code gradient}, at {@code learningRate}. */
    public void step(NDArray parameter, NDArray gradient, double learningRate) {
        if (!parameter.getShape().equals(firstMoment.getShape())
                || !gradient.getShape().equals(firstMoment.getShape())) {
            throw new IllegalArgumentException("Adam was made for shape " + firstMoment.getShape()
                    + ", got parameter " + parameter.getShape() + " and gradient " + gradient.getShape());
        }
        stepCount++;
        double firstCorrection = 1 - Math.pow(beta1, stepCount);
        double secondCorrection = 1 - Math.pow(beta2, stepCount);
        try (NDManager scope = manager.newSubManager()) {
            firstMoment.muli(beta1).addi(scoped(scope, gradient.mul(1 - beta1)));
            secondMoment.muli(beta2).addi(scoped(scope, gradient.square().muli(1 - beta2)));
            NDArray denominator = scoped(scope, secondMoment.div(secondCorrection)).sqrt().addi(epsilon);
            NDArray update = scoped(scope, firstMoment.div(firstCorrection)).divi(denominator).muli(learningRate);
            parameter.subi(update);
        }
    }

    // An op's result lands on its first operand's manager; temporaries are moved into the step's scope.
    private static NDArray scoped(NDManager scope, NDArray array) {
        array.attach(scope);
        return array;
    }

    /** Frees the moment buffers; safe to call more than once. */
    @Override
    public void close() {
        manager.close();
    }
}
