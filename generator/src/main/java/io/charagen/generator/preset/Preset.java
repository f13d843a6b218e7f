package io.charagen.generator.preset;

import com.google.gson.JsonObject;
import io.charagen.generator.model.LayerGroups;
import io.charagen.generator.model.ModelRef;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A named set of w values for one model and how they apply: an archetype (the look of a hero, a
 * villain...) or an expression (happy, sad, head turned...). The preset touches either the layers of
 * a group named in the model card or an explicit list of layers.
 *
 * @param layerGroup the model card's group it touches, or null when {@code layers} lists them
 * @param layers     explicit ws layer indices, or null when {@code layerGroup} names them
 * @param strength   for lerp and add (replace ignores it)
 * @param w          [num_ws * w_dim] float32, row-major; only the touched layers matter
 * @param source     how it was made (seed, image, labelled folders), free-form; may be null
 */
public record Preset(String name, PresetKind kind, ModelRef model, String layerGroup, List<Integer> layers,
                     BlendMode mode, double strength, int numWs, int wDim, float[] w, String description,
                     JsonObject source) {

    /** Preset names: they become file names and command-line words. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

    public Preset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(mode, "mode");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("preset name '" + name + "': use 1-64 lowercase letters, digits, '_' "
                    + "or '-', starting with a letter or digit");
        }
        if ((layerGroup == null) == (layers == null)) {
            throw new IllegalArgumentException("preset '" + name + "': give either a layer group or a list of layers");
        }
        if (w.length != numWs * wDim) {
            throw new IllegalArgumentException("preset '" + name + "': " + w.length + " w values, expected "
                    + numWs + " x " + wDim);
        }
        layers = layers == null ? null : List.copyOf(layers);
        w = w.clone();
        source = source == null ? null : source.deepCopy();
    }

    @Override
    public float[] w() {
        return w.clone();
    }

    @Override
    public JsonObject source() {
        return source == null ? null : source.deepCopy();
    }

    /** The ws layers this preset touches in a model with these groups. */
    public List<Integer> layersIn(LayerGroups groups) {
        List<Integer> touched = layerGroup != null ? groups.layers(layerGroup) : layers;
        for (int layer : touched) {
            if (layer < 0 || layer >= numWs) {
                throw new IllegalArgumentException("preset '" + name + "' touches layer " + layer + ", but the model has "
                        + numWs);
            }
        }
        return touched;
    }

    /** Applies the preset with its own strength to {@code ws} [num_ws * w_dim], in place. */
    public void applyTo(float[] ws, LayerGroups groups) {
        applyTo(ws, layersIn(groups), strength);
    }

    /** Applies the preset to {@code layers} of {@code ws} with {@code strengthToUse}, in place. */
    public void applyTo(float[] ws, List<Integer> layersToTouch, double strengthToUse) {
        if (ws.length != w.length) {
            throw new IllegalArgumentException("preset '" + name + "' has " + numWs + " x " + wDim
                    + " w values, but the ws to change have " + ws.length + " values");
        }
        float s = (float) strengthToUse;
        for (int layer : layersToTouch) {
            for (int i = layer * wDim; i < (layer + 1) * wDim; i++) {
                ws[i] = mode.blend(ws[i], w[i], s);
            }
        }
    }

    /** Refuses to use this preset with any model other than {@code used}. */
    public void requireModel(ModelRef used, String where) throws PresetException {
        if (!model.sha256().equals(used.sha256())) {
            throw new PresetException(where + ": preset '" + name + "' was made for model " + model.describe()
                    + ", not for " + used.describe());
        }
    }
}
