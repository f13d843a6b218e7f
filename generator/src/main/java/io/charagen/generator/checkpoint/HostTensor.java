package io.charagen.generator.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A tensor as read from a checkpoint, held in Java memory: contiguous, row-major,
 * little-endian bytes of {@code dtype}. It becomes an NDArray only when a network is built.
 */
public record HostTensor(DataType dtype, Shape shape, ByteBuffer data) {

    public HostTensor {
        long expected = shape.size() * dtype.getNumOfBytes();
        if (data.remaining() != expected) {
            throw new IllegalArgumentException(
                    "tensor data holds " + data.remaining() + " bytes, shape " + shape + " of " + dtype
                            + " needs " + expected);
        }
        data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public static HostTensor ofFloats(Shape shape, float[] values) {
        ByteBuffer buffer = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(values);
        return new HostTensor(DataType.FLOAT32, shape, buffer);
    }

    /** The values as float32, converting from other floating or integer types. */
    public float[] toFloats() {
        int n = Math.toIntExact(shape.size());
        float[] out = new float[n];
        ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            out[i] = switch (dtype) {
                case FLOAT32 -> b.getFloat(i * 4);
                case FLOAT64 -> (float) b.getDouble(i * 8);
                case FLOAT16 -> HalfFloat.toFloat(b.getShort(i * 2));
                case BFLOAT16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
                case INT64 -> b.getLong(i * 8);
                case INT32 -> b.getInt(i * 4);
                case INT16 -> b.getShort(i * 2);
                case INT8 -> b.get(i);
                case UINT8, BOOLEAN -> b.get(i) & 0xff;
                default -> throw new IllegalStateException("cannot read " + dtype + " as float");
            };
        }
        return out;
    }

    /** A float32 NDArray on {@code manager}'s device, whatever the stored precision. */
    public NDArray toNDArray(NDManager manager) {
        if (dtype == DataType.FLOAT32) {
            return manager.create(data.duplicate().order(ByteOrder.LITTLE_ENDIAN), shape, DataType.FLOAT32);
        }
        return manager.create(toFloats(), shape);
    }
}
