package io.charagen.generator.encoder;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import io.charagen.generator.checkpoint.CardWeights;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.encoder.HeadEncoderCard.ConvLayer;
import io.charagen.generator.encoder.HeadEncoderCard.Head;
import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.StrictJson;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.sheet.Direction;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads head encoder cards strictly: unknown fields, missing ones, wrong types, non-finite numbers
 * and an input or network this runtime does not compute are errors that name the file and the field.
 */
final class HeadEncoderCardJson {

    private static final long MAX_CARD_BYTES = 1 << 20;
    private static final Set<String> FIELDS = Set.of("format", "name", "input", "network", "heads", "w_dim", "pairs",
            "training", "weights");
    private static final Set<String> INPUT_FIELDS = Set.of("frames", "pattern", "rows", "width", "channels_per_frame",
            "mask_alpha_at_least", "rgb");
    private static final Set<String> NETWORK_FIELDS = Set.of("convs", "kernel", "padding", "hidden", "leaky_relu_slope");
    private static final List<String> CHANNELS_PER_FRAME = List.of("r", "g", "b", "mask");
    /** How the toolkit scales colours, in its own words; another rule is another encoder. */
    private static final String RGB_RULE = "value / 127.5 - 1, times the mask";
    /** Bounds that keep every tensor size far from overflowing. */
    private static final int MAX_CHANNELS = 1 << 16;
    private static final int MAX_STRIDE = 64;

    private HeadEncoderCardJson() {
    }

    static HeadEncoderCard read(Path json) throws CheckpointException {
        String source = json.toString();
        try {
            String text = StrictJson.readText(json, MAX_CARD_BYTES, "a head encoder card");
            return parse(JsonFields.of(StrictJson.parseObject(text, source), source));
        } catch (JsonFormatException e) {
            throw new CheckpointException(e.getMessage(), e);
        }
    }

    private static HeadEncoderCard parse(JsonFields card) throws JsonFormatException {
        card.allowOnly(FIELDS);
        String format = card.string("format");
        if (!HeadEncoderCard.FORMAT.equals(format)) {
            throw card.error("format", "is '" + format + "', expected '" + HeadEncoderCard.FORMAT + "'");
        }
        String name = card.string("name");
        if (name.isBlank()) {
            throw card.error("name", "is empty");
        }
        HeadEncoderInput input = input(card.nested("input"));
        JsonFields network = card.nested("network");
        network.allowOnly(NETWORK_FIELDS);
        List<ConvLayer> convs = convs(network);
        requireValue(network, "kernel", 3);
        requireValue(network, "padding", 1);
        int hidden = bounded(network, "hidden", 1, MAX_CHANNELS);
        double slope = network.number("leaky_relu_slope", 0, 1);
        List<Head> heads = heads(card);
        int wDim = bounded(card, "w_dim", 1, MAX_CHANNELS);
        JsonFields pairs = card.nested("pairs");
        pairs.allowOnly(Set.of("sprite", "portrait"));
        ModelRef sprite = modelRef(pairs.nested("sprite"));
        ModelRef portrait = modelRef(pairs.nested("portrait"));
        JsonFields weights = card.nested("weights");
        weights.allowOnly(Set.of("file", "sha256"));
        String file = weights.string("file");
        CardWeights.checkPlainFileName(file, weights);
        String sha256 = weights.string("sha256");
        CardWeights.checkSha256(sha256, weights);
        return new HeadEncoderCard(name, input, convs, hidden, slope, heads, wDim, sprite, portrait,
                card.optionalObject("training"), file, sha256);
    }

    private static HeadEncoderInput input(JsonFields input) throws JsonFormatException {
        input.allowOnly(INPUT_FIELDS);
        List<String> names = input.strings("frames");
        List<Direction> frames = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            try {
                frames.add(Direction.fromKey(names.get(i)));
            } catch (IllegalArgumentException e) {
                throw input.error("frames[" + i + "]", "is '" + names.get(i) + "', expected down, left, right or up");
            }
        }
        if (frames.isEmpty() || new HashSet<>(frames).size() != frames.size()) {
            throw input.error("frames", "is " + names + ", expected 1 to 4 different directions");
        }
        if (!input.strings("channels_per_frame").equals(CHANNELS_PER_FRAME)) {
            throw input.error("channels_per_frame", "is " + input.strings("channels_per_frame") + ", expected "
                    + CHANNELS_PER_FRAME);
        }
        if (!RGB_RULE.equals(input.string("rgb"))) {
            throw input.error("rgb", "is '" + input.string("rgb") + "', expected '" + RGB_RULE + "'");
        }
        int pattern = bounded(input, "pattern", 0, 2);
        int width = bounded(input, "width", 1, 4096);
        int rows = bounded(input, "rows", 1, width);
        int alpha = bounded(input, "mask_alpha_at_least", 1, 255);
        return new HeadEncoderInput(frames, pattern, rows, width, alpha);
    }

    private static List<ConvLayer> convs(JsonFields network) throws JsonFormatException {
        JsonArray array = network.array("convs");
        List<ConvLayer> convs = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonFields conv = element(network, "convs", array, i);
            conv.allowOnly(Set.of("out", "stride"));
            convs.add(new ConvLayer(bounded(conv, "out", 1, MAX_CHANNELS), bounded(conv, "stride", 1, MAX_STRIDE)));
        }
        if (convs.isEmpty()) {
            throw network.error("convs", "is empty; expected at least one convolution");
        }
        return convs;
    }

    private static List<Head> heads(JsonFields card) throws JsonFormatException {
        JsonArray array = card.array("heads");
        if (array.isEmpty()) {
            throw card.error("heads", "is empty; expected at least one head");
        }
        List<Head> heads = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            JsonFields head = element(card, "heads", array, i);
            head.allowOnly(Set.of("name", "classes", "tokens"));
            String name = head.string("name");
            if (name.isBlank() || !names.add(name)) {
                throw head.error("name", "is '" + name + "'; each head needs a name of its own");
            }
            List<String> classes = head.strings("classes");
            if (classes.isEmpty() || new HashSet<>(classes).size() != classes.size()) {
                throw head.error("classes", "is " + classes + ", expected one or more different class names");
            }
            heads.add(new Head(name, classes, tokens(head, classes.size())));
        }
        return heads;
    }

    /** A head's tokens: absent or null, or one string (or null) per class. */
    private static List<String> tokens(JsonFields head, int classes) throws JsonFormatException {
        if (!head.has("tokens") || head.required("tokens").isJsonNull()) {
            return null;
        }
        JsonArray array = head.array("tokens");
        if (array.size() != classes) {
            throw head.error("tokens", "has " + array.size() + " entries for " + classes + " classes");
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement token = array.get(i);
            if (token.isJsonNull()) {
                tokens.add(null);
            } else if (token.isJsonPrimitive() && token.getAsJsonPrimitive().isString()) {
                tokens.add(token.getAsString());
            } else {
                throw head.error("tokens[" + i + "]", "must be a string or null, got " + JsonFields.describe(token));
            }
        }
        return tokens;
    }

    private static ModelRef modelRef(JsonFields model) throws JsonFormatException {
        model.allowOnly(Set.of("name", "sha256"));
        String sha256 = model.string("sha256");
        CardWeights.checkSha256(sha256, model);
        return new ModelRef(model.string("name"), sha256);
    }

    /** Element {@code i} of array {@code field}, which must be an object. */
    private static JsonFields element(JsonFields parent, String field, JsonArray array, int i) throws JsonFormatException {
        String at = field + "[" + i + "]";
        if (!array.get(i).isJsonObject()) {
            throw parent.error(at, "must be an object, got " + JsonFields.describe(array.get(i)));
        }
        return new JsonFields(array.get(i).getAsJsonObject(), parent.prefix() + at + ".", parent.source());
    }

    private static int bounded(JsonFields fields, String field, int min, int max) throws JsonFormatException {
        return (int) fields.longInteger(field, min, max);
    }

    /** A field this runtime supports one value of. */
    private static void requireValue(JsonFields fields, String field, int value) throws JsonFormatException {
        int actual = fields.integer(field, Integer.MIN_VALUE);
        if (actual != value) {
            throw fields.error(field, "is " + actual + "; this runtime computes " + field + " " + value + " only");
        }
    }
}
