package io.charagen.generator.nn.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic with plain numbers that is safe under autograd. DJL's {@code x.mul(2.0)} and friends
 * wrap the number in an array made over a Java direct buffer and close that array at once; on the
 * CPU, PyTorch's tensor then points into Java memory it does not own. An operation that saves the
 * number for its backward pass (mul, div, pow) reads that memory again when the gradient is taken,
 * and by then the garbage collector may have freed it: gradients came back NaN or simply wrong now
 * and then (every time when a GC ran between forward and backward). Scalars made here are filled by
 * PyTorch itself ({@code torch.full}), so the tensor owns its memory and autograd's reference keeps
 * it alive.
 */
public final class Scalars {

    private Scalars() {
    }

    /** A 0-d array holding {@code value}, of x's type, on x's manager, in memory PyTorch owns. */
    public static NDArray of(NDArray x, double value) {
        return x.getManager().full(new Shape(), (float) value, x.getDataType());
    }

    /** x * value. */
    public static NDArray times(NDArray x, double value) {
        return x.mul(of(x, value));
    }

    /** x + value. */
    public static NDArray plus(NDArray x, double value) {
        return x.add(of(x, value));
    }

    /** 1 / x, as x to the power -1. */
    public static NDArray reciprocal(NDArray x) {
        return x.pow(of(x, -1));
    }
}
