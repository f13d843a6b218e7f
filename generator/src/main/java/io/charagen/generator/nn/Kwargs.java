package io.charagen.generator.nn;

import io.charagen.generator.checkpoint.CheckpointException;

import java.util.Map;

/** Typed, defaulted access to a network's constructor kwargs; errors name the key and the file. */
public final class Kwargs {

    private final String source;
    private final Map<String, Object> values;

    public Kwargs(String source, Map<String, Object> values) {
        this.source = source;
        this.values = values == null ? Map.of() : values;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public int getInt(String key) throws CheckpointException {
        Object v = require(key);
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return Math.toIntExact(n.longValue());
        }
        throw wrongType(key, v, "an integer");
    }

    public int getInt(String key, int fallback) throws CheckpointException {
        return has(key) ? getInt(key) : fallback;
    }

    public double getDouble(String key, double fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        throw wrongType(key, v, "a finite number");
    }

    /** A number that may be given as null (for example conv_clamp: null means no clamping). */
    public Double getNullableDouble(String key, Double fallback) throws CheckpointException {
        if (!values.containsKey(key)) {
            return fallback;
        }
        return values.get(key) == null ? null : getDouble(key, 0);
    }

    public boolean getBoolean(String key, boolean fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, v, "true or false");
    }

    public String getString(String key, String fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        Object v = values.get(key);
        if (v instanceof String s) {
            return s;
        }
        throw wrongType(key, v, "a string");
    }

    /** A nested kwargs dict such as mapping_kwargs; empty when absent. */
    @SuppressWarnings("unchecked")
    public Kwargs getNested(String key) throws CheckpointException {
        if (!has(key)) {
            return new Kwargs(source, Map.of());
        }
        Object v = values.get(key);
        if (v instanceof Map<?, ?> m) {
            return new Kwargs(source + " " + key, (Map<String, Object>) m);
        }
        throw wrongType(key, v, "a dict");
    }

    private Object require(String key) throws CheckpointException {
        if (!has(key)) {
            throw new CheckpointException(source + ": the network's kwargs lack '" + key + "'");
        }
        return values.get(key);
    }

    private CheckpointException wrongType(String key, Object v, String expected) {
        return new CheckpointException(source + ": kwarg '" + key + "' is " + v + ", expected " + expected);
    }
}
