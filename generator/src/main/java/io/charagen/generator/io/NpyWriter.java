package io.charagen.generator.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes C-order arrays as NumPy {@code .npy} files, format version 1.0, little-endian:
 * float32 ({@code '<f4'}) from {@code float[]} and float64 ({@code '<f8'}) from {@code double[]}.
 * Files are built in memory, so the data must fit in one Java array of bytes (under 2 GiB).
 */
public final class NpyWriter {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};
    private static final int PREAMBLE = MAGIC.length + 2; // magic, version, uint16 header length
    private static final int ALIGNMENT = 64;

    private NpyWriter() {
    }

    /** The whole file for float32 {@code data} of {@code shape}. */
    public static byte[] encode(long[] shape, float[] data) {
        checkSize(shape, data.length);
        byte[] header = header("<f4", shape);
        ByteBuffer out = ByteBuffer.allocate(header.length + Math.multiplyExact(data.length, Float.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asFloatBuffer().put(data);
        return out.array();
    }

    /** The whole file for float64 {@code data} of {@code shape}. */
    public static byte[] encode(long[] shape, double[] data) {
        checkSize(shape, data.length);
        byte[] header = header("<f8", shape);
        ByteBuffer out = ByteBuffer.allocate(header.length + Math.multiplyExact(data.length, Double.BYTES))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.put(header);
        out.asDoubleBuffer().put(data);
        return out.array();
    }

    /** Writes float32 {@code data} of {@code shape} to {@code path}, replacing it atomically. */
    public static void write(Path path, long[] shape, float[] data) throws IOException {
        SafeFiles.write(path, true, out -> out.write(encode(shape, data)));
    }

    /** Writes float64 {@code data} of {@code shape} to {@code path}, replacing it atomically. */
    public static void write(Path path, long[] shape, double[] data) throws IOException {
        SafeFiles.write(path, true, out -> out.write(encode(shape, data)));
    }

    /**
     * Magic, version, header length and the header dict, padded with spaces and ended with a
     * newline so that the data starts on a 64-byte boundary.
     */
    static byte[] header(String descr, long[] shape) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': " + shapeTuple(shape) + ", }";
        int unpadded = PREAMBLE + dict.length() + 1;
        int padding = (ALIGNMENT - unpadded % ALIGNMENT) % ALIGNMENT;
        String text = dict + " ".repeat(padding) + "\n";
        if (text.length() > 0xffff) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " is too long for an .npy 1.0 header");
        }
        ByteBuffer out = ByteBuffer.allocate(PREAMBLE + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return out.array();
    }

    /** Python's tuple syntax: "()", "(5,)", "(2, 3)". */
    static String shapeTuple(long[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        return Arrays.stream(shape).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    private static void checkSize(long[] shape, int length) {
        long size = 1;
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a negative dimension");
            }
            size = Math.multiplyExact(size, dim);
        }
        if (size != length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " holds " + size + " values but " + length + " were given");
        }
    }
}
