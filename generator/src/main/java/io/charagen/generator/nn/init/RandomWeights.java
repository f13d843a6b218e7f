package io.charagen.generator.nn.init;

import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.nn.Kwargs;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.PaletteOutputSpec;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.checkpoint.StateDict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Untrained generators: a complete G_ema state dict for the given constructor kwargs, initialised
 * as the StyleGAN papers initialise a network (weights N(0, 1), since the runtime applies the
 * equalized-learning-rate gains; affine biases 1 so styles start near 1; other biases 0; w_avg 0).
 * For benchmarks and tests, where real checkpoints are large or absent; the same seed and kwargs
 * always give the same tensors.
 *
 * <p>Kwargs are those of the reference Generator: z_dim, w_dim, img_resolution, and optionally
 * c_dim, img_channels, channel_base, channel_max, mapping_kwargs (num_layers, lr_multiplier, ...)
 * and the architecture's own (StyleGAN3: conv_kernel, use_radial_filters, num_layers, ...;
 * StyleGAN2: architecture). Missing ones take the reference defaults, as when loading a checkpoint.
 */
public final class RandomWeights {

    private RandomWeights() {
    }

    /** A StyleGAN3 generator: config T, or R with conv_kernel 1 and use_radial_filters true. */
    public static NetworkRecord stylegan3(Map<String, Object> kwargs, long seed) {
        return build(kwargs, seed, true);
    }

    /** A StyleGAN2 generator (skip or orig synthesis architecture). */
    public static NetworkRecord stylegan2(Map<String, Object> kwargs, long seed) {
        return build(kwargs, seed, false);
    }

    /**
     * An untrained palette head for {@code spec} and {@code wDim}: the tensors {@link PaletteRecord}
     * expects, weights N(0, 1 / fan_in) (plain linear layers, no run-time gain), biases 0.
     */
    public static StateDict paletteHead(PaletteOutputSpec spec, int wDim, long seed) {
        StateDictBuilder b = new StateDictBuilder(seed);
        for (Map.Entry<String, Shape> e : PaletteRecord.expectedShapes(spec, wDim).entrySet()) {
            long[] dims = e.getValue().getShape();
            if (dims.length == 2) {
                b.gaussian(e.getKey(), 1 / Math.sqrt(dims[1]), dims);
            } else {
                b.constant(e.getKey(), 0, dims);
            }
        }
        return b.build("random palette head (seed " + seed + ")");
    }

    private static NetworkRecord build(Map<String, Object> kwargs, long seed, boolean styleGan3) {
        String source = "random " + (styleGan3 ? "StyleGAN3" : "StyleGAN2") + " weights (seed " + seed + ")";
        Kwargs k = new Kwargs(source, kwargs);
        StateDictBuilder b = new StateDictBuilder(seed);
        try {
            int wDim = k.getInt("w_dim");
            // The reference lists the synthesis network's tensors before the mapping network's.
            if (styleGan3) {
                StyleGan3RandomSynthesis.add(b, k, wDim);
            } else {
                StyleGan2RandomSynthesis.add(b, k, wDim);
            }
            addMapping(b, k, styleGan3, wDim);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        // Not Map.copyOf: a kwarg may be null (conv_clamp: None).
        return new NetworkRecord("Generator", Collections.unmodifiableMap(new LinkedHashMap<>(kwargs)),
                b.build(source));
    }

    /**
     * The mapping network's tensors, with the widths {@link Generator} expects: StyleGAN3 embeds the
     * class into w_dim features and runs num_layers (default 2) layers of w_dim; StyleGAN2 embeds into
     * embed_features and runs num_layers (default 8) of layer_features, the last giving w_dim.
     * Dense weights are stored divided by the learning-rate multiplier (the runtime multiplies it
     * back), so N(0, 1) / lr_multiplier here is unit variance once scaled.
     */
    private static void addMapping(StateDictBuilder b, Kwargs k, boolean styleGan3, int wDim)
            throws CheckpointException {
        int zDim = k.getInt("z_dim");
        int cDim = k.getInt("c_dim", 0);
        Kwargs mk = k.getNested("mapping_kwargs");
        double lr = mk.getDouble("lr_multiplier", 0.01);
        int numLayers = mk.getInt("num_layers", styleGan3 ? 2 : 8);
        int embed = cDim == 0 ? 0 : styleGan3 ? wDim : mk.getInt("embed_features", wDim);
        int hidden = styleGan3 ? wDim : mk.getInt("layer_features", wDim);
        b.constant("mapping.w_avg", 0, wDim);
        if (cDim > 0) {
            b.gaussian("mapping.embed.weight", 1, embed, cDim);
            b.constant("mapping.embed.bias", 0, embed);
        }
        for (int i = 0; i < numLayers; i++) {
            int in = i == 0 ? zDim + embed : hidden;
            int out = i == numLayers - 1 ? wDim : hidden;
            b.gaussian("mapping.fc" + i + ".weight", 1 / lr, out, in);
            b.constant("mapping.fc" + i + ".bias", 0, out);
        }
    }
}
