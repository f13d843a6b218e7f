package io.charagen.generator.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts between JSON and the plain Java values kwargs are held in, so that values survive
 * a round trip with their types: integers stay Integer (or Long), numbers written with a
 * point or exponent are Double.
 */
final class JsonPlain {

    private JsonPlain() {
    }

    static Map<String, Object> toPlainMap(JsonObject object) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> e : object.entrySet()) {
            out.put(e.getKey(), toPlain(e.getValue()));
        }
        return Collections.unmodifiableMap(out);
    }

    static Object toPlain(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonObject()) {
            return toPlainMap(element.getAsJsonObject());
        }
        if (element.isJsonArray()) {
            List<Object> out = new ArrayList<>();
            element.getAsJsonArray().forEach(item -> out.add(toPlain(item)));
            return Collections.unmodifiableList(out);
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return primitive.getAsBoolean();
        }
        if (primitive.isString()) {
            return primitive.getAsString();
        }
        String literal = primitive.getAsString();
        if (literal.contains(".") || literal.contains("e") || literal.contains("E")) {
            return Double.parseDouble(literal);
        }
        return PlainValues.narrow(new BigInteger(literal));
    }

    /**
     * @param path names the value in errors, e.g. "generator_kwargs.mapping_kwargs"
     * @throws IllegalArgumentException for values JSON cannot hold (NaN, bytes, tensors, non-string keys)
     */
    static JsonElement toJson(Object value, String path) {
        if (value == null) {
            return JsonNull.INSTANCE;
        }
        if (value instanceof Boolean b) {
            return new JsonPrimitive(b);
        }
        if (value instanceof String s) {
            return new JsonPrimitive(s);
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("'" + path + "' is " + d + "; JSON numbers must be finite");
            }
            return new JsonPrimitive(d);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return new JsonPrimitive((Number) value);
        }
        if (value instanceof Map<?, ?> map) {
            JsonObject out = new JsonObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw new IllegalArgumentException("'" + path + "' has a non-string key " + e.getKey());
                }
                out.add(key, toJson(e.getValue(), path + "." + key));
            }
            return out;
        }
        if (value instanceof Collection<?> items) {
            JsonArray out = new JsonArray();
            int i = 0;
            for (Object item : items) {
                out.add(toJson(item, path + "[" + i++ + "]"));
            }
            return out;
        }
        throw new IllegalArgumentException("'" + path + "' is a " + PythonTypes.nameOf(value)
                + ", which a JSON model card cannot hold");
    }
}
