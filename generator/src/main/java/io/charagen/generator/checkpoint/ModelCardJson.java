package io.charagen.generator.checkpoint;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.StrictJson;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes model cards. Reading is strict: unknown fields, missing required ones,
 * wrong types, non-finite numbers and values that contradict each other are errors that
 * name the file and the field.
 */
final class ModelCardJson {

    private static final long MAX_CARD_BYTES = 16 << 20;
    private static final Set<String> FIELDS = Set.of("format", "name", "kind", "architecture", "generator_kwargs",
            "resolution", "z_dim", "w_dim", "num_ws", "img_channels", "layer_groups", "layout", "training",
            "licence", "attribution", "weights", "output");
    private static final Set<String> WEIGHTS_FIELDS = Set.of("file", "sha256");
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

    private ModelCardJson() {
    }

    static String readText(Path json) throws CheckpointException {
        try {
            return StrictJson.readText(json, MAX_CARD_BYTES, "a model card");
        } catch (JsonFormatException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }

    static ModelCard parse(String text, String source) throws CheckpointException {
        try {
            return parseFields(JsonFields.of(StrictJson.parseObject(text, source), source));
        } catch (JsonFormatException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }

    private static ModelCard parseFields(JsonFields card) throws JsonFormatException {
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
        agreesWithKwarg(card, "resolution", resolution, kwargs, "img_resolution");
        agreesWithKwarg(card, "z_dim", zDim, kwargs, "z_dim");
        agreesWithKwarg(card, "w_dim", wDim, kwargs, "w_dim");
        agreesWithKwarg(card, "img_channels", imgChannels, kwargs, "img_channels");
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
        Map<String, List<Integer>> layerGroups = layerGroups(card, numWs);
        JsonObject layout = card.optionalObject("layout");
        JsonObject training = card.optionalObject("training");
        String licence = card.optionalString("licence");
        String attribution = card.optionalString("attribution");
        JsonFields weights = card.nested("weights");
        weights.allowOnly(WEIGHTS_FIELDS);
        String file = weights.string("file");
        CardWeights.checkPlainFileName(file, weights);
        String sha256 = weights.string("sha256");
        CardWeights.checkSha256(sha256, weights);
        PaletteOutputSpec output = null;
        if (card.has("output")) {
            output = PaletteOutputSpec.parse(card.nested("output"), imgChannels, numWs);
            if (output.file().equals(file)) {
                throw card.error("output.file", "is '" + PythonTypes.printable(file)
                        + "', the generator's weights file; the palette head needs a file of its own");
            }
        }
        return new ModelCard(name, kind, architecture, kwargs, resolution, zDim, wDim, numWs, imgChannels,
                layerGroups, layout, training, licence, attribution, new ModelCard.Weights(file, sha256), output);
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
        if (card.output() != null) {
            out.add("output", card.output().toJson());
        }
        return GSON.toJson(out) + "\n";
    }

    private static void agreesWithKwarg(JsonFields card, String field, int value, Map<String, Object> kwargs,
                                        String kwarg) throws JsonFormatException {
        if (kwargs.containsKey(kwarg) && !Integer.valueOf(value).equals(kwargs.get(kwarg))) {
            throw card.error(field, "is " + value + " but generator_kwargs." + kwarg + " is " + kwargs.get(kwarg));
        }
    }

    private static Map<String, List<Integer>> layerGroups(JsonFields card, int numWs) throws JsonFormatException {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        if (!card.has("layer_groups")) {
            return groups;
        }
        JsonFields json = card.nested("layer_groups");
        for (String name : json.object().keySet()) {
            if (name.isBlank()) {
                throw card.error("layer_groups", "has a group with an empty name");
            }
            JsonArray array = json.array(name);
            List<Integer> layers = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                Integer layer = JsonFields.asInt(array.get(i));
                if (layer == null || layer < 0 || layer >= numWs) {
                    throw json.error(name + "[" + i + "]", "is " + JsonFields.describe(array.get(i))
                            + ", expected a ws layer index from 0 to " + (numWs - 1));
                }
                if (layers.contains(layer)) {
                    throw json.error(name + "[" + i + "]", "repeats layer " + layer);
                }
                layers.add(layer);
            }
            groups.put(name, layers);
        }
        return groups;
    }
}
