package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * {@code torch._utils._rebuild_tensor_v2} and {@code _rebuild_parameter}: a tensor is a view
 * (offset, size, stride) of a storage; we copy it out as a contiguous row-major HostTensor.
 */
final class TorchTensors {

    private static final int MAX_DIMS = 64;
    private static final long MAX_TENSOR_BYTES = Integer.MAX_VALUE - 16;

    private TorchTensors() {
    }

    /** (tensor, requires_grad, backward_hooks): a Parameter is its tensor. */
    static HostTensor rebuildParameter(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof HostTensor tensor)) {
            throw new PickleRefusal("_rebuild_parameter is given a "
                    + (args.length < 1 ? "nothing" : PythonTypes.nameOf(args[0])) + ", expected a tensor");
        }
        return tensor;
    }

    /** (storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata]). */
    static HostTensor rebuildTensor(Object[] args) {
        if (args.length < 4 || !(args[0] instanceof TorchStorage storage)) {
            throw new PickleRefusal("_rebuild_tensor_v2 is given a "
                    + (args.length < 1 ? "nothing" : PythonTypes.nameOf(args[0])) + ", expected a storage");
        }
        long offset = PlainValues.nonNegativeLong(args[1], "tensor storage offset");
        long[] size = longs(args[2], "tensor size");
        long[] stride = longs(args[3], "tensor stride");
        if (size.length != stride.length) {
            throw new PickleRefusal("tensor size " + Arrays.toString(size) + " and stride "
                    + Arrays.toString(stride) + " differ in length");
        }
        int elementSize = storage.dtype().getNumOfBytes();
        long numel = 1;
        long lastIndex = offset;
        try {
            for (int d = 0; d < size.length; d++) {
                numel = Math.multiplyExact(numel, size[d]);
                if (size[d] > 0) {
                    lastIndex = Math.addExact(lastIndex, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            }
            if (Math.multiplyExact(numel, (long) elementSize) > MAX_TENSOR_BYTES) {
                throw new ArithmeticException();
            }
        } catch (ArithmeticException e) {
            throw new PickleRefusal("tensor of size " + Arrays.toString(size) + " is too large (over 2 GiB)");
        }
        if (numel > 0 && lastIndex >= storage.numel()) {
            throw new PickleRefusal("tensor of size " + Arrays.toString(size) + ", stride " + Arrays.toString(stride)
                    + " at offset " + offset + " reaches element " + lastIndex + " but its storage holds only "
                    + storage.numel() + " elements");
        }
        byte[] out = new byte[(int) (numel * elementSize)];
        if (numel > 0) {
            copyStrided(storage, offset, size, stride, out);
        }
        return new HostTensor(storage.dtype(), new Shape(size), ByteBuffer.wrap(out));
    }

    private static void copyStrided(TorchStorage storage, long offset, long[] size, long[] stride, byte[] out) {
        int elementSize = storage.dtype().getNumOfBytes();
        byte[] src = storage.bytes();
        int base = storage.offset();
        if (isContiguous(size, stride)) {
            System.arraycopy(src, base + (int) (offset * elementSize), out, 0, out.length);
            return;
        }
        long[] index = new long[size.length];
        long position = offset;
        for (int o = 0; o < out.length; o += elementSize) {
            System.arraycopy(src, base + (int) (position * elementSize), out, o, elementSize);
            // Advance the multi-index like an odometer, last dimension fastest.
            for (int d = size.length - 1; d >= 0; d--) {
                index[d]++;
                position += stride[d];
                if (index[d] < size[d]) {
                    break;
                }
                position -= index[d] * stride[d];
                index[d] = 0;
            }
        }
    }

    private static boolean isContiguous(long[] size, long[] stride) {
        long expected = 1;
        for (int d = size.length - 1; d >= 0; d--) {
            if (size[d] != 1 && stride[d] != expected) {
                return false;
            }
            expected *= size[d];
        }
        return true;
    }

    private static long[] longs(Object value, String what) {
        if (!(value instanceof Object[] items) || items.length > MAX_DIMS) {
            throw new PickleRefusal(what + " is a " + PythonTypes.nameOf(value) + ", expected a tuple of at most "
                    + MAX_DIMS + " ints");
        }
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = PlainValues.nonNegativeLong(items[i], what);
        }
        return out;
    }
}
