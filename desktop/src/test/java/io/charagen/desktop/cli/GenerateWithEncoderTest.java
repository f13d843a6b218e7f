package io.charagen.desktop.cli;

import io.charagen.desktop.cli.GenerateWithoutPortraitTest.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.charagen.desktop.cli.GenerateCommandTest.pixels;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charagen generate} with a head encoder: the toolkit's tiny parity encoder (random weights,
 * paired with sg3t-64), given with --portrait-encoder since the shared fixtures are read-only and
 * none can lie beside sg3t-64.pkl. One face per character keeps it quick.
 */
class GenerateWithEncoderTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final String SPRITE = FIXTURES.resolve("sg2-64.pkl").toString();
    private static final String MODEL = FIXTURES.resolve("sg3t-64.pkl").toString();
    private static final String ENCODER = Path.of("../generator/src/test/resources/head-encoder/tiny.encoder.json")
            .toAbsolutePath().normalize().toString();
    private static final String ENCODER_SHA256 = "a0fd01abd5b30ab3093bd3414b2c8e5ad30730ba25afb8083875b960805ec74b";

    @TempDir
    static Path shared;
    static Path first;
    static Run firstRun;

    /** One character made by the encoder alone (the default 0 steps), looked at by several tests. */
    @BeforeAll
    static void makeOne() {
        first = shared.resolve("first");
        firstRun = generate("--name", "Enc", "--seed", "3", "--portrait-encoder", ENCODER, "--out", first.toString());
    }

    static Run generate(String... args) {
        List<String> all = new ArrayList<>(List.of("generate", "--sprite-model", SPRITE, "--portrait-model", MODEL,
                "--expressions", "neutral"));
        all.addAll(List.of(args));
        return GenerateWithoutPortraitTest.run(all.toArray(String[]::new));
    }

    @Test
    void theEncoderAloneIsTheDefaultAndTheRecordSaysSo() throws Exception {
        assertEquals(0, firstRun.exit(), firstRun.err());
        assertTrue(firstRun.err().contains("head encoder 'tiny'") && firstRun.err().contains("no projection steps"),
                firstRun.err());
        String record = Files.readString(first.resolve("Enc.json"));
        assertTrue(record.contains("\"portrait_path\": \"encoder\"") && record.contains("\"projection_steps\": 0")
                && record.contains(ENCODER_SHA256), record);
        assertTrue(Files.exists(first.resolve("faces/Enc.png")));
    }

    @Test
    void theRecordMakesTheSamePixelsWithTheSameEncoder() throws Exception {
        Path again = shared.resolve("again");
        Run run = GenerateWithoutPortraitTest.run("generate", "--sprite-model", SPRITE, "--portrait-model", MODEL,
                "--portrait-encoder", ENCODER, "--record", first.resolve("Enc.json").toString(), "--out", again.toString());
        assertEquals(0, run.exit(), run.err());
        for (String file : List.of("characters/$Enc.png", "faces/Enc.png")) {
            assertArrayEquals(pixels(first.resolve(file)), pixels(again.resolve(file)), file + " differs");
        }
        assertEquals(Files.readString(first.resolve("Enc.json")), Files.readString(again.resolve("Enc.json")));
    }

    @Test
    void aRecordOfTheEncoderIsRefusedWithoutIt(@TempDir Path dir) {
        String record = first.resolve("Enc.json").toString();
        for (List<String> encoderOption : List.of(List.<String>of(), List.of("--portrait-encoder", "none"))) {
            List<String> args = new ArrayList<>(List.of("generate", "--sprite-model", SPRITE, "--portrait-model", MODEL,
                    "--record", record, "--out", dir.resolve("out").toString()));
            args.addAll(encoderOption);
            Run run = GenerateWithoutPortraitTest.run(args.toArray(String[]::new));
            assertEquals(CharagenCommand.EXIT_USAGE, run.exit(), run.err());
            assertTrue(run.err().contains("head encoder 'tiny'") && run.err().contains("--portrait-encoder"), run.err());
        }
        assertFalse(Files.exists(dir.resolve("out")), "nothing was written");
    }

    @Test
    void aProjectionRecordIsRefusedWithAnEncoder(@TempDir Path dir) throws Exception {
        String projection = Files.readString(first.resolve("Enc.json"))
                .replaceAll("\"portrait_path\": \"encoder\",\\s*", "")
                .replaceAll("\"portrait_encoder\": \\{[^}]*},\\s*", "")
                .replace("\"projection_steps\": 0", "\"projection_steps\": 1");
        Path record = Files.writeString(dir.resolve("Projected.json"), projection);
        Run run = GenerateWithoutPortraitTest.run("generate", "--sprite-model", SPRITE, "--portrait-model", MODEL,
                "--portrait-encoder", ENCODER, "--record", record.toString(), "--out", dir.resolve("out").toString());
        assertEquals(CharagenCommand.EXIT_USAGE, run.exit(), run.err());
        assertTrue(run.err().contains("without a head encoder") && run.err().contains("--portrait-encoder none"), run.err());
    }

    @Test
    void stepsRefineTheEncodersPrediction(@TempDir Path dir) throws Exception {
        Run run = generate("--name", "Refined", "--seed", "3", "--portrait-encoder", ENCODER, "--steps", "1",
                "--out", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("refined in 1 projection steps"), run.err());
        String record = Files.readString(dir.resolve("Refined.json"));
        assertTrue(record.contains("\"portrait_path\": \"encoder+refinement\"") && record.contains("\"projection_steps\": 1"),
                record);
    }

    @Test
    void zeroStepsWithoutAnEncoderAreAUsageError(@TempDir Path dir) {
        Run run = generate("--name", "Avg", "--seed", "3", "--steps", "0", "--out", dir.toString());
        assertEquals(CharagenCommand.EXIT_USAGE, run.exit(), run.err());
        assertTrue(run.err().contains("--steps 0") && run.err().contains("--portrait-encoder"), run.err());
        Run other = generate("--name", "Avg", "--seed", "3", "--portrait-encoder", SPRITE, "--out", dir.toString());
        assertEquals(CharagenCommand.EXIT_FAILED, other.exit(), other.err());
        assertTrue(other.err().contains("--portrait-encoder"), other.err());
        assertFalse(Files.exists(dir.resolve("Avg.json")));
    }

    @Test
    void theHelpNamesTheOptionAndTheStepsDefaults() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, CharagenCommand.execute("generate", "--help"));
        } finally {
            System.setOut(saved);
        }
        String help = out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        assertTrue(help.contains("--portrait-encoder=PATH|none") && help.contains("'none' projects the head from w_avg"),
                help);
        assertTrue(help.contains("(default 0: none)") && help.contains("the projector's default, 100"), help);
    }
}
