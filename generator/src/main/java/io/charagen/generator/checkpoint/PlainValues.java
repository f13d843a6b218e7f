package io.charagen.generator.checkpoint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns unpickled values into plain Java values: Map (ordered), List (from lists, tuples and
 * sets), Number (Integer where it fits, else Long, else BigInteger; Double for floats),
 * String, Boolean, null, plus byte[] and HostTensor as they are. numpy scalars are already
 * numbers; numpy arrays become nested lists.
 */
final class PlainValues {

    private static final int MAX_DEPTH = 100;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private PlainValues() {
    }

    static Object of(Object value) {
        return convert(value, 0);
    }

    private static Object convert(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new PickleRefusal("a value is nested more than " + MAX_DEPTH + " levels deep (or refers to itself)");
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Double
                || value instanceof Integer || value instanceof byte[] || value instanceof HostTensor) {
            return value;
        }
        if (value instanceof Long l) {
            return narrow(l);
        }
        if (value instanceof BigInteger b) {
            return narrow(b);
        }
        if (value instanceof Float f) {
            return f.doubleValue();
        }
        if (value instanceof Object[] tuple) {
            return listOf(Arrays.asList(tuple), depth);
        }
        if (value instanceof Collection<?> items) {
            return listOf(items, depth);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                out.put(convert(e.getKey(), depth + 1), convert(e.getValue(), depth + 1));
            }
            return Collections.unmodifiableMap(out);
        }
        if (value instanceof NumpyArray array) {
            return array.toPlain();
        }
        if (value instanceof NumpyDtype dtype) {
            return dtype.toString();
        }
        throw new PickleRefusal("a " + PythonTypes.nameOf(value) + " where plain data was expected");
    }

    private static List<Object> listOf(Collection<?> items, int depth) {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(convert(item, depth + 1));
        }
        return Collections.unmodifiableList(out);
    }

    static Number narrow(long value) {
        // Not a ?: expression: that would unbox both branches to long and box a Long again.
        if (value == (int) value) {
            return Integer.valueOf((int) value);
        }
        return Long.valueOf(value);
    }

    static Number narrow(BigInteger value) {
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return narrow(value.longValue());
        }
        return value;
    }

    /** A size or index from the pickle: an integer that fits a long and is not negative. */
    static long nonNegativeLong(Object value, String what) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new PickleRefusal(what + " is a " + PythonTypes.nameOf(value) + ", expected a small non-negative int");
        }
        long n = ((Number) value).longValue();
        if (n < 0) {
            throw new PickleRefusal(what + " is negative (" + n + ")");
        }
        return n;
    }
}
