package io.charagen.core.assets;

import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.resolvers.AbsoluteFileHandleResolver;
import com.badlogic.gdx.utils.GdxRuntimeException;
import io.charagen.core.HeadlessGdx;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AssetManager loaders on the reference fixture snapshots and the shipped fixture presets. */
class LoadersTest {

    static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs")).toAbsolutePath();
    static final Path PRESETS = Path.of("../presets").toAbsolutePath().normalize();

    private final AssetManager manager = new AssetManager(new AbsoluteFileHandleResolver());

    @BeforeAll
    static void gdx() throws Exception {
        HeadlessGdx.start();
    }

    LoadersTest() {
        manager.setLoader(CharagenModel.class, new CharagenModelLoader(manager.getFileHandleResolver()));
        manager.setLoader(Preset.class, new PresetLoader(manager.getFileHandleResolver()));
    }

    @AfterEach
    void close() {
        manager.dispose();
    }

    static String path(Path p) {
        return p.toString().replace('\\', '/');
    }

    @Test
    void loadsSnapshotsForTheRoleAskedAndPresets() {
        String sprite = path(FIXTURES.resolve("sg2-64.pkl"));
        String portrait = path(FIXTURES.resolve("sg3t-64.pkl"));
        String hero = path(PRESETS.resolve("sg2-64/archetypes/hero.json"));
        manager.load(sprite, CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.SPRITE));
        manager.load(portrait, CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.PORTRAIT));
        manager.load(hero, Preset.class);
        manager.finishLoading();
        CharagenModel s = manager.get(sprite, CharagenModel.class);
        CharagenModel p = manager.get(portrait, CharagenModel.class);
        assertEquals(ModelKind.SPRITE, s.kind());
        assertEquals(ModelKind.PORTRAIT, p.kind());
        assertEquals(64, s.resolution());
        assertTrue(p.source().discriminatorRecord().isPresent(), "the snapshot's D came along for the projector");
        Preset preset = manager.get(hero, Preset.class);
        assertEquals(PresetKind.ARCHETYPE, preset.kind());
        assertEquals(s.ref().sha256(), preset.model().sha256(), "the hero preset is for this sprite model");
    }

    @Test
    void aSnapshotWithoutItsRoleIsAClearError() {
        String sprite = path(FIXTURES.resolve("sg2-64.pkl"));
        manager.load(sprite, CharagenModel.class);
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, manager::finishLoading);
        assertTrue(messages(e).contains("Parameters.of(ModelKind.SPRITE or PORTRAIT)"), messages(e));
    }

    @Test
    void aMissingModelAndABrokenPresetNameTheFile(@TempDir Path dir) throws Exception {
        manager.load(path(dir.resolve("nope.json")), CharagenModel.class);
        GdxRuntimeException e = assertThrows(GdxRuntimeException.class, manager::finishLoading);
        assertTrue(messages(e).contains("nope.json"), messages(e));

        Path preset = dir.resolve("hero.json");
        Files.writeString(preset, Files.readString(PRESETS.resolve("sg2-64/archetypes/hero.json")).replace("\"mode\"", "\"mood\""));
        Files.copy(PRESETS.resolve("sg2-64/archetypes/hero.npy"), dir.resolve("hero.npy"));
        AssetManager other = new AssetManager(new AbsoluteFileHandleResolver());
        other.setLoader(Preset.class, new PresetLoader(other.getFileHandleResolver()));
        other.load(path(preset), Preset.class);
        e = assertThrows(GdxRuntimeException.class, other::finishLoading);
        assertTrue(messages(e).contains("hero.json") && messages(e).contains("mood"), messages(e));
        other.dispose();
    }

    static String messages(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append(" | ");
        }
        return all.toString();
    }
}
