package io.charagen.generator.encoder;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Head encoder cards are read strictly, and an encoder is used only with the portrait model it was made for. */
class HeadEncoderCardTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));

    static ModelSource portrait;

    @BeforeAll
    static void open() throws Exception {
        portrait = ModelSource.open(FIXTURES.resolve("sg3t-64.pkl"), ModelKind.PORTRAIT);
    }

    /**
     * Each row: text of the fixture card (its white space runs made single spaces), what replaces it,
     * and what the error must name. The text is found once, so each row breaks one thing.
     */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', value = {
            "\"name\": \"tiny\",|\"name\": \"tiny\", \"colour\": 1,|unknown field 'colour'",
            "\"hidden\": 16,|\"hidden\": 16, \"dropout\": 0.1,|unknown field 'network.dropout'",
            "\"leaky_relu_slope\": 0.2|\"leaky_relu_slope\": NaN|'network.leaky_relu_slope' is NaN",
            "\"w_dim\": 64,|\"w_dim\": \"64\",|'w_dim' is the string \"64\"",
            "\"kernel\": 3,|\"kernel\": 5,|'network.kernel' is 5",
            "\"format\": \"charagen-head-encoder/1\"|\"format\": \"charagen-head-encoder/2\"|'format' is 'charagen-head-encoder/2'",
            "\"mask_alpha_at_least\": 128,|\"mask_alpha_at_least\": 0,|'input.mask_alpha_at_least'",
            "\"pattern\": 1,|\"pattern\": 3,|'input.pattern'",
            "\"stride\": 1 }|\"stride\": 1, \"groups\": 2 }|unknown field 'network.convs[0].groups'",
            "\"file\": \"tiny.encoder.safetensors\"|\"file\": \"../head-encoder/tiny.encoder.safetensors\"|'weights.file'",
            "\"file\": \"tiny.encoder.safetensors\"|\"file\": \"/tmp/tiny.encoder.safetensors\"|'weights.file'",
            "\"sha256\": \"a0fd|\"sha256\": \"A0FD|'weights.sha256'",
            "[ null,|[ 7,|'heads[3].tokens[0]'",
    })
    void aBrokenCardIsRefusedNamingTheFileAndField(String find, String replace, String named, @TempDir Path dir)
            throws IOException {
        Path card = EncoderFixture.copyTo(dir);
        String text = Files.readString(card).replaceAll("\\s+", " ");
        assertEquals(1, count(text, find), "the fixture holds '" + find + "' once");
        Files.writeString(card, text.replace(find, replace));
        CheckpointException e = assertThrows(CheckpointException.class, () -> HeadEncoderBundle.read(card));
        assertTrue(e.getMessage().contains(card.toString()) && e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void weightsThatAreNotTheOnesTheCardRecordsAreNotDecoded(@TempDir Path dir) throws IOException {
        Path card = EncoderFixture.copyTo(dir);
        Path weights = dir.resolve(EncoderFixture.WEIGHTS);
        byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        CheckpointException e = assertThrows(CheckpointException.class, () -> HeadEncoderBundle.read(card));
        assertTrue(e.getMessage().contains("sha256") && e.getMessage().contains(EncoderFixture.WEIGHTS_SHA256)
                && e.getMessage().contains(weights.toString()), e.getMessage());
        Files.delete(weights);
        e = assertThrows(CheckpointException.class, () -> HeadEncoderBundle.read(card));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
    }

    @Test
    void anEncoderOfAnotherPortraitModelIsRefusedNamingBothSha256s() throws Exception {
        ModelSource other = ModelSource.open(FIXTURES.resolve("sg3r-64.pkl"), ModelKind.PORTRAIT);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> PortraitEncoders.forPortrait(EncoderFixture.card(), other));
        assertTrue(e.getMessage().contains(portrait.ref().sha256()) && e.getMessage().contains(other.ref().sha256()),
                e.getMessage());
        assertEquals(EncoderFixture.WEIGHTS_SHA256, PortraitEncoders.forPortrait(EncoderFixture.card(), portrait).ref().sha256());
    }

    @Test
    void anEncoderOfAnotherWDimIsRefused() throws Exception {
        HeadEncoderBundle bundle = HeadEncoderBundle.read(EncoderFixture.card());
        HeadEncoderCard c = bundle.card();
        HeadEncoderCard wider = new HeadEncoderCard(c.name(), c.input(), c.convs(), c.hidden(), c.leakyReluSlope(),
                c.heads(), 128, c.sprite(), c.portrait(), c.training(), c.weightsFile(), c.weightsSha256());
        CheckpointException e = assertThrows(CheckpointException.class, () -> PortraitEncoders.requirePaired(
                new HeadEncoderBundle(wider, bundle.weights(), bundle.cardFile()), portrait));
        assertTrue(e.getMessage().contains("w_dim 128") && e.getMessage().contains("w_dim 64"), e.getMessage());
    }

    @Test
    void theEncoderBesideAPortraitModelIsFoundByItsName(@TempDir Path dir) throws Exception {
        assertEquals(dir.resolve("faces.encoder.json"), PortraitEncoders.besideModel(dir.resolve("faces.json")));
        assertEquals(dir.resolve("sg3t-64.encoder.json"), PortraitEncoders.besideModel(dir.resolve("sg3t-64.pkl")));
        // The same model as if it lay in dir (the shared fixtures are read-only).
        ModelSource moved = new ModelSource(dir.resolve("sg3t-64.pkl"), portrait.card(), false, portrait.ref(),
                portrait.generator(), portrait.discriminator());
        assertTrue(PortraitEncoders.find(moved).isEmpty(), "no encoder beside it yet");
        assertTrue(EncoderChoice.besideModel().resolve(moved).isEmpty());
        Path card = EncoderFixture.copyTo(dir);
        Files.move(card, dir.resolve("sg3t-64.encoder.json"));
        assertEquals("tiny", PortraitEncoders.find(moved).orElseThrow().card().name());
        assertEquals("tiny", EncoderChoice.besideModel().resolve(moved).orElseThrow().card().name());
        assertTrue(EncoderChoice.none().resolve(moved).isEmpty(), "none turns it off");
        assertEquals(EncoderChoice.none(), EncoderChoice.parse("none"));
        assertEquals(EncoderChoice.file(Path.of("x.json")), EncoderChoice.parse("x.json"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
