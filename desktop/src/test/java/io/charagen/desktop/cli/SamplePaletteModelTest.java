package io.charagen.desktop.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.checkpoint.ModelBundle;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.PaletteOutputSpec;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.model.ModelLoader;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.nn.init.RandomWeights;
import io.charagen.generator.sample.SampleBatch;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code charagen sample} on a bundle with a palette output writes the decoded RGB image, [N, 3, H, W]
 * float32 in [-1, 1], not the synthesis network's class logits: what the Python toolkit's decode is
 * compared with.
 */
class SamplePaletteModelTest {

    private static final PaletteOutputSpec SPEC = new PaletteOutputSpec("tiny.palette.safetensors", "0".repeat(64),
            List.of("background", "body", "hair"), 4, 2, 16, List.of(0, 255, 121));

    private static Path writeBundle(Path folder) throws Exception {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("z_dim", 8);
        kwargs.put("w_dim", 8);
        kwargs.put("img_resolution", 16);
        kwargs.put("img_channels", SPEC.channels());
        kwargs.put("channel_base", 128);
        kwargs.put("channel_max", 16);
        kwargs.put("mapping_kwargs", Map.of("num_layers", 2));
        NetworkRecord generator = RandomWeights.stylegan2(kwargs, 21);
        String sha256 = PaletteRecord.writeWeights(folder.resolve(SPEC.file()), RandomWeights.paletteHead(SPEC, 8, 22),
                false);
        Path json = folder.resolve("tiny.json");
        ModelBundle.write(json, ModelCard.forGenerator("tiny", ModelKind.SPRITE, generator)
                .withOutput(SPEC.withFile(SPEC.file(), sha256)), generator.stateDict());
        return json;
    }

    @Test
    void writesTheDecodedImage(@TempDir Path dir) throws Exception {
        Path json = writeBundle(dir);
        Path npy = dir.resolve("out.npy");
        Path png = dir.resolve("out.png");

        int rc = CharagenCommand.execute("sample", "--model", json.toString(), "--seeds", "0-1", "--npy", npy.toString(),
                "--png", png.toString());

        assertEquals(0, rc);
        SampleBatch expected;
        try (Generator g = ModelLoader.loadGenerator(json, Device.cpu())) {
            expected = new Sampler(g).sampleBatch(List.of(0L, 1L), new SampleOptions(1.0, null, null, 2));
        }
        try (NDManager m = NDManager.newBaseManager(); InputStream in = Files.newInputStream(npy)) {
            NDArray images = NDList.decode(m, in).singletonOrThrow();
            assertArrayEquals(new long[] {2, 3, 16, 16}, images.getShape().getShape());
            assertArrayEquals(expected.images(), images.toFloatArray(), 0f);
        }
        assertEquals(2 * 16, ImageIO.read(png.toFile()).getWidth());
    }
}
