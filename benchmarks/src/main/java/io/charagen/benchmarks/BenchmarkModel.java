package io.charagen.benchmarks;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.PaletteOutputSpec;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.nn.init.RandomWeights;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generator configuration to measure, built with random weights (timings do not depend on the
 * weights' values, only on the shapes the kwargs imply). The *-64 ones have the parity fixtures'
 * kwargs; the *-256 ones the widths of real 256x256 models.
 */
record BenchmarkModel(String name, String description, boolean styleGan3, Map<String, Object> kwargs,
                      PaletteOutputSpec palette) {

    /** The toolkit's palette output (render/palette.py): 16 slots, background first, and 16 shades. */
    private static final PaletteOutputSpec SPRITE_PALETTE = new PaletteOutputSpec("palette.safetensors",
            "0".repeat(64), List.of("background", "behind_body", "body", "eyes", "nose", "ears", "feet", "legs",
            "torso.0", "torso.1", "torso.2", "belt", "accessories", "facial", "hair", "head"), 16, 7, 512,
            List.of(0, 255, 121));

    static final List<BenchmarkModel> ALL = List.of(
            sg3("sg3t-64", "StyleGAN3-T 64x64, the sg3t-64 fixture's kwargs", fixture(false)),
            sg3("sg3r-64", "StyleGAN3-R 64x64, the sg3r-64 fixture's kwargs", fixture(true)),
            sg2("sg2-64", "StyleGAN2 64x64, the sg2-64 fixture's kwargs", fixture(false)),
            sg3("sg3t-128", "StyleGAN3-T 128x128, channel_base 8192, channel_max 256", sized(128, 8192, 256, 2)),
            sg3("sg3t-256", "StyleGAN3-T 256x256, channel_base 16384, channel_max 256 (the toolkit's portrait preset)", sized(256, 16384, 256, 2)),
            sg3("sprite-256", "StyleGAN3-T 256x256, channel_base 8192, channel_max 128, z/w 256: the training "
                    + "toolkit's sprite preset", withLatentSize(sized(256, 8192, 128, 2), 256)),
            sg3("sg3r-256", "StyleGAN3-R 256x256, channel_base 32768, channel_max 512 (R doubles T's widths)",
                    radial(sized(256, 32768, 512, 2))),
            sg2("sg2-256", "StyleGAN2 256x256, channel_base 16384, channel_max 256, 8 mapping layers",
                    sized(256, 16384, 256, 8)),
            sg2("sprite-sg2-256", "StyleGAN2 256x256, channel_base 4096, channel_max 256, z/w 256, 4 mapping "
                    + "layers: the training toolkit's renderer preset (the default sprite model's shape)",
                    withLatentSize(sized(256, 4096, 256, 4), 256)),
            new BenchmarkModel("sprite-palette-256", "sprite-sg2-256 with the palette output: 32 logit channels"
                    + " (16 slots, 16 shades), the palette head's MLP on w and the argmax lookup (the default"
                    + " sprite model's shape)", false, Map.copyOf(withChannels(withLatentSize(sized(256, 4096, 256, 4),
                    256), 32)), SPRITE_PALETTE));

    static BenchmarkModel named(String name) {
        for (BenchmarkModel m : ALL) {
            if (m.name.equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; known: "
                + ALL.stream().map(BenchmarkModel::name).toList());
    }

    NetworkRecord randomWeights(long seed) {
        return styleGan3 ? RandomWeights.stylegan3(kwargs, seed) : RandomWeights.stylegan2(kwargs, seed);
    }

    /** The palette head with random weights, or null for an RGB model. */
    PaletteRecord paletteRecord(long seed) throws CheckpointException {
        if (palette == null) {
            return null;
        }
        int wDim = (Integer) kwargs.get("w_dim");
        return PaletteRecord.check(palette, wDim, RandomWeights.paletteHead(palette, wDim, seed));
    }

    /**
     * The reference's trainable parameters (weights, biases, StyleGAN2's const and noise
     * strengths); buffers such as filters, noise images, Fourier frequencies and w_avg are not counted.
     */
    static long parameterCount(NetworkRecord network) {
        long n = 0;
        for (Map.Entry<String, HostTensor> e : network.stateDict().asMap().entrySet()) {
            String key = e.getKey();
            if (key.endsWith("weight") || key.endsWith("bias") || key.endsWith("noise_strength")
                    || key.endsWith(".b4.const")) {
                n += e.getValue().shape().size();
            }
        }
        return n;
    }

    /** Every tensor of the state dict, buffers included. */
    static long stateDictSize(NetworkRecord network) {
        return network.stateDict().asMap().values().stream().mapToLong(t -> t.shape().size()).sum();
    }

    private static BenchmarkModel sg3(String name, String description, Map<String, Object> kwargs) {
        return new BenchmarkModel(name, description, true, Map.copyOf(kwargs), null);
    }

    private static BenchmarkModel sg2(String name, String description, Map<String, Object> kwargs) {
        return new BenchmarkModel(name, description, false, Map.copyOf(kwargs), null);
    }

    private static Map<String, Object> withLatentSize(Map<String, Object> k, int size) {
        k.put("z_dim", size);
        k.put("w_dim", size);
        return k;
    }

    private static Map<String, Object> withChannels(Map<String, Object> k, int channels) {
        k.put("img_channels", channels);
        return k;
    }

    private static Map<String, Object> fixture(boolean radial) {
        Map<String, Object> k = sized(64, 2048, 64, 2);
        k.put("z_dim", 64);
        k.put("w_dim", 64);
        return radial ? radial(k) : k;
    }

    private static Map<String, Object> sized(int resolution, int channelBase, int channelMax, int mappingLayers) {
        Map<String, Object> k = new HashMap<>();
        k.put("z_dim", 512);
        k.put("w_dim", 512);
        k.put("c_dim", 0);
        k.put("img_resolution", resolution);
        k.put("img_channels", 3);
        k.put("channel_base", channelBase);
        k.put("channel_max", channelMax);
        k.put("mapping_kwargs", Map.of("num_layers", mappingLayers));
        k.put("conv_clamp", 256);
        return k;
    }

    private static Map<String, Object> radial(Map<String, Object> k) {
        k.put("conv_kernel", 1);
        k.put("use_radial_filters", true);
        return k;
    }
}
