package io.charagen.generator.checkpoint;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Snapshot -> bundle -> back: the same tensors and kwargs, the sha256 checked, nothing overwritten. */
class ModelBundleTest {

    @ParameterizedTest
    @ValueSource(strings = {"sg2-64", "sg3t-64", "sg3r-64"})
    void fixtureSnapshotsSurviveTheRoundTrip(String name, @TempDir Path folder) throws Exception {
        Path pkl = TestFiles.fixture(name, "pkl");
        NetworkRecord original = ReferenceSnapshotReader.read(pkl).generator();

        ModelCard written = SnapshotExporter.export(pkl, folder.resolve(name + ".json"), name, "portrait", false);

        for (Path either : List.of(folder.resolve(name + ".json"), folder.resolve(name + ".safetensors"))) {
            ModelBundle bundle = ModelBundle.read(either);
            assertEquals(written, bundle.card());
            assertEquals(original.initKwargs(), bundle.generator().initKwargs());
            assertEquals(List.copyOf(original.stateDict().names()), List.copyOf(bundle.generator().stateDict().names()));
            for (String tensor : original.stateDict().names()) {
                TestFiles.assertSameTensor(tensor, original.stateDict().get(tensor), bundle.generator().stateDict().get(tensor));
            }
        }
        assertEquals(sha256(folder.resolve(name + ".safetensors")), written.weights().sha256());
        assertEquals(name + ".safetensors", written.weights().file());
        assertEquals(Architecture.infer(original), written.architecture());
        assertEquals(TestFiles.fixtureConfig(name).get("num_ws").getAsInt(), written.numWs());
        assertEquals(ModelKind.PORTRAIT, written.kind());
    }

    @Test
    void halfPrecisionAndNumpyKwargsSurviveTheRoundTrip(@TempDir Path folder) throws Exception {
        Path pkl = TestFiles.resource("handmade-checkpoints/tiny-sg2.pkl");
        NetworkRecord original = ReferenceSnapshotReader.read(pkl).generator();

        SnapshotExporter.export(pkl, folder.resolve("tiny.json"), "tiny", "sprite", false);
        ModelBundle bundle = ModelBundle.read(folder.resolve("tiny.json"));

        assertEquals(original.initKwargs(), bundle.generator().initKwargs());
        assertEquals(2, bundle.card().numWs());
        for (String tensor : original.stateDict().names()) {
            HostTensor stored = bundle.generator().stateDict().get(tensor);
            assertEquals(original.stateDict().get(tensor).shape(), stored.shape(), tensor);
            assertEquals(List.of(toBoxed(original.stateDict().get(tensor).toFloats())), List.of(toBoxed(stored.toFloats())),
                    tensor + " (float16 is stored as float32)");
        }
    }

    @Test
    void optionalCardFieldsSurviveTheRoundTrip(@TempDir Path folder) throws Exception {
        NetworkRecord generator = tinyGenerator();
        JsonObject layout = new JsonObject();
        layout.addProperty("columns", 3);
        JsonObject training = new JsonObject();
        training.addProperty("images", 1200);
        ModelCard base = ModelCard.forGenerator("tiny", ModelKind.SPRITE, generator);
        ModelCard card = new ModelCard(base.name(), base.kind(), base.architecture(), base.generatorKwargs(),
                base.resolution(), base.zDim(), base.wDim(), base.numWs(), base.imgChannels(),
                Map.of("pose", List.of(0), "colour", List.of(1)), layout, training, "CC-BY-4.0", "Someone", null);

        ModelCard written = ModelBundle.write(folder.resolve("tiny.json"), card, generator.stateDict());

        assertEquals(written, ModelBundle.read(folder.resolve("tiny.json")).card());
        assertEquals(card, written.withWeights(null));
    }

    @Test
    void existingFilesAreNotReplacedUnlessAsked(@TempDir Path folder) throws Exception {
        NetworkRecord generator = tinyGenerator();
        ModelCard card = ModelCard.forGenerator("tiny", ModelKind.SPRITE, generator);
        Path json = folder.resolve("tiny.json");
        ModelBundle.write(json, card, generator.stateDict());
        byte[] before = Files.readAllBytes(json);

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ModelBundle.write(json, card, generator.stateDict()));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(json), "the card is untouched");

        Files.delete(json);
        CheckpointException weightsOnly = assertThrows(CheckpointException.class,
                () -> ModelBundle.write(json, card, generator.stateDict()));
        assertTrue(weightsOnly.getMessage().contains("tiny.safetensors"), weightsOnly.getMessage());

        ModelBundle.write(json, card, generator.stateDict(), true);
        assertEquals(card.name(), ModelBundle.read(json).card().name());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of("tiny.json", "tiny.safetensors"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary files left");
        }
    }

    @Test
    void changedWeightsFailTheSha256Check(@TempDir Path folder) throws Exception {
        Path json = writeTinyBundle(folder);
        Path weights = folder.resolve("tiny.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 3] ^= 0x01;
        Files.write(weights, bytes);

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().startsWith(weights.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("sha256 is " + sha256(weights)), e.getMessage());
        assertTrue(e.getMessage().contains("changed or damaged"), e.getMessage());
    }

    @Test
    void aDamagedWeightsHeaderIsRefusedEvenWithAMatchingHash(@TempDir Path folder) throws Exception {
        Path json = writeTinyBundle(folder);
        Path weights = folder.resolve("tiny.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        bytes[0] = (byte) 0xff;
        bytes[7] = (byte) 0x7f;
        Files.write(weights, bytes);
        String card = Files.readString(json).replaceAll("\"sha256\": \"[0-9a-f]+\"", "\"sha256\": \"" + sha256(weights) + "\"");
        Files.writeString(json, card);

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().startsWith(weights.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("not a safetensors file"), e.getMessage());
    }

    @Test
    void missingWeightsAndWrongFileTypesAreReported(@TempDir Path folder) throws Exception {
        Path json = writeTinyBundle(folder);
        Files.delete(folder.resolve("tiny.safetensors"));
        CheckpointException missing = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));
        assertTrue(missing.getMessage().contains("tiny.safetensors: no such file"), missing.getMessage());

        CheckpointException wrongType = assertThrows(CheckpointException.class,
                () -> ModelBundle.read(folder.resolve("tiny.pkl")));
        assertTrue(wrongType.getMessage().contains("expected a model card (.json) or its weights (.safetensors)"));

        CheckpointException noCard = assertThrows(CheckpointException.class,
                () -> ModelBundle.read(folder.resolve("other.safetensors")));
        assertTrue(noCard.getMessage().contains("other.json: no such file"), noCard.getMessage());
    }

    @Test
    void weightsOfAnotherArchitectureAreRefused(@TempDir Path folder) throws Exception {
        NetworkRecord generator = tinyGenerator();
        ModelCard sg2 = ModelCard.forGenerator("tiny", ModelKind.SPRITE, generator);
        ModelCard claimsSg3 = new ModelCard("tiny", ModelKind.SPRITE, Architecture.STYLEGAN3_T, sg2.generatorKwargs(),
                4, 4, 4, 16, 3, Map.of(), null, null, null, null, null);

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> ModelBundle.write(folder.resolve("tiny.json"), claimsSg3, generator.stateDict()));

        assertTrue(e.getMessage().contains("the weights are stylegan2 but the card says stylegan3-t"), e.getMessage());
    }

    static NetworkRecord tinyGenerator() throws CheckpointException {
        return ReferenceSnapshotReader.read(TestFiles.resource("handmade-checkpoints/tiny-sg2.pkl")).generator();
    }

    static Path writeTinyBundle(Path folder) throws CheckpointException {
        NetworkRecord generator = tinyGenerator();
        Path json = folder.resolve("tiny.json");
        ModelBundle.write(json, ModelCard.forGenerator("tiny", ModelKind.SPRITE, generator), generator.stateDict());
        return json;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static Float[] toBoxed(float[] values) {
        Float[] out = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
