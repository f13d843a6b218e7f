package io.charagen.generator.checkpoint;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A numpy dtype from a pickle ({@code numpy.dtype('f8', False, True)} then BUILD with the
 * byte order): enough to decode the numbers and booleans that kwargs and attributes hold.
 * Object arrays ({@code 'O'}) pickle their elements as a list, so only their kind matters.
 */
final class NumpyDtype implements Buildable {

    private final char kind;
    private final int itemSize;
    private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

    private NumpyDtype(char kind, int itemSize) {
        this.kind = kind;
        this.itemSize = itemSize;
    }

    static NumpyDtype construct(Object[] args) {
        if (args.length < 1 || !(args[0] instanceof String code) || code.length() < 2) {
            throw new PickleRefusal("numpy.dtype is called without a type code");
        }
        char kind = code.charAt(0);
        int size;
        try {
            size = Integer.parseInt(code.substring(1));
        } catch (NumberFormatException e) {
            throw new PickleRefusal("numpy dtype '" + PythonTypes.printable(code) + "' is not supported");
        }
        boolean supported = switch (kind) {
            case 'f' -> size == 2 || size == 4 || size == 8;
            case 'i', 'u' -> size == 1 || size == 2 || size == 4 || size == 8;
            case 'b' -> size == 1;
            case 'O' -> true;
            default -> false;
        };
        if (!supported) {
            throw new PickleRefusal("numpy dtype '" + PythonTypes.printable(code)
                    + "' is not supported (only numbers, booleans and objects are)");
        }
        return new NumpyDtype(kind, size);
    }

    /** State: (version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata]). */
    @Override
    public void build(Object state) {
        if (!(state instanceof Object[] s) || s.length < 2 || !(s[1] instanceof String byteOrder)) {
            throw new PickleRefusal("numpy dtype state is not a (version, byte order, ...) tuple");
        }
        if (s.length > 3 && s[3] != null) {
            throw new PickleRefusal("structured numpy dtypes are not supported");
        }
        order = switch (byteOrder) {
            case ">" -> ByteOrder.BIG_ENDIAN;
            case "<", "|", "=" -> ByteOrder.LITTLE_ENDIAN;
            default -> throw new PickleRefusal("numpy dtype has byte order '" + PythonTypes.printable(byteOrder) + "'");
        };
    }

    boolean isObject() {
        return kind == 'O';
    }

    int itemSize() {
        return itemSize;
    }

    /** The element at byte {@code offset} of {@code raw} as a Java Number or Boolean. */
    Object decode(byte[] raw, int offset) {
        if (isObject()) {
            throw new PickleRefusal("numpy object scalars are not supported");
        }
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        return switch (kind) {
            case 'b' -> raw[offset] != 0;
            case 'f' -> switch (itemSize) {
                case 2 -> (double) HalfFloat.toFloat(b.getShort(offset));
                case 4 -> (double) b.getFloat(offset);
                default -> b.getDouble(offset);
            };
            case 'i' -> switch (itemSize) {
                case 1 -> (int) raw[offset];
                case 2 -> (int) b.getShort(offset);
                case 4 -> b.getInt(offset);
                default -> PlainValues.narrow(b.getLong(offset));
            };
            default -> switch (itemSize) {
                case 1 -> raw[offset] & 0xff;
                case 2 -> b.getShort(offset) & 0xffff;
                case 4 -> PlainValues.narrow(b.getInt(offset) & 0xffffffffL);
                default -> PlainValues.narrow(new BigInteger(Long.toUnsignedString(b.getLong(offset))));
            };
        };
    }

    /** {@code numpy.core.multiarray.scalar(dtype, raw bytes)}. */
    static Object scalar(Object[] args) {
        if (args.length != 2 || !(args[0] instanceof NumpyDtype dtype)) {
            throw new PickleRefusal("numpy scalar is called without a dtype");
        }
        byte[] raw = RawBytes.of(args[1], "numpy scalar");
        if (dtype.isObject() || raw.length != dtype.itemSize) {
            throw new PickleRefusal("numpy scalar holds " + raw.length + " bytes for a " + dtype.itemSize + "-byte dtype");
        }
        return dtype.decode(raw, 0);
    }

    @Override
    public String toString() {
        return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + kind + itemSize;
    }
}
