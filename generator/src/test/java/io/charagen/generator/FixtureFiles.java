package io.charagen.generator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.StateDict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The reference parity fixtures in ../shared/fixtures/nvlabs (read at test time, never copied). */
public final class FixtureFiles {

    public static final List<String> NAMES = List.of("sg2-64", "sg3t-64", "sg3r-64");

    private FixtureFiles() {
    }

    public static Path dir() {
        String property = System.getProperty("charagen.fixtures");
        Path dir = Path.of(property != null ? property : "../../shared/fixtures/nvlabs");
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("parity fixtures not found at " + dir.toAbsolutePath()
                    + " (set -Dcharagen.fixtures to the folder holding sg2-64.npz etc.)");
        }
        return dir;
    }

    public static Path pkl(String name) {
        return dir().resolve(name + ".pkl");
    }

    public static JsonObject config(String name) throws IOException {
        return JsonParser.parseString(Files.readString(dir().resolve(name + ".json"))).getAsJsonObject();
    }

    /** Every array of NAME.npz by key, on {@code manager}. */
    public static Map<String, NDArray> arrays(NDManager manager, String name) throws IOException {
        Map<String, NDArray> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(dir().resolve(name + ".npz"))) {
            for (NDArray a : NDList.decode(manager, in)) {
                out.put(a.getName(), a);
            }
        }
        return out;
    }

    /** G_ema's state dict from the npz's param/ entries. */
    public static StateDict stateDictFromNpz(NDManager manager, String name) throws IOException {
        Map<String, HostTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : arrays(manager, name).entrySet()) {
            if (e.getKey().startsWith("param/")) {
                NDArray a = e.getValue().toType(DataType.FLOAT32, false);
                tensors.put(e.getKey().substring("param/".length()),
                        new HostTensor(DataType.FLOAT32, a.getShape(), a.toByteBuffer()));
            }
        }
        return new StateDict(name + ".npz", tensors);
    }

    /** The largest absolute difference between two arrays of the same shape. */
    public static double maxAbsDiff(NDArray a, NDArray b) {
        if (!a.getShape().equals(b.getShape())) {
            throw new AssertionError("shapes differ: " + a.getShape() + " vs " + b.getShape());
        }
        return a.toType(DataType.FLOAT64, false).sub(b.toType(DataType.FLOAT64, false)).abs().max().getDouble();
    }
}
