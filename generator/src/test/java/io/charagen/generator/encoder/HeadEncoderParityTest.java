package io.charagen.generator.encoder;

import ai.djl.Device;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.charagen.generator.sheet.CharacterFrames;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Java head encoder computes what the toolkit's PyTorch encoder computes on the parity fixture. */
class HeadEncoderParityTest {

    static HeadEncoderBundle bundle;
    static HeadEncoder encoder;
    static CharacterFrames frames;
    static JsonObject expected;

    @BeforeAll
    static void load() throws Exception {
        bundle = HeadEncoderBundle.read(EncoderFixture.card());
        encoder = HeadEncoder.load(bundle, Device.cpu());
        frames = EncoderFixture.frames();
        expected = EncoderFixture.expected();
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void theCardSaysWhatTheToolkitWrote() {
        HeadEncoderCard card = bundle.card();
        assertEquals("tiny", card.name());
        assertEquals(EncoderFixture.WEIGHTS_SHA256, card.ref().sha256());
        assertEquals(List.of("skin_tone", "hair_colour", "hair_style", "beard"),
                card.heads().stream().map(HeadEncoderCard.Head::name).toList());
        assertEquals(10, card.classCount());
        assertEquals(64, card.wDim());
        assertEquals(16, card.input().channels());
        assertEquals(8 * 4 * 6, card.flatFeatures(), "32 x 48 halved three times is 4 x 6, of 8 channels");
        assertEquals("sg3t-64", card.portrait().name());
        assertEquals(Arrays.asList(null, "features:mustache"), card.heads().get(3).tokens());
    }

    @Test
    void theInputTensorHasTheToolkitsSums() {
        float[] x = bundle.card().input().tensor(frames);
        assertEquals(16 * 32 * 48, x.length);
        double sum = 0;
        double abs = 0;
        for (float v : x) {
            sum += v;
            abs += Math.abs(v);
        }
        double expectedSum = expected.get("input_sum").getAsDouble();
        double expectedAbs = expected.get("input_abs_sum").getAsDouble();
        assertEquals(expectedSum, sum, 1e-3, "input sum: off by " + Math.abs(sum - expectedSum));
        assertEquals(expectedAbs, abs, 1e-3, "input |sum|: off by " + Math.abs(abs - expectedAbs));
    }

    @Test
    void logitsAndWAreThoseOfPyTorch() {
        assertClose("logits", floats(expected.getAsJsonArray("logits")), encoder.logits(frames), 1e-4);
        assertClose("w", floats(expected.getAsJsonArray("w")), encoder.encode(frames), 1e-4);
    }

    @Test
    void theStartPutsWOnEveryLayer() {
        float[] w = encoder.encode(frames);
        float[] ws = encoder.startWs(frames, 3);
        assertEquals(3 * 64, ws.length);
        for (int layer = 0; layer < 3; layer++) {
            assertArrayEquals(w, Arrays.copyOfRange(ws, layer * 64, layer * 64 + 64), "layer " + layer);
        }
    }

    @Test
    void aClosedEncoderSaysSo() throws Exception {
        HeadEncoder other = HeadEncoder.load(bundle, Device.cpu());
        other.close();
        other.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> other.encode(frames));
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    private static float[] floats(JsonArray array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).getAsFloat();
        }
        return out;
    }

    private static void assertClose(String what, float[] expected, float[] actual, double tolerance) {
        assertEquals(expected.length, actual.length, what + " length");
        double worst = 0;
        int at = -1;
        for (int i = 0; i < expected.length; i++) {
            double error = Math.abs(expected[i] - actual[i]);
            if (error > worst) {
                worst = error;
                at = i;
            }
        }
        assertTrue(worst <= tolerance, what + ": largest error " + worst + " at " + at + " (tolerance " + tolerance + ")");
    }
}
