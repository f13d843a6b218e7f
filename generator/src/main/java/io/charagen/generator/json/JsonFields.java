package io.charagen.generator.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed, strict access to one JSON object's fields. Every problem (unknown field, missing field,
 * wrong type, out of range) is a {@link JsonFormatException} whose message names the file and the
 * dotted field.
 *
 * @param prefix the object's own dotted path with a trailing dot ("" at the top level)
 */
public record JsonFields(JsonObject object, String prefix, String source) {

    /** The top-level object of {@code source}. */
    public static JsonFields of(JsonObject object, String source) {
        return new JsonFields(object, "", source);
    }

    public JsonFormatException error(String field, String problem) {
        return new JsonFormatException(source + ": field '" + prefix + field + "' " + problem);
    }

    public boolean has(String field) {
        return object.has(field);
    }

    public void allowOnly(Set<String> allowed) throws JsonFormatException {
        for (String key : object.keySet()) {
            if (!allowed.contains(key)) {
                throw new JsonFormatException(source + ": unknown field '" + prefix + key + "' (allowed: "
                        + String.join(", ", new TreeSet<>(allowed)) + ")");
            }
        }
    }

    public JsonElement required(String field) throws JsonFormatException {
        JsonElement value = object.get(field);
        if (value == null) {
            throw new JsonFormatException(source + ": missing required field '" + prefix + field + "'");
        }
        return value;
    }

    public String string(String field) throws JsonFormatException {
        JsonElement value = required(field);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw error(field, "must be a string, got " + describe(value));
        }
        return value.getAsString();
    }

    public String optionalString(String field) throws JsonFormatException {
        return object.has(field) ? string(field) : null;
    }

    public int integer(String field, int min) throws JsonFormatException {
        JsonElement value = required(field);
        Integer parsed = asInt(value);
        if (parsed == null) {
            throw error(field, "must be an integer, got " + describe(value));
        }
        if (parsed < min) {
            throw error(field, "is " + parsed + ", expected at least " + min);
        }
        return parsed;
    }

    /** A whole number in [min, max] (JSON integers up to 2^63). */
    public long longInteger(String field, long min, long max) throws JsonFormatException {
        JsonElement value = required(field);
        Long parsed = null;
        if (value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber() && isIntegerLiteral(value.getAsString())) {
            try {
                parsed = new BigInteger(value.getAsString()).longValueExact();
            } catch (ArithmeticException e) {
                parsed = null;
            }
        }
        if (parsed == null || parsed < min || parsed > max) {
            throw error(field, "is " + describe(value) + ", expected an integer from " + min + " to " + max);
        }
        return parsed;
    }

    /** A finite number in [min, max]. */
    public double number(String field, double min, double max) throws JsonFormatException {
        JsonElement value = required(field);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw error(field, "must be a number, got " + describe(value));
        }
        double parsed = value.getAsDouble();
        if (!Double.isFinite(parsed) || parsed < min || parsed > max) {
            throw error(field, "is " + value + ", expected a number from " + min + " to " + max);
        }
        return parsed;
    }

    public boolean bool(String field) throws JsonFormatException {
        JsonElement value = required(field);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw error(field, "must be true or false, got " + describe(value));
        }
        return value.getAsBoolean();
    }

    public JsonObject object(String field) throws JsonFormatException {
        JsonElement value = required(field);
        if (!value.isJsonObject()) {
            throw error(field, "must be an object, got " + describe(value));
        }
        return value.getAsJsonObject();
    }

    public JsonObject optionalObject(String field) throws JsonFormatException {
        return object.has(field) ? object(field) : null;
    }

    /** The fields of a nested object, with errors naming it. */
    public JsonFields nested(String field) throws JsonFormatException {
        return new JsonFields(object(field), prefix + field + ".", source);
    }

    public JsonArray array(String field) throws JsonFormatException {
        JsonElement value = required(field);
        if (!value.isJsonArray()) {
            throw error(field, "must be an array, got " + describe(value));
        }
        return value.getAsJsonArray();
    }

    /** An array of strings. */
    public List<String> strings(String field) throws JsonFormatException {
        JsonArray array = array(field);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement e = array.get(i);
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw error(field + "[" + i + "]", "must be a string, got " + describe(e));
            }
            out.add(e.getAsString());
        }
        return out;
    }

    /** An array of integers, each in [min, max]. */
    public List<Integer> integers(String field, int min, int max) throws JsonFormatException {
        JsonArray array = array(field);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            Integer value = asInt(array.get(i));
            if (value == null || value < min || value > max) {
                throw error(field + "[" + i + "]", "is " + describe(array.get(i)) + ", expected an integer from "
                        + min + " to " + max);
            }
            out.add(value);
        }
        return out;
    }

    public static Integer asInt(JsonElement value) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber() || !isIntegerLiteral(value.getAsString())) {
            return null;
        }
        try {
            return new BigInteger(value.getAsString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static boolean isIntegerLiteral(String literal) {
        return !(literal.contains(".") || literal.contains("e") || literal.contains("E"));
    }

    /** A short description of a value for error messages. */
    public static String describe(JsonElement value) {
        String kind = value.isJsonNull() ? "null" : value.isJsonObject() ? "an object" : value.isJsonArray() ? "an array"
                : ((JsonPrimitive) value).isString() ? "the string " + value : value.toString();
        return kind.length() > 80 ? kind.substring(0, 80) + "..." : kind;
    }
}
