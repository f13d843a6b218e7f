package io.charagen.generator.checkpoint;

import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.charagen.generator.nn.init.RandomWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The card's {@code output} field (a palette output) reads back as written, is refused with an error
 * naming the file and field when it is wrong in any one way, and its palette head file is checked
 * (sha256, every tensor's name and shape) when the bundle is read.
 */
class PaletteOutputCardTest {

    /** Three slots and two shades: the generator draws 5 channels. */
    static final PaletteOutputSpec SPEC = new PaletteOutputSpec("tiny.palette.safetensors", "0".repeat(64),
            List.of("background", "body", "hair"), 2, 1, 6, List.of(0, 255, 121));

    /** A 4x4 StyleGAN2 (num_ws 2, w_dim 4) that draws S + K = 5 channels. */
    static NetworkRecord fiveChannelGenerator() {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put("z_dim", 4);
        kwargs.put("w_dim", 4);
        kwargs.put("img_resolution", 4);
        kwargs.put("img_channels", 5);
        kwargs.put("channel_base", 32);
        kwargs.put("channel_max", 8);
        kwargs.put("mapping_kwargs", Map.of("num_layers", 2));
        return RandomWeights.stylegan2(kwargs, 3);
    }

    /** Writes tiny.json, tiny.safetensors and tiny.palette.safetensors (random head); returns the card file. */
    static Path writePaletteBundle(Path folder) throws CheckpointException {
        NetworkRecord generator = fiveChannelGenerator();
        String sha256 = PaletteRecord.writeWeights(folder.resolve(SPEC.file()),
                RandomWeights.paletteHead(SPEC, 4, 5), false);
        Path json = folder.resolve("tiny.json");
        ModelCard card = ModelCard.forGenerator("tiny", ModelKind.SPRITE, generator)
                .withOutput(SPEC.withFile(SPEC.file(), sha256));
        ModelBundle.write(json, card, generator.stateDict());
        return json;
    }

    @Test
    void aValidOutputRoundTripsThroughTheCard() throws Exception {
        ModelCard card = ModelCard.forGenerator("tiny", ModelKind.SPRITE, fiveChannelGenerator())
                .withWeights(new ModelCard.Weights("tiny.safetensors", "a".repeat(64))).withOutput(SPEC);

        String text = card.toJson();
        ModelCard read = ModelCardJson.parse(text, "tiny.json");

        assertEquals(card, read);
        assertEquals(SPEC, read.output());
        assertEquals(3, read.imageChannels());
        assertEquals(5, read.imgChannels());
        JsonObject output = JsonParser.parseString(text).getAsJsonObject().getAsJsonObject("output");
        assertEquals("palette", output.get("kind").getAsString());
        assertEquals(1, output.get("colour_from").getAsInt(), "colour_from is written under its card name");
        assertEquals(List.of("weights", "output"), lastTwoFields(text));
    }

    @Test
    void aCardWithoutOutputIsAnRgbModelAsBefore(@TempDir Path folder) throws Exception {
        Path json = ModelBundleTest.writeTinyBundle(folder);

        ModelBundle bundle = ModelBundle.read(json);

        assertNull(bundle.card().output());
        assertNull(bundle.palette());
        assertEquals(3, bundle.card().imageChannels());
        assertTrue(!Files.readString(json).contains("\"output\""), "no output field is written");
    }

    @Test
    void aBundleWithAPaletteOutputReadsItsHead(@TempDir Path folder) throws Exception {
        Path json = writePaletteBundle(folder);

        ModelBundle bundle = ModelBundle.read(json);

        assertNotNull(bundle.palette());
        assertEquals(bundle.card().output(), bundle.palette().spec());
        assertEquals(4, bundle.palette().wDim());
        assertEquals(PaletteRecord.expectedShapes(SPEC, 4).keySet(), Set.copyOf(bundle.palette().weights().names()));
        assertArrayEquals(RandomWeights.paletteHead(SPEC, 4, 5).get("net.4.weight").toFloats(),
                bundle.palette().weights().get("net.4.weight").toFloats());
    }

    static Stream<Arguments> brokenOutputs() {
        return Stream.of(
                broken("unknown field", o -> o.addProperty("tanh", true), "unknown field 'output.tanh'"),
                broken("other kind", o -> o.addProperty("kind", "rgb"), "field 'output.kind' is 'rgb', expected 'palette'"),
                broken("missing kind", o -> o.remove("kind"), "missing required field 'output.kind'"),
                broken("file in a subfolder", o -> o.addProperty("file", "sub/p.safetensors"),
                        "field 'output.file' is 'sub/p.safetensors'; it must be a plain file name"),
                broken("file outside the folder", o -> o.addProperty("file", "..\\p.safetensors"), "field 'output.file'"),
                broken("file not safetensors", o -> o.addProperty("file", "p.pt"),
                        "field 'output.file' is 'p.pt', expected a .safetensors file"),
                broken("file is the weights", o -> o.addProperty("file", "tiny.safetensors"),
                        "field 'output.file' is 'tiny.safetensors', the generator's weights file"),
                broken("sha256 upper case", o -> o.addProperty("sha256", "A".repeat(64)),
                        "field 'output.sha256' is '" + "A".repeat(64) + "', expected 64 lowercase hex digits"),
                broken("no slots", o -> o.add("slots", new JsonArray()), "field 'output.slots' is empty"),
                broken("slot not a string", o -> o.getAsJsonArray("slots").set(1, JsonParser.parseString("7")),
                        "field 'output.slots[1]' must be a string"),
                broken("blank slot", o -> o.getAsJsonArray("slots").set(2, JsonParser.parseString("\" \"")),
                        "field 'output.slots[2]' is blank"),
                broken("repeated slot", o -> o.getAsJsonArray("slots").set(2, JsonParser.parseString("\"body\"")),
                        "field 'output.slots[2]' repeats the slot 'body'"),
                broken("no shades", o -> o.addProperty("shades", 0), "field 'output.shades' is 0, expected at least 1"),
                broken("channels contradict img_channels", o -> o.addProperty("shades", 3),
                        "field 'output.shades' is 3 with 3 slots, so the generator would draw 6 channels, but img_channels is 5"),
                broken("colour_from 0", o -> o.addProperty("colour_from", 0), "field 'output.colour_from' is 0"),
                broken("colour_from past the ws", o -> o.addProperty("colour_from", 2),
                        "field 'output.colour_from' is 2, expected a ws row from 1 to 1 (num_ws is 2)"),
                broken("hidden 0", o -> o.addProperty("hidden", 0), "field 'output.hidden' is 0, expected at least 1"),
                broken("hidden fraction", o -> o.addProperty("hidden", 6.5), "field 'output.hidden' must be an integer"),
                broken("background of two", o -> o.add("background", JsonParser.parseString("[0, 255]")),
                        "field 'output.background' has 2 values, expected three"),
                broken("background out of range", o -> o.add("background", JsonParser.parseString("[0, 256, 1]")),
                        "field 'output.background[1]' is 256, expected an integer from 0 to 255"),
                broken("output not an object", null, "field 'output' must be an object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenOutputs")
    void aWrongOutputIsRefused(String what, Consumer<JsonObject> breakOutput, String problem, @TempDir Path folder)
            throws Exception {
        Path json = writePaletteBundle(folder);
        JsonObject card = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
        if (breakOutput == null) {
            card.addProperty("output", "palette");
        } else {
            breakOutput.accept(card.getAsJsonObject("output"));
        }
        Files.writeString(json, card.toString());

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().startsWith(json.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "names the problem: " + e.getMessage());
    }

    @Test
    void aChangedPaletteFileFailsTheSha256Check(@TempDir Path folder) throws Exception {
        Path json = writePaletteBundle(folder);
        Path palette = folder.resolve(SPEC.file());
        byte[] bytes = Files.readAllBytes(palette);
        bytes[bytes.length - 2] ^= 0x01;
        Files.write(palette, bytes);

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().startsWith(palette.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("for its palette output; the palette file was changed or damaged"),
                e.getMessage());
    }

    @Test
    void aMissingPaletteFileIsReported(@TempDir Path folder) throws Exception {
        Path json = writePaletteBundle(folder);
        Files.delete(folder.resolve(SPEC.file()));

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().contains(SPEC.file() + ": no such file (the model card names it)"), e.getMessage());
    }

    static Stream<Arguments> brokenHeads() {
        return Stream.of(
                Arguments.of("missing tensor", (UnaryOperator<Map<String, HostTensor>>) t -> without(t, "net.2.bias"),
                        "missing tensor 'net.2.bias' of the palette head (expected shape (6))"),
                Arguments.of("mis-shaped tensor", (UnaryOperator<Map<String, HostTensor>>) t -> with(t, "net.4.weight",
                                new Shape(17, 6)),
                        "tensor 'net.4.weight' has shape (17, 6) but the palette output (3 slots, 2 shades, hidden 6,"
                                + " w_dim 4) needs (18, 6)"),
                Arguments.of("first layer for another w_dim", (UnaryOperator<Map<String, HostTensor>>) t -> with(t,
                                "net.0.weight", new Shape(6, 16)),
                        "tensor 'net.0.weight' has shape (6, 16)"),
                Arguments.of("unexpected tensor", (UnaryOperator<Map<String, HostTensor>>) t -> with(t, "net.6.weight",
                                new Shape(2, 2)),
                        "unexpected tensor 'net.6.weight'; a palette head holds only net.0.weight"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHeads")
    void aWrongPaletteHeadIsRefused(String what, UnaryOperator<Map<String, HostTensor>> breakHead, String problem,
                                    @TempDir Path folder) throws Exception {
        Path json = writePaletteBundle(folder);
        Path palette = folder.resolve(SPEC.file());
        Map<String, HostTensor> tensors = breakHead.apply(RandomWeights.paletteHead(SPEC, 4, 5).asMap());
        String sha256 = PaletteRecord.writeWeights(palette, new StateDict("broken", tensors), true);
        String recorded = JsonParser.parseString(Files.readString(json)).getAsJsonObject().getAsJsonObject("output")
                .get("sha256").getAsString();
        Files.writeString(json, Files.readString(json).replace(recorded, sha256));

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().startsWith(palette.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "names the tensor: " + e.getMessage());
    }

    private static Map<String, HostTensor> without(Map<String, HostTensor> tensors, String name) {
        Map<String, HostTensor> out = new LinkedHashMap<>(tensors);
        out.remove(name);
        return out;
    }

    private static Map<String, HostTensor> with(Map<String, HostTensor> tensors, String name, Shape shape) {
        Map<String, HostTensor> out = new LinkedHashMap<>(tensors);
        out.put(name, HostTensor.ofFloats(shape, new float[Math.toIntExact(shape.size())]));
        return out;
    }

    private static Arguments broken(String what, Consumer<JsonObject> breakOutput, String problem) {
        return Arguments.of(what, breakOutput, problem);
    }

    private static List<String> lastTwoFields(String cardText) {
        List<String> keys = List.copyOf(JsonParser.parseString(cardText).getAsJsonObject().keySet());
        return keys.subList(keys.size() - 2, keys.size());
    }
}
