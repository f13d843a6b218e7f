package io.charagen.generator.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.PaletteBundles;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.checkpoint.PaletteOutputSpec;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.model.ModelLoader;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.projection.Projector;
import io.charagen.generator.sample.SampleBatch;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The palette output: the head's MLP and the decode give the pixels worked out by hand, and a
 * bundle with a palette output draws RGB images made only of its palette's colours and the background.
 */
class PaletteOutputTest {

    /** S = 3 slots, K = 2 shades, hidden 2; w_dim 2, num_ws 3, colour_from 1. */
    private static final PaletteOutputSpec TINY = new PaletteOutputSpec("p.safetensors", "0".repeat(64),
            List.of("background", "body", "hair"), 2, 1, 2, List.of(0, 255, 121));

    /**
     * Weights for which the head's every step is exact in float32. With ws rows [1, 2], [3, -1], [5, 1]:
     * x = [1, 2, mean(3, 5), mean(-1, 1)] = [1, 2, 4, 0];
     * layer 0: [1, -4 - 1] = [1, -5], leaky ReLU 0.2: h = [1, -1];
     * layer 2: [1, 5 * -1] = [1, -5], leaky ReLU: h = [1, -1];
     * layer 4: p_j = raw_j * 1 + 0.25 * -1 + 0.25 = raw_j.
     */
    private static StateDict tinyHead() {
        float[] raw = new float[18];
        for (int j = 0; j < 18; j++) {
            raw[j] = (j - 8) * 0.125f;        // -1 ... 1.125
        }
        raw[15] = -4;                        // tanh keeps every value inside (-1, 1)
        raw[16] = 3;
        float[] w4 = new float[18 * 2];
        float[] b4 = new float[18];
        for (int j = 0; j < 18; j++) {
            w4[2 * j] = raw[j];
            w4[2 * j + 1] = 0.25f;
            b4[j] = 0.25f;
        }
        Map<String, HostTensor> t = new LinkedHashMap<>();
        t.put("net.0.weight", HostTensor.ofFloats(new Shape(2, 4), new float[] {1, 0, 0, 0, 0, 0, -1, -1}));
        t.put("net.0.bias", HostTensor.ofFloats(new Shape(2), new float[] {0, -1}));
        t.put("net.2.weight", HostTensor.ofFloats(new Shape(2, 2), new float[] {1, 0, 0, 5}));
        t.put("net.2.bias", HostTensor.ofFloats(new Shape(2), new float[] {0, 0}));
        t.put("net.4.weight", HostTensor.ofFloats(new Shape(18, 2), w4));
        t.put("net.4.bias", HostTensor.ofFloats(new Shape(18), b4));
        return new StateDict("tiny head", t);
    }

    private static float tanh(float x) {
        return (float) Math.tanh(x);
    }

    private static float[] tanh(float[] xs) {
        float[] out = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = tanh(xs[i]);
        }
        return out;
    }

    @Test
    void decodesHandMadeArraysExactly() throws Exception {
        try (NDManager weights = NDManager.newBaseManager(Device.cpu());
             NDManager scope = NDManager.newBaseManager(Device.cpu())) {
            PaletteOutput output = new PaletteOutput(weights, PaletteRecord.check(TINY, 2, tinyHead()), 2, 3, 5);
            NDArray ws = scope.create(new float[] {1, 2, 3, -1, 5, 1}, new Shape(1, 3, 2));
            // Pixels (y, x) of a 2x2 image: (0,0) slot 0 shade 1 (background), (0,1) slot 1 shade 0,
            // (1,0) slot 2 shade 1, (1,1) slot 1 shade 1. Channels 0-2 are slot logits, 3-4 shade logits.
            float[] logits = {
                    5, 0, 0, 0,    // slot 0
                    0, 7, 1, 3,    // slot 1
                    1, 2, 8, 0,    // slot 2
                    0, 9, 0, -1,   // shade 0
                    2, 1, 4, 6};   // shade 1

            float[] palette = output.palette(ws).toFloatArray();
            NDArray image = output.forward(ws, scope.create(logits, new Shape(1, 5, 2, 2)));

            assertEquals(new Shape(1, 3, 2, 2), image.getShape());
            // p[s][k][c] = tanh(raw[(s * 2 + k) * 3 + c])
            float[] raw = {-1, -0.875f, -0.75f, -0.625f, -0.5f, -0.375f, -0.25f, -0.125f, 0,
                    0.125f, 0.25f, 0.375f, 0.5f, 0.625f, 0.75f, -4, 3, 1.125f};
            assertArrayEquals(tanh(raw), palette, 1e-6f);
            float blue = 121 / 127.5f - 1f;
            float[] expected = {
                    -1, tanh(-0.25f), tanh(-4), tanh(0.125f),      // R: background, p[1][0], p[2][1], p[1][1]
                    1, tanh(-0.125f), tanh(3), tanh(0.25f),        // G
                    blue, tanh(0), tanh(1.125f), tanh(0.375f)};    // B
            assertArrayEquals(expected, image.toFloatArray(), 1e-6f);
            assertEquals(scope, image.getManager(), "the image is made on the inputs' manager");
        }
    }

    @Test
    void theWeightsMustFitTheGenerator() throws Exception {
        try (NDManager weights = NDManager.newBaseManager(Device.cpu())) {
            PaletteRecord head = PaletteRecord.check(TINY, 2, tinyHead());
            CheckpointException channels = assertThrows(CheckpointException.class,
                    () -> new PaletteOutput(weights, head, 2, 3, 6));
            assertTrue(channels.getMessage().contains("3 slots + 2 shades = 5 channels but the synthesis network"
                    + " draws 6"), channels.getMessage());
            CheckpointException rows = assertThrows(CheckpointException.class,
                    () -> new PaletteOutput(weights, head, 2, 1, 5));
            assertTrue(rows.getMessage().contains("colour_from 1 is not a ws row from 1 to 0"), rows.getMessage());
        }
    }

    private static final PaletteOutputSpec RANDOM = PaletteBundles.SPEC;

    @Test
    void aBundleWithAPaletteOutputDrawsOnlyItsColours(@TempDir Path folder) throws Exception {
        Path json = PaletteBundles.write(folder, ModelKind.SPRITE, 16);
        try (Generator g = ModelLoader.loadGenerator(json, Device.cpu())) {
            assertTrue(g.hasPaletteOutput());
            assertEquals(3, g.imageChannels());
            assertEquals(9, g.synthesis().imgChannels());
            int weights = g.ownedArrayCount();
            SampleBatch batch = new Sampler(g).sampleBatch(List.of(0L, 1L, 2L), new SampleOptions(1.0, null, null, 3));
            assertArrayEquals(new long[] {3, 3, 16, 16}, batch.imageShape());
            assertEquals(weights, g.ownedArrayCount(), "a pass leaves nothing on the network's manager");

            float[] palettes;
            try (NDManager scope = NDManager.newBaseManager(Device.cpu())) {
                NDArray ws = scope.create(batch.ws(), new Shape(batch.wsShape()));
                palettes = g.paletteOutput().palette(ws).toFloatArray();
            }
            int pixels = 16 * 16;
            int perImage = RANDOM.paletteValues();
            float[] background = {-1, 1, 121 / 127.5f - 1f};
            for (int n = 0; n < 3; n++) {
                Set<List<Float>> allowed = new HashSet<>();
                allowed.add(List.of(background[0], background[1], background[2]));
                for (int e = 0; e < perImage / 3; e++) {
                    int at = n * perImage + e * 3;
                    allowed.add(List.of(palettes[at], palettes[at + 1], palettes[at + 2]));
                }
                Set<List<Float>> drawn = new HashSet<>();
                for (int p = 0; p < pixels; p++) {
                    int at = n * 3 * pixels + p;
                    List<Float> colour = List.of(batch.images()[at], batch.images()[at + pixels],
                            batch.images()[at + 2 * pixels]);
                    assertTrue(allowed.contains(colour), "seed " + n + " pixel " + p + ": " + colour
                            + " is neither the background nor a palette colour");
                    drawn.add(colour);
                }
                assertTrue(drawn.size() > 1, "seed " + n + ": a flat image");
            }
        }
    }

    @Test
    void aGeneratorWithAPaletteOutputCannotBeProjected(@TempDir Path folder) throws Exception {
        Path json = PaletteBundles.write(folder, ModelKind.PORTRAIT, 16);
        ModelSource source = ModelSource.open(json);
        assertTrue(source.hasPaletteOutput());
        try (Generator g = source.createGenerator(Device.cpu())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Projector(g));
            assertTrue(e.getMessage().contains(folder.resolve(RANDOM.file()).toString()), e.getMessage());
            assertTrue(e.getMessage().contains("cannot be projected"), e.getMessage());
        }
        try (Generator rgb = Generator.create(source.generator(), Device.cpu())) {
            assertEquals(9, rgb.imageChannels(), "without its palette output the network draws its logits");
        }
    }
}
