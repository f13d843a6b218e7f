package io.charagen.generator.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A model card that is wrong in any one way is refused with an error naming the file and the field. */
class ModelCardValidationTest {

    static Stream<Arguments> brokenCards() {
        return Stream.of(
                broken("unknown field", c -> with(c, o -> o.addProperty("colour", "red")), "unknown field 'colour'"),
                broken("unknown weights field", c -> with(c, o -> o.getAsJsonObject("weights").addProperty("url", "x")),
                        "unknown field 'weights.url'"),
                broken("NaN", c -> c.replace("\"lr_multiplier\": 0.01", "\"lr_multiplier\": NaN"),
                        "field 'generator_kwargs.lr_multiplier' is NaN"),
                broken("Infinity", c -> c.replace("\"resolution\": 4", "\"resolution\": -Infinity"),
                        "field 'resolution' is -Infinity"),
                broken("weights outside the folder",
                        c -> with(c, o -> o.getAsJsonObject("weights").addProperty("file", "../x.safetensors")),
                        "field 'weights.file' is '../x.safetensors'; it must be a plain file name"),
                broken("weights in a subfolder",
                        c -> with(c, o -> o.getAsJsonObject("weights").addProperty("file", "sub/x.safetensors")),
                        "field 'weights.file'"),
                broken("weights not safetensors", c -> with(c, o -> o.getAsJsonObject("weights").addProperty("file", "x.bin")),
                        "expected a .safetensors file"),
                broken("sha256 not hex", c -> with(c, o -> o.getAsJsonObject("weights").addProperty("sha256", "ABC")),
                        "field 'weights.sha256' is 'ABC', expected 64 lowercase hex digits"),
                broken("missing field", c -> with(c, o -> o.remove("kind")), "missing required field 'kind'"),
                broken("missing weights", c -> with(c, o -> o.remove("weights")), "missing required field 'weights'"),
                broken("string for int", c -> with(c, o -> o.addProperty("z_dim", "4")),
                        "field 'z_dim' must be an integer, got the string \"4\""),
                broken("fraction for int", c -> with(c, o -> o.addProperty("w_dim", 4.5)), "field 'w_dim' must be an integer"),
                broken("number for string", c -> with(c, o -> o.addProperty("name", 7)), "field 'name' must be a string"),
                broken("kwargs not an object", c -> with(c, o -> o.addProperty("generator_kwargs", "z_dim=4")),
                        "field 'generator_kwargs' must be an object"),
                broken("wrong format", c -> with(c, o -> o.addProperty("format", "charagen-model/2")),
                        "field 'format' is 'charagen-model/2'"),
                broken("unknown kind", c -> with(c, o -> o.addProperty("kind", "monster")), "field 'kind' is 'monster'"),
                broken("unknown architecture", c -> with(c, o -> o.addProperty("architecture", "stylegan4")),
                        "field 'architecture' is 'stylegan4'"),
                broken("z_dim contradicts kwargs", c -> with(c, o -> o.addProperty("z_dim", 8)),
                        "field 'z_dim' is 8 but generator_kwargs.z_dim is 4"),
                broken("resolution contradicts kwargs", c -> with(c, o -> o.addProperty("resolution", 8)),
                        "field 'resolution' is 8 but generator_kwargs.img_resolution is 4"),
                broken("num_ws wrong", c -> with(c, o -> o.addProperty("num_ws", 3)), "field 'num_ws' is 3"),
                broken("layer out of range", c -> with(c, o -> o.add("layer_groups", groups(0, 2))),
                        "field 'layer_groups.face[1]' is 2, expected a ws layer index from 0 to 1"),
                broken("layer repeated", c -> with(c, o -> o.add("layer_groups", groups(1, 1))),
                        "field 'layer_groups.face[1]' repeats layer 1"),
                broken("layout not an object", c -> with(c, o -> o.addProperty("layout", "3x4")),
                        "field 'layout' must be an object"),
                broken("not JSON", c -> c.replace("\"name\"", "name"), "not valid JSON at line"),
                broken("trailing data", c -> c + "{}", "unexpected data after the JSON object"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenCards")
    void isRefused(String what, UnaryOperator<String> breakCard, String problem, @TempDir Path folder) throws Exception {
        Path json = ModelBundleTest.writeTinyBundle(folder);
        Files.writeString(json, breakCard.apply(Files.readString(json)));

        CheckpointException e = assertThrows(CheckpointException.class, () -> ModelBundle.read(json));

        assertTrue(e.getMessage().startsWith(json.toString()), "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), "names the problem: " + e.getMessage());
    }

    private static Arguments broken(String what, UnaryOperator<String> breakCard, String problem) {
        return Arguments.of(what, breakCard, problem);
    }

    private static String with(String card, Consumer<JsonObject> change) {
        JsonObject object = JsonParser.parseString(card).getAsJsonObject();
        change.accept(object);
        return object.toString();
    }

    private static JsonObject groups(int... layers) {
        JsonArray face = new JsonArray();
        for (int layer : layers) {
            face.add(layer);
        }
        JsonObject groups = new JsonObject();
        groups.add("face", face);
        return groups;
    }
}
