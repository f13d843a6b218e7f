package io.charagen.generator.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Just enough of the .npy format (version 1.0, little-endian, C order) for tests to read
 * fixtures and what {@link NpyWriter} wrote, without Python.
 */
public record NpyTestReader(String descr, long[] shape, int headerLength, String headerText, ByteBuffer data) {

    private static final Pattern DICT = Pattern.compile(
            "\\{'descr': '([^']+)', 'fortran_order': False, 'shape': \\(([^)]*)\\), \\} *\n");

    public static NpyTestReader parse(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        buffer.get(magic);
        if (!Arrays.equals(magic, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0})) {
            throw new IllegalArgumentException("not an .npy 1.0 file: " + Arrays.toString(magic));
        }
        int textLength = Short.toUnsignedInt(buffer.getShort());
        String text = new String(bytes, 10, textLength, StandardCharsets.US_ASCII);
        Matcher m = DICT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("unexpected .npy header: " + text);
        }
        long[] shape = Arrays.stream(m.group(2).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
        ByteBuffer data = ByteBuffer.wrap(bytes, 10 + textLength, bytes.length - 10 - textLength)
                .slice().order(ByteOrder.LITTLE_ENDIAN);
        return new NpyTestReader(m.group(1), shape, 10 + textLength, text, data);
    }

    public double[] doubles() {
        requireDescr("<f8");
        double[] out = new double[data.remaining() / Double.BYTES];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
        return out;
    }

    public float[] floats() {
        requireDescr("<f4");
        float[] out = new float[data.remaining() / Float.BYTES];
        data.duplicate().order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    private void requireDescr(String expected) {
        if (!descr.equals(expected)) {
            throw new IllegalStateException("array is " + descr + ", not " + expected);
        }
    }
}
