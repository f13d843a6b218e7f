package io.charagen.generator.checkpoint;

import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The model card of a charagen bundle ({@code <name>.json} beside {@code <name>.safetensors}):
 * what the network is and how to build it. JSON field names are the snake_case forms of the
 * components ({@code generator_kwargs}, {@code z_dim}, ...); see {@link ModelCardJson}.
 *
 * @param generatorKwargs the reference Generator's {@code _init_kwargs}, as plain Java values
 * @param layerGroups     named sets of ws layer indices (empty if none)
 * @param layout          free-form sprite sheet layout, or null
 * @param training        free-form notes on training data and run, or null
 * @param licence         or null
 * @param attribution     or null
 * @param weights         the weights file and its sha256; null only before the bundle is written
 * @param output          the palette output of a generator that draws classes instead of RGB, or null
 *                        for an ordinary RGB generator
 */
public record ModelCard(String name, ModelKind kind, Architecture architecture, Map<String, Object> generatorKwargs,
                        int resolution, int zDim, int wDim, int numWs, int imgChannels,
                        Map<String, List<Integer>> layerGroups, JsonObject layout, JsonObject training,
                        String licence, String attribution, Weights weights, PaletteOutputSpec output) {

    public static final String FORMAT = "charagen-model/1";

    /** The weights file (a plain name in the card's folder) and the sha256 of its bytes. */
    public record Weights(String file, String sha256) {
        public Weights {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    public ModelCard {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(architecture, "architecture");
        generatorKwargs = Collections.unmodifiableMap(new LinkedHashMap<>(generatorKwargs));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        (layerGroups == null ? Map.<String, List<Integer>>of() : layerGroups).forEach((k, v) -> groups.put(k, List.copyOf(v)));
        layerGroups = Collections.unmodifiableMap(groups);
        layout = layout == null ? null : layout.deepCopy();
        training = training == null ? null : training.deepCopy();
        if (output != null && output.channels() != imgChannels) {
            throw new IllegalArgumentException("model card '" + name + "': the palette output decodes "
                    + output.channels() + " channels (slots + shades) but img_channels is " + imgChannels);
        }
    }

    /** A card without a palette output: an RGB generator. */
    public ModelCard(String name, ModelKind kind, Architecture architecture, Map<String, Object> generatorKwargs,
                     int resolution, int zDim, int wDim, int numWs, int imgChannels,
                     Map<String, List<Integer>> layerGroups, JsonObject layout, JsonObject training,
                     String licence, String attribution, Weights weights) {
        this(name, kind, architecture, generatorKwargs, resolution, zDim, wDim, numWs, imgChannels, layerGroups,
                layout, training, licence, attribution, weights, null);
    }

    @Override
    public JsonObject layout() {
        return layout == null ? null : layout.deepCopy();
    }

    @Override
    public JsonObject training() {
        return training == null ? null : training.deepCopy();
    }

    public ModelCard withWeights(Weights newWeights) {
        return new ModelCard(name, kind, architecture, generatorKwargs, resolution, zDim, wDim, numWs, imgChannels,
                layerGroups, layout, training, licence, attribution, newWeights, output);
    }

    /** The same card with a palette output (null: none, an RGB generator). */
    public ModelCard withOutput(PaletteOutputSpec newOutput) {
        return new ModelCard(name, kind, architecture, generatorKwargs, resolution, zDim, wDim, numWs, imgChannels,
                layerGroups, layout, training, licence, attribution, weights, newOutput);
    }

    /**
     * The channels of the images the model draws: 3 (RGB) for a generator with a palette output,
     * whose synthesis network's own {@link #imgChannels()} are class logits; else img_channels.
     */
    public int imageChannels() {
        return output != null ? 3 : imgChannels;
    }

    /**
     * A card for a reference generator (a snapshot's G_ema): architecture recognised from its
     * weights, sizes taken from its kwargs. No layer groups, layout or weights yet.
     */
    public static ModelCard forGenerator(String name, ModelKind kind, NetworkRecord generator) throws CheckpointException {
        String source = generator.stateDict().source();
        Architecture architecture = Architecture.infer(generator);
        Map<String, Object> kwargs = generator.initKwargs();
        int resolution = requiredInt(kwargs, "img_resolution", source);
        int numWs;
        try {
            numWs = architecture.numWs(resolution, kwargs);
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(source + ": " + e.getMessage(), e);
        }
        return new ModelCard(name, kind, architecture, kwargs, resolution, requiredInt(kwargs, "z_dim", source),
                requiredInt(kwargs, "w_dim", source), numWs, requiredInt(kwargs, "img_channels", source),
                Map.of(), null, null, null, null, null);
    }

    /** Reads and strictly validates a card file. */
    public static ModelCard read(Path json) throws CheckpointException {
        return ModelCardJson.parse(ModelCardJson.readText(json), json.toString());
    }

    /** The card as it is written to disk. */
    public String toJson() throws CheckpointException {
        return ModelCardJson.write(this, "model card '" + name + "'");
    }

    private static int requiredInt(Map<String, Object> kwargs, String key, String source) throws CheckpointException {
        if (!(kwargs.get(key) instanceof Integer value)) {
            throw new CheckpointException(source + ": generator kwarg '" + key + "' is "
                    + (kwargs.containsKey(key) ? PythonTypes.nameOf(kwargs.get(key)) : "missing") + ", expected an int");
        }
        return value;
    }
}
