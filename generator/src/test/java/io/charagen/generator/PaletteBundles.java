package io.charagen.generator;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelBundle;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.PaletteOutputSpec;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.nn.init.RandomWeights;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bundles with a palette output for tests: a small random StyleGAN2 drawing S + K logits, and a random head. */
public final class PaletteBundles {

    /** Five slots and four shades (nine channels); colour_from 3; the sprite canvas's background. */
    public static final PaletteOutputSpec SPEC = new PaletteOutputSpec("tiny.palette.safetensors", "0".repeat(64),
            List.of("background", "body", "legs", "torso", "hair"), 4, 3, 16, List.of(0, 255, 121));
    public static final int W_DIM = 8;

    private PaletteBundles() {
    }

    /**
     * Writes {@code tiny.json}, {@code tiny.safetensors} and {@code tiny.palette.safetensors} to
     * {@code folder}: a {@code kind} model at {@code resolution} (16 or more) with w_dim 8.
     *
     * @return the card file
     */
    public static Path write(Path folder, ModelKind kind, int resolution) throws CheckpointException {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("z_dim", W_DIM);
        kwargs.put("w_dim", W_DIM);
        kwargs.put("img_resolution", resolution);
        kwargs.put("img_channels", SPEC.channels());
        kwargs.put("channel_base", 8 * resolution);
        kwargs.put("channel_max", 16);
        kwargs.put("mapping_kwargs", Map.of("num_layers", 2));
        NetworkRecord generator = RandomWeights.stylegan2(kwargs, 11);
        String sha256 = PaletteRecord.writeWeights(folder.resolve(SPEC.file()),
                RandomWeights.paletteHead(SPEC, W_DIM, 12), false);
        ModelCard card = ModelCard.forGenerator("tiny", kind, generator).withOutput(SPEC.withFile(SPEC.file(), sha256));
        Path json = folder.resolve("tiny.json");
        ModelBundle.write(json, card, generator.stateDict());
        return json;
    }
}
