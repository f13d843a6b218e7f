package io.charagen.generator.preset;

import io.charagen.generator.io.NpyWriter;
import io.charagen.generator.model.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PresetFilesTest {

    static final ModelRef MODEL = new ModelRef("tiny", "a".repeat(64));
    static final ModelRef OTHER = new ModelRef("other", "b".repeat(64));

    static Preset preset(String name, PresetKind kind, ModelRef model, BlendMode mode) {
        float[] w = new float[4 * 3];
        for (int i = 0; i < w.length; i++) {
            w[i] = i * 0.5f - 2;
        }
        return new Preset(name, kind, model, null, List.of(1, 2), mode, 0.5, 4, 3, w, "test preset", null);
    }

    @Test
    void roundTripsAndApplies(@TempDir Path dir) throws Exception {
        Preset written = preset("hero", PresetKind.ARCHETYPE, MODEL, BlendMode.LERP);
        Path json = PresetFiles.write(dir, written, false);
        Preset read = PresetFiles.read(json);
        assertEquals(written.name(), read.name());
        assertEquals(written.layers(), read.layers());
        assertEquals(BlendMode.LERP, read.mode());
        assertArrayEquals(written.w(), read.w());

        float[] ws = new float[12];
        read.applyTo(ws, read.layers(), 0.5);
        for (int i = 0; i < 12; i++) {
            int layer = i / 3;
            float expected = layer == 1 || layer == 2 ? 0.5f * written.w()[i] : 0f;
            assertEquals(expected, ws[i], 1e-7, "value " + i);
        }
        assertThrows(FileAlreadyExistsException.class, () -> PresetFiles.write(dir, written, false));
    }

    @Test
    void modesBlendAsDocumented() {
        assertEquals(3f, BlendMode.REPLACE.blend(1f, 3f, 0.25f));
        assertEquals(1.5f, BlendMode.LERP.blend(1f, 3f, 0.25f));
        assertEquals(1.75f, BlendMode.ADD.blend(1f, 3f, 0.25f));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown field|\"mode\": \"lerp\"|\"mode\": \"lerp\", \"colour\": 1|unknown field 'colour'",
            "bad mode|\"mode\": \"lerp\"|\"mode\": \"blend\"|field 'mode' is 'blend'",
            "NaN strength|\"strength\": 0.5|\"strength\": NaN|field 'strength' is NaN",
            "path in w|\"w\": \"hero.npy\"|\"w\": \"../hero.npy\"|field 'w' is '../hero.npy'",
            "layer out of range|\"layers\": [|\"layers\": [9, |field 'layers[0]' is 9",
            "bad sha|\"aaaaaaaa|\"Xaaaaaaa|field 'model.sha256'",
            "wrong num_ws|\"num_ws\": 4|\"num_ws\": 5|expected (5, 3)",
            "renamed|\"name\": \"hero\"|\"name\": \"villain\"|field 'name' is 'villain' but the file is hero.json"})
    void refusesBrokenFiles(String what, String from, String to, String problem, @TempDir Path dir) throws Exception {
        Path json = PresetFiles.write(dir, preset("hero", PresetKind.ARCHETYPE, MODEL, BlendMode.LERP), false);
        String text = Files.readString(json);
        assertTrue(text.contains(from), what + ": test text not found in " + text);
        Files.writeString(json, text.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to)));
        PresetException e = assertThrows(PresetException.class, () -> PresetFiles.read(json));
        assertTrue(e.getMessage().startsWith(dir.toString()), what + " names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), what + " names the problem: " + e.getMessage());
    }

    @Test
    void refusesNonFiniteWValues(@TempDir Path dir) throws Exception {
        Path json = PresetFiles.write(dir, preset("hero", PresetKind.ARCHETYPE, MODEL, BlendMode.LERP), false);
        float[] w = new float[12];
        w[7] = Float.NaN;
        NpyWriter.write(dir.resolve("hero.npy"), new long[] {4, 3}, w);
        PresetException e = assertThrows(PresetException.class, () -> PresetFiles.read(json));
        assertTrue(e.getMessage().contains("w value 7 is NaN"), e.getMessage());

        Files.write(dir.resolve("hero.npy"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        e = assertThrows(PresetException.class, () -> PresetFiles.read(json));
        assertTrue(e.getMessage().contains("not a .npy file"), e.getMessage());
    }

    @Test
    void libraryFindsByModelAndRefusesOthers(@TempDir Path root) throws Exception {
        PresetFiles.write(root.resolve("tiny/archetypes"), preset("hero", PresetKind.ARCHETYPE, MODEL, BlendMode.REPLACE), false);
        PresetFiles.write(root.resolve("other/archetypes"), preset("villain", PresetKind.ARCHETYPE, OTHER, BlendMode.REPLACE), false);
        PresetFiles.write(root.resolve("tiny/expressions"), preset("happy", PresetKind.EXPRESSION, MODEL, BlendMode.LERP), false);
        PresetLibrary library = new PresetLibrary(root);

        assertEquals("hero", library.find(PresetKind.ARCHETYPE, "hero", MODEL).name());
        assertEquals(List.of("hero"), library.names(PresetKind.ARCHETYPE, MODEL));
        assertEquals(List.of("happy"), library.names(PresetKind.EXPRESSION, MODEL));

        PresetException e = assertThrows(PresetException.class, () -> library.find(PresetKind.ARCHETYPE, "villain", MODEL));
        assertTrue(e.getMessage().contains("for another model") && e.getMessage().contains("available: hero"),
                e.getMessage());
        e = assertThrows(PresetException.class, () -> library.find(PresetKind.ARCHETYPE, "../tiny/archetypes/hero", MODEL));
        assertTrue(e.getMessage().contains("is not a preset name"), e.getMessage());
        Preset villain = library.find(PresetKind.ARCHETYPE, "villain", OTHER);
        e = assertThrows(PresetException.class, () -> villain.requireModel(MODEL, "--archetype"));
        assertTrue(e.getMessage().contains("was made for model 'other'"), e.getMessage());
    }
}
