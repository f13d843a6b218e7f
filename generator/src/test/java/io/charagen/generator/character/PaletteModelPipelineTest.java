package io.charagen.generator.character;

import ai.djl.Device;
import io.charagen.generator.PaletteBundles;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sprite model with a palette output draws sprites through the pipeline like an RGB one; a portrait
 * model with one is refused, since the pipeline projects into the portrait network.
 */
class PaletteModelPipelineTest {

    @Test
    void aPaletteSpriteModelDrawsSprites(@TempDir Path folder) throws Exception {
        ModelSource sprite = ModelSource.open(PaletteBundles.write(folder, ModelKind.SPRITE, 64));
        try (CharacterPipeline pipeline = CharacterPipeline.open(sprite, null, new PresetLibrary(folder), Device.cpu())) {
            assertTrue(pipeline.spriteNetwork().hasPaletteOutput(), "the sprite network decodes its palette");
            CharacterArt art = pipeline.makeSprite(new CharacterSpec("Npc", 3, 1.0, null, List.of(), 32, null, 2, null),
                    null, null);
            assertTrue(art.frames().frameWidth() > 0);
        }
    }

    @Test
    void aPalettePortraitModelIsRefused(@TempDir Path folder) throws Exception {
        Path spriteFolder = Files.createDirectories(folder.resolve("sprite"));
        Path portraitFolder = Files.createDirectories(folder.resolve("portrait"));
        ModelSource sprite = ModelSource.open(PaletteBundles.write(spriteFolder, ModelKind.SPRITE, 16));
        ModelSource portrait = ModelSource.open(PaletteBundles.write(portraitFolder, ModelKind.PORTRAIT, 16));

        CheckpointException e = assertThrows(CheckpointException.class,
                () -> CharacterPipeline.open(sprite, portrait, new PresetLibrary(folder), Device.cpu()));

        assertTrue(e.getMessage().startsWith(portrait.path().toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the portrait model 'tiny' draws through a palette output, which cannot be"
                + " projected"), e.getMessage());
        assertEquals(portraitFolder.resolve("tiny.json"), portrait.path());
    }
}
