package io.charagen.generator.encoder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The head encoder parity fixture the toolkit wrote (training/tools/make_encoder_fixture.py): a tiny
 * encoder with random weights paired with sg3t-64 (portrait) and sg2-64 (sprite), four 48 x 48 frames,
 * and what PyTorch computes from them.
 */
public final class EncoderFixture {

    public static final String CARD = "tiny.encoder.json";
    public static final String WEIGHTS = "tiny.encoder.safetensors";
    /** The sha256 of the fixture's weights, as its card records it. */
    public static final String WEIGHTS_SHA256 = "a0fd01abd5b30ab3093bd3414b2c8e5ad30730ba25afb8083875b960805ec74b";

    private EncoderFixture() {
    }

    public static Path folder() {
        URL url = EncoderFixture.class.getResource("/head-encoder/" + CARD);
        if (url == null) {
            throw new IllegalStateException("test resource head-encoder/" + CARD + " is missing");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path card() {
        return folder().resolve(CARD);
    }

    /** The card and its weights copied into {@code dir} (cards there may be edited), card path returned. */
    public static Path copyTo(Path dir) throws IOException {
        Files.copy(folder().resolve(WEIGHTS), dir.resolve(WEIGHTS));
        return Files.copy(card(), dir.resolve(CARD));
    }

    /** What PyTorch computed: input_sum, input_abs_sum, logits, w. */
    static JsonObject expected() throws IOException {
        return JsonParser.parseString(Files.readString(folder().resolve("expected.json"))).getAsJsonObject();
    }

    /**
     * A character whose frames are frames.png's, one per direction in the card's order (down, left,
     * right, up), the same on every pattern.
     */
    static CharacterFrames frames() throws IOException {
        BufferedImage strip = ImageIO.read(folder().resolve("frames.png").toFile());
        BufferedImage[][] frames = new BufferedImage[Direction.values().length][CharacterFrames.PATTERNS];
        for (Direction d : Direction.values()) {
            BufferedImage frame = strip.getSubimage(48 * d.ordinal(), 0, 48, 48);
            Arrays.fill(frames[d.ordinal()], frame);
        }
        return new CharacterFrames(frames, null);
    }
}
