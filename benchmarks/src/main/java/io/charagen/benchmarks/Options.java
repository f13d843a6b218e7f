package io.charagen.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line settings as key=value words, each with a default; unknown keys are an error. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args, Map<String, String> defaults) {
        values.putAll(defaults);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            String key = eq < 0 ? arg : arg.substring(0, eq);
            if (eq < 0 || !defaults.containsKey(key)) {
                throw new IllegalArgumentException("unknown setting '" + arg + "'; settings are key=value with keys "
                        + defaults.keySet());
            }
            values.put(key, arg.substring(eq + 1));
        }
    }

    int getInt(String key) {
        return Integer.parseInt(values.get(key));
    }

    double getDouble(String key) {
        return Double.parseDouble(values.get(key));
    }

    /** A comma-separated list; empty when the value is empty. */
    List<String> getList(String key) {
        String v = values.get(key).trim();
        return v.isEmpty() ? List.of() : List.of(v.split("\\s*,\\s*"));
    }

    @Override
    public String toString() {
        return new java.util.TreeMap<>(values).toString();
    }
}
