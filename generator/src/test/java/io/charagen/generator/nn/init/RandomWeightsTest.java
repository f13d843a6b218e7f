package io.charagen.generator.nn.init;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.checkpoint.HostTensor;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.sample.SampleBatch;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Random generators have exactly the reference's tensors, the reference's filters, and run. */
class RandomWeightsTest {

    /** The kwargs the parity fixtures were made with. */
    static Map<String, Object> fixtureKwargs(String name) {
        Map<String, Object> k = new HashMap<>();
        k.put("z_dim", 64);
        k.put("w_dim", 64);
        k.put("img_resolution", 64);
        k.put("channel_base", 2048);
        k.put("channel_max", 64);
        k.put("mapping_kwargs", Map.of("num_layers", 2));
        k.put("conv_clamp", 256);
        if (!name.equals("sg2-64")) {
            k.put("img_channels", 3);
        }
        if (name.equals("sg3r-64")) {
            k.put("conv_kernel", 1);
            k.put("use_radial_filters", true);
        }
        return k;
    }

    static NetworkRecord random(String name, long seed) {
        return name.equals("sg2-64")
                ? RandomWeights.stylegan2(fixtureKwargs(name), seed)
                : RandomWeights.stylegan3(fixtureKwargs(name), seed);
    }

    /** The fixture's G_ema tensors (param/ entries of its npz), in file order. */
    private static Map<String, NDArray> fixtureParams(NDManager m, String name) throws Exception {
        Map<String, NDArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : FixtureFiles.arrays(m, name).entrySet()) {
            if (e.getKey().startsWith("param/")) {
                out.put(e.getKey().substring("param/".length()), e.getValue());
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void namesAndShapesEqualTheFixture(String name) throws Exception {
        Map<String, HostTensor> ours = random(name, 1).stateDict().asMap();
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            Map<String, NDArray> reference = fixtureParams(m, name);
            assertEquals(new ArrayList<>(reference.keySet()), new ArrayList<>(ours.keySet()),
                    "tensor names (and their order)");
            for (var e : reference.entrySet()) {
                assertEquals(e.getValue().getShape(), ours.get(e.getKey()).shape(), e.getKey());
            }
        }
    }

    /** The fixtures' filters were designed by the reference and left unperturbed: ours must match. */
    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void filtersEqualTheReferenceDesign(String name) throws Exception {
        Map<String, HostTensor> ours = random(name, 1).stateDict().asMap();
        int compared = 0;
        try (NDManager m = NDManager.newBaseManager(Device.cpu())) {
            for (var e : fixtureParams(m, name).entrySet()) {
                if (e.getKey().endsWith("_filter")) {
                    float[] expected = e.getValue().toFloatArray();
                    float[] actual = ours.get(e.getKey()).toFloats();
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], 1e-6, e.getKey() + "[" + i + "]");
                    }
                    compared++;
                }
            }
        }
        assertTrue(compared > 0, "no filters compared");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void samplesFiniteImages(String name) throws Exception {
        try (Generator g = Generator.create(random(name, 7), Device.cpu())) {
            SampleBatch batch = new Sampler(g).sampleBatch(List.of(0L, 1L), new SampleOptions(1.0, null, null, 2));
            assertArrayEquals(new long[] {2, 3, 64, 64}, batch.imageShape());
            assertArrayEquals(new long[] {2, g.numWs(), 64}, batch.wsShape());
            double sum = 0;
            double sumSq = 0;
            for (float v : batch.images()) {
                assertTrue(Float.isFinite(v), name + ": non-finite pixel");
                sum += v;
                sumSq += (double) v * v;
            }
            double n = batch.images().length;
            double std = Math.sqrt(sumSq / n - (sum / n) * (sum / n));
            System.out.printf("%s random weights: image mean %.3f std %.3f%n", name, sum / n, std);
            assertTrue(std > 1e-3, name + ": the image is flat (std " + std + ")");
        }
    }

    @Test
    void sameSeedSameTensorsOtherSeedOthers() {
        var a = random("sg3t-64", 3).stateDict();
        var b = random("sg3t-64", 3).stateDict();
        var c = random("sg3t-64", 4).stateDict();
        String key = "synthesis.L0_36_64.weight";
        assertArrayEquals(a.asMap().get(key).toFloats(), b.asMap().get(key).toFloats());
        assertFalse(java.util.Arrays.equals(a.asMap().get(key).toFloats(), c.asMap().get(key).toFloats()));
    }

    @Test
    void initialValuesFollowThePapers() throws Exception {
        var state = random("sg3t-64", 5).stateDict();
        assertArrayEquals(new float[] {1, 0, 0, 0, 1, 0, 0, 0, 1}, state.get("synthesis.input.transform").toFloats());
        assertArrayEquals(new float[] {1, 0, 0, 0}, state.get("synthesis.input.affine.bias").toFloats());
        for (float f : state.get("synthesis.input.phases").toFloats()) {
            assertTrue(f >= -0.5 && f < 0.5, "phase " + f);
        }
        float[] freqs = state.get("synthesis.input.freqs", new Shape(64, 2)).toFloats();
        for (int i = 0; i < freqs.length; i += 2) {
            assertTrue(Math.hypot(freqs[i], freqs[i + 1]) <= 2 + 1e-6, "frequency beyond the input's band");
        }
        assertEquals(1f, state.get("synthesis.L3_36_64.magnitude_ema").toFloats()[0]);
        assertEquals(1f, state.get("synthesis.L3_36_64.affine.bias").toFloats()[0]);
        assertEquals(0f, state.get("synthesis.L3_36_64.bias").toFloats()[0]);
        assertEquals(0f, state.get("mapping.w_avg").toFloats()[0]);
    }
}
