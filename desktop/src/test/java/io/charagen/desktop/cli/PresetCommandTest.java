package io.charagen.desktop.cli;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import io.charagen.generator.preset.BlendMode;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code charagen preset} from a seed and from two labelled folders, on the sg3t-64 fixture. */
class PresetCommandTest {

    private static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs"));
    private static final String MODEL = FIXTURES.resolve("sg3t-64.pkl").toString();

    @Test
    void aSeedPresetHoldsThatSeedsWs(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("ws.npy");
        assertEquals(0, CharagenCommand.execute("sample", "--model", MODEL, "--seed", "9", "--psi", "0.6", "--ws-npy",
                ws.toString()));
        assertEquals(0, CharagenCommand.execute("preset", "--model", MODEL, "--kind", "archetype", "--name", "knight",
                "--seed", "9", "--psi", "0.6", "--layer-group", "pose", "--out", dir.toString()));
        Preset preset = PresetFiles.read(dir.resolve("knight.json"));
        assertEquals(BlendMode.REPLACE, preset.mode(), "archetypes replace by default");
        assertEquals("pose", preset.layerGroup());
        try (NDManager m = NDManager.newBaseManager()) {
            float[] expected = NDList.decode(m, Files.readAllBytes(ws)).singletonOrThrow().toFloatArray();
            assertArrayEquals(expected, preset.w());
        }
    }

    @Test
    void labelledFoldersGiveAnAddDirection(@TempDir Path dir) throws Exception {
        Path with = Files.createDirectories(dir.resolve("smiling"));
        Path without = Files.createDirectories(dir.resolve("plain"));
        assertEquals(0, CharagenCommand.execute("sample", "--model", MODEL, "--seed", "1", "--png", with.resolve("a.png").toString()));
        assertEquals(0, CharagenCommand.execute("sample", "--model", MODEL, "--seed", "2", "--png", without.resolve("b.png").toString()));
        assertEquals(0, CharagenCommand.execute("preset", "--model", MODEL, "--kind", "expression", "--name", "smile",
                "--from-folders", with.toString(), without.toString(), "--steps", "3", "--layer-group", "expression",
                "--out", dir.resolve("out").toString()));
        Preset preset = PresetFiles.read(dir.resolve("out/smile.json"));
        assertEquals(BlendMode.ADD, preset.mode());
        assertEquals("labelled", preset.source().get("method").getAsString());
        double norm = 0;
        for (float v : preset.w()) {
            norm += v * v;
        }
        assertTrue(norm > 0, "two different images give a non-zero direction");
    }
}
