package io.charagen.core;

import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.resolvers.AbsoluteFileHandleResolver;
import io.charagen.core.assets.CharagenModel;
import io.charagen.core.assets.CharagenModelLoader;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterPipeline;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.LayerMix;
import io.charagen.generator.character.PortraitPath;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.encoder.EncoderChoice;
import io.charagen.generator.preset.PresetLibrary;
import ai.djl.Device;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service on the real pipeline: models through the AssetManager, characters drawn by the
 * fixture networks on a worker, the same pixels as the pipeline run directly, and back again from
 * the disk cache in a second generator; and portraits started by a head encoder the settings choose.
 */
class PipelineServiceTest {

    static final Path FIXTURES = Path.of(System.getProperty("charagen.fixtures", "../../shared/fixtures/nvlabs")).toAbsolutePath();
    static final Path PRESETS = Path.of("../presets").toAbsolutePath().normalize();
    static CharagenModel sprite;
    static CharagenModel portrait;
    static AssetManager manager;

    @BeforeAll
    static void load() throws Exception {
        HeadlessGdx.start();
        manager = new AssetManager(new AbsoluteFileHandleResolver());
        manager.setLoader(CharagenModel.class, new CharagenModelLoader(manager.getFileHandleResolver()));
        manager.load(FIXTURES.resolve("sg2-64.pkl").toString(), CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.SPRITE));
        manager.load(FIXTURES.resolve("sg3t-64.pkl").toString(), CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.PORTRAIT));
        manager.finishLoading();
        sprite = manager.get(FIXTURES.resolve("sg2-64.pkl").toString(), CharagenModel.class);
        portrait = manager.get(FIXTURES.resolve("sg3t-64.pkl").toString(), CharagenModel.class);
    }

    @AfterAll
    static void unload() {
        manager.dispose();
    }

    static final CharacterSpec SPEC = new CharacterSpec("Rook", 21, 0.7, "villain",
            List.of(new ExpressionChoice("neutral", null), new ExpressionChoice("happy", 0.8)), 24, null, 2,
            new LayerMix(22, List.of("identity")));

    @Test
    void drawsWhatThePipelineDrawsAndTheDiskCacheKeepsIt(@TempDir Path cache) throws Exception {
        GeneratorSettings settings = new GeneratorSettings().diskCache(cache, 16 << 20);
        CharacterArt served = requestOnce(settings);
        assertEquals(List.of("neutral", "happy"), List.copyOf(served.faces().keySet()));
        assertEquals(64, served.faces().get("happy").getWidth());

        CharacterArt direct;
        try (CharacterPipeline pipeline = CharacterPipeline.open(sprite.source(), portrait.source(),
                new PresetLibrary(PRESETS), Device.cpu())) {
            direct = pipeline.make(SPEC, null, null).art();
        }
        assertTrue(FakeArt.sameArt(direct, served), "the service drew what the pipeline draws");

        CharacterArt again = requestOnce(settings);
        assertTrue(FakeArt.sameArt(direct, again), "the next run's generator read the same pixels from disk");
        assertEquals(served.record().toJson(), again.record().toJson());
    }

    @Test
    void theChosenHeadEncoderStartsThePortraitsAndIsRecorded() throws Exception {
        // The toolkit's tiny parity encoder, paired with sg3t-64 (generator's test resources).
        Path card = Path.of("../generator/src/test/resources/head-encoder/tiny.encoder.json").toAbsolutePath().normalize();
        CharacterGenerator generator = CharacterGenerator.start(sprite, portrait, new PresetLibrary(PRESETS),
                new GeneratorSettings().portraitEncoder(EncoderChoice.file(card)));
        try {
            assertEquals("tiny", generator.portraitEncoder().name());
            RecordingListener heard = new RecordingListener();
            generator.request(new CharacterSpec("Wren", 21, 0.7, null, List.of(new ExpressionChoice("neutral", null)), 24,
                    null, 0), heard);
            RecordingListener.Event e = heard.next();
            assertEquals("done", e.kind(), String.valueOf(e.error()));
            GeneratedCharacter character = e.character();
            assertEquals(PortraitPath.ENCODER, character.record().portraitPath());
            assertEquals(generator.portraitEncoder(), character.record().portraitEncoder());
            HeadlessGdx.onRenderThread(() -> {
                character.dispose();
                return null;
            });
        } finally {
            generator.dispose();
            assertTrue(generator.awaitStopped(30_000));
        }
    }

    /** One character from a fresh generator, which is disposed afterwards. */
    static CharacterArt requestOnce(GeneratorSettings settings) throws Exception {
        CharacterGenerator generator = CharacterGenerator.start(sprite, portrait, new PresetLibrary(PRESETS), settings);
        try {
            assertTrue(generator.archetypes().containsAll(List.of("hero", "villain")), generator.archetypes().toString());
            RecordingListener heard = new RecordingListener();
            generator.request(SPEC, heard);
            RecordingListener.Event e = heard.next();
            assertEquals("done", e.kind(), String.valueOf(e.error()));
            GeneratedCharacter character = e.character();
            assertEquals("Rook", character.name());
            assertEquals(List.of("neutral", "happy"), character.expressions());
            CharacterArt art = character.art();
            HeadlessGdx.onRenderThread(() -> {
                character.dispose();
                return null;
            });
            return art;
        } finally {
            generator.dispose();
            assertTrue(generator.awaitStopped(30_000));
        }
    }
}
