package io.charagen.generator.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and writes model cards. Reading is strict: unknown fields, missing required ones,
 * wrong types, non-finite numbers and values that contradict each other are errors that
 * name the file and the field.
 */
final class ModelCardJson {

    private static final long MAX_CARD_BYTES = 16 << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> FIELDS = Set.of("format", "name", "kind", "architecture", "generator_kwargs",
            "resolution", "z_dim", "w_dim", "num_ws", "img_channels", "layer_groups", "layout", "training",
            "licence", "attribution", "weights");
    private static final Set<String> WEIGHTS_FIELDS = Set.of("file", "sha256");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ModelCardJson() {
    }

    static String readText(Path json) throws CheckpointException {
        try {
            if (Files.size(json) > MAX_CARD_BYTES) {
                throw new CheckpointException(json + ": a model card larger than " + MAX_CARD_BYTES + " bytes");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(json))).toString();
        } catch (NoSuchFileException e) {
            throw new CheckpointException(json + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new CheckpointException(json + ": not UTF-8 text", e);
        } catch (CheckpointException e) {
            throw e;
        } catch (IOException e) {
            throw new CheckpointException(json + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    static ModelCard parse(String text, String source) throws CheckpointException {
        Fields card = new Fields(StrictJson.parseObject(text, source), "", source);
        card.allowOnly(FIELDS);
        String format = card.string("format");
        if (!ModelCard.FORMAT.equals(format)) {
            throw card.error("format", "is '" + format + "', expected '" + ModelCard.FORMAT + "'");
        }
        String name = card.string("name");
        if (name.isBlank()) {
            throw card.error("name", "is empty");
        }
        String kindName = card.string("kind");
        ModelKind kind = ModelKind.fromCardName(kindName)
                .orElseThrow(() -> card.error("kind", "is '" + kindName + "', expected 'sprite' or 'portrait'"));
        String architectureName = card.string("architecture");
        Architecture architecture = Architecture.fromCardName(architectureName).orElseThrow(() -> card.error(
                "architecture", "is '" + architectureName + "', expected 'stylegan2', 'stylegan3-t' or 'stylegan3-r'"));
        Map<String, Object> kwargs = JsonPlain.toPlainMap(card.object("generator_kwargs"));
        int resolution = card.integer("resolution", 1);
        int zDim = card.integer("z_dim", 1);
        int wDim = card.integer("w_dim", 1);
        int numWs = card.integer("num_ws", 1);
        int imgChannels = card.integer("img_channels", 1);
        card.agreesWithKwarg("resolution", resolution, kwargs, "img_resolution");
        card.agreesWithKwarg("z_dim", zDim, kwargs, "z_dim");
        card.agreesWithKwarg("w_dim", wDim, kwargs, "w_dim");
        card.agreesWithKwarg("img_channels", imgChannels, kwargs, "img_channels");
        int expectedWs;
        try {
            expectedWs = architecture.numWs(resolution, kwargs);
        } catch (IllegalArgumentException e) {
            throw card.error("generator_kwargs", "do not describe a " + architecture.cardName() + " generator: "
                    + e.getMessage());
        }
        if (numWs != expectedWs) {
            throw card.error("num_ws", "is " + numWs + " but a " + architecture.cardName() + " generator at resolution "
                    + resolution + " with these kwargs has " + expectedWs);
        }
        Map<String, List<Integer>> layerGroups = card.layerGroups(numWs);
        JsonObject layout = card.optionalObject("layout");
        JsonObject training = card.optionalObject("training");
        String licence = card.optionalString("licence");
        String attribution = card.optionalString("attribution");
        Fields weights = new Fields(card.object("weights"), "weights.", source);
        weights.allowOnly(WEIGHTS_FIELDS);
        String file = weights.string("file");
        checkPlainFileName(file, weights);
        String sha256 = weights.string("sha256");
        if (!SHA256.matcher(sha256).matches()) {
            throw weights.error("sha256", "is '" + sha256 + "', expected 64 lowercase hex digits");
        }
        return new ModelCard(name, kind, architecture, kwargs, resolution, zDim, wDim, numWs, imgChannels,
                layerGroups, layout, training, licence, attribution, new ModelCard.Weights(file, sha256));
    }

    static String write(ModelCard card, String target) throws CheckpointException {
        JsonObject out = new JsonObject();
        out.addProperty("format", ModelCard.FORMAT);
        out.addProperty("name", card.name());
        out.addProperty("kind", card.kind().cardName());
        out.addProperty("architecture", card.architecture().cardName());
        out.addProperty("resolution", card.resolution());
        out.addProperty("z_dim", card.zDim());
        out.addProperty("w_dim", card.wDim());
        out.addProperty("num_ws", card.numWs());
        out.addProperty("img_channels", card.imgChannels());
        try {
            out.add("generator_kwargs", JsonPlain.toJson(card.generatorKwargs(), "generator_kwargs"));
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(target + ": cannot write the model card: " + e.getMessage(), e);
        }
        if (!card.layerGroups().isEmpty()) {
            JsonObject groups = new JsonObject();
            card.layerGroups().forEach((group, layers) -> {
                JsonArray indices = new JsonArray();
                layers.forEach(indices::add);
                groups.add(group, indices);
            });
            out.add("layer_groups", groups);
        }
        if (card.layout() != null) {
            out.add("layout", card.layout());
        }
        if (card.training() != null) {
            out.add("training", card.training());
        }
        if (card.licence() != null) {
            out.addProperty("licence", card.licence());
        }
        if (card.attribution() != null) {
            out.addProperty("attribution", card.attribution());
        }
        if (card.weights() != null) {
            JsonObject weights = new JsonObject();
            weights.addProperty("file", card.weights().file());
            weights.addProperty("sha256", card.weights().sha256());
            out.add("weights", weights);
        }
        return GSON.toJson(out) + "\n";
    }

    /** The weights must sit beside the card: a bare file name, never a path. */
    private static void checkPlainFileName(String file, Fields weights) throws CheckpointException {
        boolean plain = !file.isEmpty() && !file.contains("/") && !file.contains("\\") && !file.contains("..")
                && file.chars().noneMatch(c -> c < 0x20 || c == ':');
        if (!plain) {
            throw weights.error("file", "is '" + PythonTypes.printable(file)
                    + "'; it must be a plain file name in the card's folder (no path separators or '..')");
        }
        if (!file.endsWith(".safetensors")) {
            throw weights.error("file", "is '" + PythonTypes.printable(file) + "', expected a .safetensors file");
        }
    }

    /** Typed access to one JSON object's fields, with errors naming the file and field. */
    private record Fields(JsonObject object, String prefix, String source) {

        CheckpointException error(String field, String problem) {
            return new CheckpointException(source + ": field '" + prefix + field + "' " + problem);
        }

        void allowOnly(Set<String> allowed) throws CheckpointException {
            for (String key : object.keySet()) {
                if (!allowed.contains(key)) {
                    throw new CheckpointException(source + ": unknown field '" + prefix + key + "' (allowed: "
                            + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            }
        }

        private JsonElement required(String field) throws CheckpointException {
            JsonElement value = object.get(field);
            if (value == null) {
                throw new CheckpointException(source + ": missing required field '" + prefix + field + "'");
            }
            return value;
        }

        String string(String field) throws CheckpointException {
            JsonElement value = required(field);
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw error(field, "must be a string, got " + describe(value));
            }
            return value.getAsString();
        }

        String optionalString(String field) throws CheckpointException {
            return object.has(field) ? string(field) : null;
        }

        int integer(String field, int min) throws CheckpointException {
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

        JsonObject object(String field) throws CheckpointException {
            JsonElement value = required(field);
            if (!value.isJsonObject()) {
                throw error(field, "must be an object, got " + describe(value));
            }
            return value.getAsJsonObject();
        }

        JsonObject optionalObject(String field) throws CheckpointException {
            return object.has(field) ? object(field) : null;
        }

        void agreesWithKwarg(String field, int value, Map<String, Object> kwargs, String kwarg) throws CheckpointException {
            if (kwargs.containsKey(kwarg) && !Integer.valueOf(value).equals(kwargs.get(kwarg))) {
                throw error(field, "is " + value + " but generator_kwargs." + kwarg + " is " + kwargs.get(kwarg));
            }
        }

        Map<String, List<Integer>> layerGroups(int numWs) throws CheckpointException {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            JsonObject json = optionalObject("layer_groups");
            if (json == null) {
                return groups;
            }
            for (Map.Entry<String, JsonElement> e : json.entrySet()) {
                String field = "layer_groups." + e.getKey();
                if (e.getKey().isBlank()) {
                    throw error("layer_groups", "has a group with an empty name");
                }
                if (!e.getValue().isJsonArray()) {
                    throw error(field, "must be an array of layer indices, got " + describe(e.getValue()));
                }
                List<Integer> layers = new ArrayList<>();
                Set<Integer> seen = new HashSet<>();
                JsonArray array = e.getValue().getAsJsonArray();
                for (int i = 0; i < array.size(); i++) {
                    Integer layer = asInt(array.get(i));
                    if (layer == null || layer < 0 || layer >= numWs) {
                        throw error(field + "[" + i + "]", "is " + describe(array.get(i))
                                + ", expected a ws layer index from 0 to " + (numWs - 1));
                    }
                    if (!seen.add(layer)) {
                        throw error(field + "[" + i + "]", "repeats layer " + layer);
                    }
                    layers.add(layer);
                }
                groups.put(e.getKey(), layers);
            }
            return groups;
        }

        private static Integer asInt(JsonElement value) {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
                return null;
            }
            String literal = value.getAsString();
            if (literal.contains(".") || literal.contains("e") || literal.contains("E")) {
                return null;
            }
            try {
                return new BigInteger(literal).intValueExact();
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
        }

        private static String describe(JsonElement value) {
            String kind = value.isJsonNull() ? "null" : value.isJsonObject() ? "an object" : value.isJsonArray() ? "an array"
                    : ((JsonPrimitive) value).isString() ? "the string " + value : value.toString();
            return kind.length() > 80 ? kind.substring(0, 80) + "..." : kind;
        }
    }
}
