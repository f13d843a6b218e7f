package io.charagen.generator.character;

import ai.djl.Device;
import io.charagen.generator.character.PipelineListener.Stage;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.encoder.EncoderFixture;
import io.charagen.generator.encoder.HeadEncoder;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.encoder.PortraitEncoders;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetLibrary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.charagen.generator.character.CharacterPipelineTest.samePixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Portraits started by a head encoder: sg2-64 draws the sprite, sg3t-64 the portraits, and the
 * toolkit's tiny parity encoder (random weights, paired with sg3t-64) predicts their w; with 0 steps
 * nothing is projected, with more the projection refines the encoder's w. The same models without
 * the encoder project from w_avg as before.
 */
class EncoderPipelineTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final Path PRESETS = Path.of("../presets").toAbsolutePath().normalize();

    static HeadEncoderBundle bundle;
    static CharacterPipeline withEncoder;
    static CharacterPipeline withoutEncoder;
    /** Seed 11 with the encoder alone, refined by 2 steps, and projected without the encoder. */
    static Character encoded;
    static Character refined;
    static Character projected;
    static final List<String> encodedProgress = new ArrayList<>();
    static final List<String> refinedProgress = new ArrayList<>();

    @BeforeAll
    static void open() throws Exception {
        ModelSource sprite = ModelSource.open(FIXTURES.resolve("sg2-64.pkl"), ModelKind.SPRITE);
        ModelSource portrait = ModelSource.open(FIXTURES.resolve("sg3t-64.pkl"), ModelKind.PORTRAIT);
        // Loaded by path: the shared fixtures are read-only, so it cannot lie beside the model.
        bundle = PortraitEncoders.forPortrait(EncoderFixture.card(), portrait);
        withEncoder = CharacterPipeline.open(sprite, portrait, bundle, new PresetLibrary(PRESETS), Device.cpu());
        withoutEncoder = CharacterPipeline.open(sprite, portrait, new PresetLibrary(PRESETS), Device.cpu());
        // Made once: a projection step of sg3t-64 with its discriminator takes seconds on a busy CPU.
        encoded = withEncoder.make(spec(11, 0), projectionProgress(encodedProgress), null);
        refined = withEncoder.make(spec(11, 2), projectionProgress(refinedProgress), null);
        projected = withoutEncoder.make(spec(11, 2), null, null);
    }

    private static PipelineListener projectionProgress(List<String> heard) {
        return (stage, done, total, detail) -> {
            if (stage == Stage.PROJECTION) {
                heard.add(done + "/" + total + (detail.startsWith("loss") ? "" : " " + detail));
            }
        };
    }

    @AfterAll
    static void close() {
        withEncoder.close();
        withoutEncoder.close();
    }

    /**
     * No archetype and one face, the plain neutral one (sg3t-64 has no neutral preset): the portrait as
     * found. (Presets apply after stage 4 as they did before; the other pipeline tests cover them.)
     */
    static CharacterSpec spec(long seed, int steps) {
        return new CharacterSpec("Npc", seed, 0.7, null, List.of(new ExpressionChoice("neutral", null)), 32, null, steps);
    }

    @Test
    void zeroStepsDrawTheEncodersWWithoutProjecting() throws Exception {
        Character character = encoded;
        assertEquals(List.of("1/1 head encoder"), encodedProgress, "one encoder pass, no projection step");
        assertEquals(0, character.projectionSteps());
        assertTrue(character.stageNanos().containsKey(Stage.PROJECTION), "the encoder is timed as the projection");
        assertEquals(List.of("neutral"), List.copyOf(character.faces().keySet()));

        CharacterRecord record = character.record();
        assertEquals(PortraitPath.ENCODER, record.portraitPath());
        assertEquals(bundle.ref(), record.portraitEncoder());
        String json = record.toJson();
        assertTrue(json.contains("\"portrait_path\": \"encoder\"") && json.contains(EncoderFixture.WEIGHTS_SHA256), json);
        assertFalse(json.contains("projection_loss"), "nothing was projected: " + json);

        try (HeadEncoder encoder = HeadEncoder.load(bundle, Device.cpu())) {
            float[] start = encoder.startWs(character.frames(), withEncoder.portraitNetwork().numWs());
            assertTrue(samePixels(CharacterPipeline.synthesize(withEncoder.portraitNetwork(), start),
                    character.faces().get("neutral")), "the neutral face is the encoder's w drawn");
        }
    }

    @Test
    void stepsRefineTheEncodersW() {
        assertEquals(List.of("1/2", "2/2"), refinedProgress);
        assertEquals(2, refined.projectionSteps());
        assertEquals(PortraitPath.ENCODER_REFINEMENT, refined.record().portraitPath());
        assertTrue(refined.record().toJson().contains("\"portrait_path\": \"encoder+refinement\""));
        assertTrue(refined.record().projectionLoss() > 0);
        assertFalse(samePixels(encoded.faces().get("neutral"), refined.faces().get("neutral")), "the steps moved w");
    }

    @Test
    void aRecordMakesTheSamePngsAgainOnBothPaths(@TempDir Path dir) throws Exception {
        for (Character first : List.of(encoded, refined)) {
            int steps = first.projectionSteps();
            Path file = dir.resolve("npc-" + steps + ".json");
            Files.writeString(file, first.record().toJson());
            CharacterRecord read = CharacterRecord.read(file);
            assertEquals(first.record().portraitPath(), read.portraitPath(), steps + " steps");
            assertEquals(first.record().portraitEncoder(), read.portraitEncoder());
            Character again = withEncoder.make(read.spec(), null, null);
            for (String face : first.faces().keySet()) {
                assertArrayEquals(png(first.faces().get(face)), png(again.faces().get(face)), steps + " steps: " + face);
            }
            assertEquals(first.record().toJson(), again.record().toJson());
        }
    }

    @Test
    void withoutTheEncoderTheHeadIsProjectedAsBefore() {
        assertNull(withoutEncoder.portraitEncoder());
        assertEquals(2, projected.projectionSteps());
        assertEquals(PortraitPath.PROJECTION, projected.record().portraitPath());
        assertNull(projected.record().portraitEncoder());
        String json = projected.record().toJson();
        assertTrue(json.contains("\"portrait_path\": \"projection\"") && !json.contains("portrait_encoder"), json);
        assertFalse(samePixels(projected.faces().get("neutral"), refined.faces().get("neutral")),
                "the encoder's start changed the face");
        assertTrue(CharacterPipelineTest.samePixels(projected.frames().standingFront(), refined.frames().standingFront()),
                "the sprite is the same either way");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withoutEncoder.make(spec(11, 0), null, null));
        assertTrue(e.getMessage().contains("0 projection steps") && e.getMessage().contains("head encoder"), e.getMessage());
    }

    @Test
    void aSpritePreviewsRecordNamesTheEncoderToo() throws Exception {
        CharacterRecord preview = withEncoder.makeSprite(spec(11, 0), null, null).record();
        assertEquals(bundle.ref(), preview.portraitEncoder());
        assertEquals(PortraitPath.ENCODER, preview.portraitPath());
    }

    private static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
