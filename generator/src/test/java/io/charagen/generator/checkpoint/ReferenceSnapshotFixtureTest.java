package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.DataType;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The reader against the official-code parity fixtures (sg2-64, sg3t-64, sg3r-64). */
class ReferenceSnapshotFixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void everyGEmaTensorMatchesTheFixtureBitForBit(String name) throws IOException {
        Map<String, long[]> shapes = new LinkedHashMap<>();
        Map<String, float[]> expected = TestFiles.fixtureParams(name, shapes);
        StateDict actual = ReferenceSnapshotReader.read(TestFiles.fixture(name, "pkl")).generator().stateDict();

        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(actual.names()),
                "the same names, in state_dict() order");
        for (Map.Entry<String, float[]> e : expected.entrySet()) {
            HostTensor tensor = actual.get(e.getKey());
            assertEquals(DataType.FLOAT32, tensor.dtype(), e.getKey());
            assertArrayEquals(shapes.get(e.getKey()), tensor.shape().getShape(), e.getKey() + " shape");
            TestFiles.assertSameBits(e.getKey(), e.getValue(), tensor);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void kwargsAndAttributesMatchTheFixtureConfig(String name) throws IOException {
        JsonObject config = TestFiles.fixtureConfig(name);
        ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(TestFiles.fixture(name, "pkl"));
        Map<String, Object> kwargs = snapshot.generator().initKwargs();

        assertEquals("Generator", snapshot.generator().className());
        assertEquals(config.get("z_dim").getAsInt(), kwargs.get("z_dim"));
        assertEquals(config.get("w_dim").getAsInt(), kwargs.get("w_dim"));
        assertEquals(config.get("resolution").getAsInt(), kwargs.get("img_resolution"));
        assertEquals(config.get("channel_base").getAsInt(), kwargs.get("channel_base"));
        assertEquals(config.get("channel_max").getAsInt(), kwargs.get("channel_max"));
        assertEquals(Map.of("num_layers", 2), kwargs.get("mapping_kwargs"));
        assertEquals(config.get("num_ws").getAsInt(), snapshot.attributes("G_ema").get("num_ws"));

        Architecture expected = switch (config.get("kind").getAsString()) {
            case "sg2" -> Architecture.STYLEGAN2;
            case "sg3t" -> Architecture.STYLEGAN3_T;
            default -> Architecture.STYLEGAN3_R;
        };
        Architecture architecture = Architecture.infer(snapshot.generator());
        assertEquals(expected, architecture);
        assertEquals(config.get("num_ws").getAsInt(),
                architecture.numWs(config.get("resolution").getAsInt(), kwargs));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void readsTheWholeSnapshotLayout(String name) throws IOException {
        ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(TestFiles.fixture(name, "pkl"));

        assertEquals(List.of("G", "D", "G_ema", "augment_pipe", "training_set_kwargs"), List.copyOf(snapshot.keys()));
        assertEquals("Discriminator", snapshot.network("D").orElseThrow().className());
        assertEquals(snapshot.generator().stateDict().names(), snapshot.network("G").orElseThrow().stateDict().names());
        assertTrue(snapshot.network("training_set_kwargs").isEmpty(), "plain data is not a network");
        assertTrue(snapshot.network("nope").isEmpty());
    }

    /** Every cut of a real snapshot is refused as truncated, wherever it falls. */
    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void truncatedSnapshotsAreRefusedClearly(String name, @TempDir Path folder) throws IOException {
        byte[] whole = Files.readAllBytes(TestFiles.fixture(name, "pkl"));
        int n = whole.length;
        for (int length : Set.of(1, 2, 11, 100, 817, 20_000, n / 3, n / 2, n - 1000, n - 1)) {
            Path cut = folder.resolve(name + "-cut-at-" + length + ".pkl");
            Files.write(cut, Arrays.copyOf(whole, length));
            CheckpointException e = assertThrows(CheckpointException.class, () -> ReferenceSnapshotReader.read(cut),
                    "cut at " + length);
            assertTrue(e.getMessage().contains(cut.getFileName().toString()), e.getMessage());
            assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        }
    }
}
