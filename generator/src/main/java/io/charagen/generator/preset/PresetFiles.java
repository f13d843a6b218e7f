package io.charagen.generator.preset;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.charagen.generator.io.NpyWriter;
import io.charagen.generator.io.SafeFiles;
import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.StrictJson;
import io.charagen.generator.model.ModelRef;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes presets: {@code <name>.json} (format {@value #FORMAT}) with its w values in an
 * {@code .npy} file beside it ([num_ws, w_dim] float32). Reading is strict: unknown fields, wrong
 * types, a w file that is not a plain name in the same folder, a shape that is not the one the JSON
 * states, and NaN or infinite values are errors naming the file and field.
 */
public final class PresetFiles {

    public static final String FORMAT = "charagen-preset/1";
    private static final long MAX_JSON_BYTES = 1 << 20;
    private static final long MAX_NPY_BYTES = 64L << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("format", "name", "kind", "model", "layer_group", "layers", "mode",
            "strength", "num_ws", "w_dim", "w", "description", "source");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    private PresetFiles() {
    }

    /** Reads and validates {@code json} and the w values it names. */
    public static Preset read(Path json) throws PresetException {
        String source = json.toString();
        try {
            JsonFields f = JsonFields.of(StrictJson.parseObject(StrictJson.readText(json, MAX_JSON_BYTES, "a preset"), source),
                    source);
            f.allowOnly(FIELDS);
            String format = f.string("format");
            if (!FORMAT.equals(format)) {
                throw f.error("format", "is '" + format + "', expected '" + FORMAT + "'");
            }
            String name = f.string("name");
            if (!Preset.NAME.matcher(name).matches()) {
                throw f.error("name", "is '" + name + "'; use lowercase letters, digits, '_' or '-'");
            }
            PresetKind kind = parseEnum(f, "kind", PresetKind.values());
            JsonFields model = f.nested("model");
            model.allowOnly(Set.of("name", "sha256"));
            String sha256 = model.string("sha256");
            if (!SHA256.matcher(sha256).matches()) {
                throw model.error("sha256", "is '" + sha256 + "', expected 64 lowercase hex digits");
            }
            int numWs = f.integer("num_ws", 1);
            int wDim = f.integer("w_dim", 1);
            if (f.has("layer_group") == f.has("layers")) {
                throw f.error("layer_group", "or 'layers': give exactly one of them");
            }
            String group = f.optionalString("layer_group");
            var layers = f.has("layers") ? f.integers("layers", 0, numWs - 1) : null;
            if (layers != null && (layers.isEmpty() || layers.stream().distinct().count() != layers.size())) {
                throw f.error("layers", "must list distinct layer indices, at least one");
            }
            BlendMode mode = parseEnum(f, "mode", BlendMode.values());
            double strength = f.has("strength") ? f.number("strength", -4, 4) : 1.0;
            String wFile = f.string("w");
            checkPlainNpyName(f, wFile);
            float[] w = readW(json.resolveSibling(wFile), numWs, wDim);
            if (!name.equals(stem(json))) {
                throw f.error("name", "is '" + name + "' but the file is " + json.getFileName()
                        + "; a preset's file is named after it");
            }
            return new Preset(name, kind, new ModelRef(model.string("name"), sha256), group, layers, mode, strength,
                    numWs, wDim, w, f.optionalString("description"), f.optionalObject("source"));
        } catch (JsonFormatException e) {
            throw new PresetException(e.getMessage(), e);
        }
    }

    /**
     * Writes {@code <dir>/<name>.json} and {@code <dir>/<name>.npy}. Neither is replaced unless
     * {@code overwrite}; both are checked before either is written.
     */
    public static Path write(Path dir, Preset preset, boolean overwrite) throws IOException {
        Path json = dir.resolve(preset.name() + ".json");
        Path npy = dir.resolve(preset.name() + ".npy");
        for (Path target : new Path[] {json, npy}) {
            if (!overwrite && Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to replace it)");
            }
        }
        byte[] wBytes = NpyWriter.encode(new long[] {preset.numWs(), preset.wDim()}, preset.w());
        SafeFiles.write(npy, overwrite, out -> out.write(wBytes));
        byte[] text = toJson(preset, npy.getFileName().toString()).getBytes(StandardCharsets.UTF_8);
        SafeFiles.write(json, overwrite, out -> out.write(text));
        return json;
    }

    static String toJson(Preset preset, String wFile) {
        JsonObject out = new JsonObject();
        out.addProperty("format", FORMAT);
        out.addProperty("name", preset.name());
        out.addProperty("kind", preset.kind().key());
        JsonObject model = new JsonObject();
        model.addProperty("name", preset.model().name());
        model.addProperty("sha256", preset.model().sha256());
        out.add("model", model);
        if (preset.layerGroup() != null) {
            out.addProperty("layer_group", preset.layerGroup());
        } else {
            JsonArray layers = new JsonArray();
            preset.layers().forEach(layers::add);
            out.add("layers", layers);
        }
        out.addProperty("mode", preset.mode().key());
        out.addProperty("strength", preset.strength());
        out.addProperty("num_ws", preset.numWs());
        out.addProperty("w_dim", preset.wDim());
        out.addProperty("w", wFile);
        if (preset.description() != null) {
            out.addProperty("description", preset.description());
        }
        if (preset.source() != null) {
            out.add("source", preset.source());
        }
        return GSON.toJson(out) + "\n";
    }

    private static <E extends Enum<E>> E parseEnum(JsonFields f, String field, E[] values) throws JsonFormatException {
        String text = f.string(field);
        for (E value : values) {
            if (value.name().toLowerCase(Locale.ROOT).equals(text)) {
                return value;
            }
        }
        throw f.error(field, "is '" + text + "', expected one of " + Arrays.stream(values)
                .map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }

    private static void checkPlainNpyName(JsonFields f, String file) throws JsonFormatException {
        boolean plain = !file.isEmpty() && !file.contains("/") && !file.contains("\\") && !file.contains("..")
                && !file.startsWith(".") && file.chars().noneMatch(c -> c < 0x20 || c == ':');
        if (!plain || !file.endsWith(".npy")) {
            throw f.error("w", "is '" + file + "'; it must be a plain .npy file name in the preset's folder");
        }
    }

    private static float[] readW(Path npy, int numWs, int wDim) throws PresetException {
        byte[] bytes;
        try {
            if (Files.size(npy) > MAX_NPY_BYTES) {
                throw new PresetException(npy + ": larger than " + MAX_NPY_BYTES + " bytes; not a preset's w values");
            }
            bytes = Files.readAllBytes(npy);
        } catch (IOException e) {
            throw new PresetException(npy + ": cannot read the preset's w values: " + e.getMessage(), e);
        }
        if (bytes.length < 6 || (bytes[0] & 0xff) != 0x93 || !new String(bytes, 1, 5, StandardCharsets.US_ASCII).equals("NUMPY")) {
            throw new PresetException(npy + ": not a .npy file");
        }
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDList list = NDList.decode(manager, bytes);
            NDArray array = list.singletonOrThrow();
            if (array.getDataType() != DataType.FLOAT32) {
                throw new PresetException(npy + ": w values are " + array.getDataType() + ", expected float32");
            }
            long[] shape = array.getShape().getShape();
            if (shape.length != 2 || shape[0] != numWs || shape[1] != wDim) {
                throw new PresetException(npy + ": w values have shape " + array.getShape() + ", expected (" + numWs
                        + ", " + wDim + ") as the preset's num_ws and w_dim say");
            }
            float[] w = array.toFloatArray();
            for (int i = 0; i < w.length; i++) {
                if (!Float.isFinite(w[i])) {
                    throw new PresetException(npy + ": w value " + i + " is " + w[i] + "; w values must be finite");
                }
            }
            return w;
        } catch (PresetException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PresetException(npy + ": not a readable .npy file: " + e.getMessage(), e);
        }
    }

    private static String stem(Path json) {
        String file = json.getFileName().toString();
        return file.endsWith(".json") ? file.substring(0, file.length() - 5) : file;
    }
}
