package io.charagen.generator.character;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.FixtureFiles;
import io.charagen.generator.TurnedFixtures;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.preset.PresetLibrary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The character pipeline draws a StyleGAN3 network with the input transform its snapshot stores
 * (issue 16): a pipeline opened on the turned fixtures (sg3t-64 turned as the sprite model, sg3r-64
 * turned as the portrait model) maps and draws what the Python networks draw from them.
 */
class PipelineStoredTransformTest {

    private static final Path PRESETS = Path.of("../presets").toAbsolutePath().normalize();

    @Test
    void bothNetworksDrawTheirStoredFraming() throws Exception {
        try (CharacterPipeline pipeline = CharacterPipeline.open(
                ModelSource.open(TurnedFixtures.pkl("sg3t-64"), ModelKind.SPRITE),
                ModelSource.open(TurnedFixtures.pkl("sg3r-64"), ModelKind.PORTRAIT), new PresetLibrary(PRESETS),
                Device.cpu())) {
            check(pipeline.spriteNetwork(), "sg3t-64");
            check(pipeline.portraitNetwork(), "sg3r-64");
        }
    }

    private static void check(Generator network, String name) throws Exception {
        try (NDManager m = NDManager.newBaseManager()) {
            Map<String, NDArray> turned = TurnedFixtures.arrays(m, name);
            for (String[] c : TurnedFixtures.CASES) {
                String key = c[0] + "/" + c[1];
                float[] ws = CharacterPipeline.map(network, Long.parseLong(c[0]), Double.parseDouble(c[1]));
                NDArray image = CharacterPipeline.draw(network, ws, m);
                double err = FixtureFiles.maxAbsDiff(image, turned.get("stored/" + key));
                System.out.printf("pipeline %s turned %s: max |error| %.2e%n", name, key, err);
                assertTrue(err <= 1e-4, "pipeline, " + name + " turned, seed " + key + ": max |error| " + err);
            }
        }
    }
}
