package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reader against small hand-made snapshots (handmade-checkpoints/, made by
 * bad-checkpoints/make_corpus.py) that exercise what the parity fixtures do not: zip-format
 * and half-precision storages, strided views at an offset, None entries, non-persistent
 * buffers, numpy scalars and arrays (also Fortran-ordered) and EasyDicts in kwargs.
 */
class HandmadeSnapshotTest {

    private static final Path TINY = TestFiles.resource("handmade-checkpoints/tiny-sg2.pkl");

    @Test
    void tensorsHaveTheValuesTheyWereMadeWith() throws IOException {
        JsonObject expected = JsonParser.parseString(
                Files.readString(TestFiles.resource("handmade-checkpoints/tiny-sg2.expected.json"))).getAsJsonObject();
        StateDict weights = ReferenceSnapshotReader.read(TINY).generator().stateDict();

        List<String> names = new ArrayList<>();
        expected.getAsJsonArray("names").forEach(n -> names.add(n.getAsString()));
        assertEquals(names, List.copyOf(weights.names()), "state_dict() names and order; None and non-persistent left out");
        for (String name : names) {
            JsonObject tensor = expected.getAsJsonObject("tensors").getAsJsonObject(name);
            HostTensor actual = weights.get(name);
            assertEquals(tensor.get("dtype").getAsString().equals("float16") ? DataType.FLOAT16 : DataType.FLOAT32,
                    actual.dtype(), name);
            long[] shape = tensor.getAsJsonArray("shape").asList().stream().mapToLong(JsonElement::getAsLong).toArray();
            assertArrayEquals(shape, actual.shape().getShape(), name);
            List<JsonElement> values = tensor.getAsJsonArray("values").asList();
            float[] expectedValues = new float[values.size()];
            for (int i = 0; i < expectedValues.length; i++) {
                expectedValues[i] = (float) values.get(i).getAsDouble();
            }
            assertArrayEquals(expectedValues, actual.toFloats(), name);
        }
    }

    @Test
    void kwargsBecomePlainJavaValues() throws IOException {
        ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(TINY);
        Map<String, Object> kwargs = snapshot.generator().initKwargs();

        assertEquals(4, kwargs.get("z_dim"));
        assertEquals(Map.of("num_layers", 1), kwargs.get("mapping_kwargs"), "EasyDict");
        assertTrue(kwargs.containsKey("conv_clamp"));
        assertNull(kwargs.get("conv_clamp"));
        assertEquals(0.01, kwargs.get("lr_multiplier"), "numpy float64 scalar");
        assertEquals(Boolean.TRUE, kwargs.get("use_noise"), "numpy bool scalar");
        assertEquals(List.of(1, 3, 3, 1), kwargs.get("fir"), "numpy int64 array");
        assertEquals(List.of(1, 2), kwargs.get("pair"), "tuple");
        assertEquals(List.of(List.of(1.5, 2.5), List.of(3.5, 4.5)), kwargs.get("fortran"), "Fortran-ordered array");

        Map<String, Object> attributes = snapshot.attributes("G_ema");
        assertEquals(2, attributes.get("num_ws"));
        assertEquals(16.0, attributes.get("sampling_rate"));
        assertEquals(List.of(36, 36), attributes.get("size"));
    }

    @Test
    void sharedObjectsAreReadOnce() throws IOException {
        ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(TINY);

        // G and G_ema are one object in this pickle (memoized): both records come from it.
        assertSame(snapshot.generator().stateDict().get("mapping.w_avg").data().array(),
                snapshot.network("G").orElseThrow().stateDict().get("mapping.w_avg").data().array());
        assertEquals(Map.of("c_dim", 0, "img_resolution", 4, "img_channels", 3),
                snapshot.network("D").orElseThrow().initKwargs());
    }

    @Test
    void embeddedModuleSourceIsNeverRun() throws IOException {
        ReferenceSnapshotReader.read(TINY);
        assertFalse(Files.exists(TestFiles.CODE_RAN_MARKER));
    }

    @Test
    void aTensorThatContradictsTheKwargsFailsTheShapeCheck() throws IOException {
        Path pkl = TestFiles.resource("handmade-checkpoints/wrong-shape.pkl");
        NetworkRecord generator = ReferenceSnapshotReader.read(pkl).generator();
        Map<String, Object> kwargs = generator.initKwargs();
        Shape implied = new Shape((Integer) kwargs.get("w_dim"), (Integer) kwargs.get("z_dim"));

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> generator.stateDict().get("mapping.fc0.weight", implied));

        assertTrue(e.getMessage().contains(pkl.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("'mapping.fc0.weight' has shape (4, 5)"), e.getMessage());
        assertTrue(e.getMessage().contains("imply (4, 4)"), e.getMessage());
    }
}
