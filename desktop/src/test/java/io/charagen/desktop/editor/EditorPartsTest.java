package io.charagen.desktop.editor;

import com.badlogic.gdx.utils.GdxRuntimeException;
import io.charagen.generator.rpgmaker.ActorsFile;
import io.charagen.generator.rpgmaker.ExportFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The editor's pieces that need no window: seeds, pixel scales, the debounce, error lines. */
class EditorPartsTest {

    @Test
    void seedsAreWholeNumbersInTheSeedRange() {
        assertEquals(0, Seeds.parse("seed", " 0 "));
        assertEquals(4294967295L, Seeds.parse("seed", "4294967295"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> Seeds.parse("mix seed", "12x"));
        assertEquals("mix seed '12x': expected a whole number from 0 to 4294967295", bad.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("seed", "-1"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("seed", "4294967296"));
        assertThrows(IllegalArgumentException.class, () -> Seeds.parse("seed", ""));
        assertEquals(4294967295L, Seeds.step(0, -1), "stepping below 0 wraps");
        assertEquals(0, Seeds.step(4294967295L, 1));
    }

    @Test
    void pixelArtGrowsByWholeNumbersAndShrinksToFit() {
        assertEquals(3, PixelScale.fit(144, 144, 48, 48));
        assertEquals(2, PixelScale.fit(144, 144, 48, 64), "the taller side decides");
        assertEquals(1, PixelScale.fit(100, 100, 64, 64));
        assertEquals(0.5f, PixelScale.fit(128, 128, 256, 256));
    }

    @Test
    void theDebounceRunsOnceAfterTheLastTouch() {
        AtomicInteger runs = new AtomicInteger();
        Debounce debounce = new Debounce(0.3f, runs::incrementAndGet);
        debounce.touch();
        debounce.update(0.2f);
        debounce.touch();
        debounce.update(0.2f);
        assertEquals(0, runs.get(), "a touch restarts the wait");
        assertTrue(debounce.isWaiting());
        debounce.update(0.2f);
        assertEquals(1, runs.get());
        debounce.update(1f);
        assertEquals(1, runs.get(), "once per quiet spell");
        debounce.touch();
        debounce.cancel();
        debounce.update(1f);
        assertEquals(1, runs.get(), "cancelled");
        assertFalse(debounce.isWaiting());
    }

    @Test
    void theActorChooserListsTheProjectsActorsByNumberAndName(@TempDir Path project) throws Exception {
        Files.writeString(project.resolve("Game.rpgproject"), "RPGMV 1.6.2");
        Files.createDirectories(project.resolve("img"));
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/Actors.json"), "[\nnull,\n{\"id\":1,\"name\":\"ハロルド\"},\n{\"id\":2,\"name\":\"\"}\n]");
        ActorsFile actors = ActorsFile.read(ExportFolder.rpgMakerProject(project));
        assertEquals(List.of("no actor", "1: ハロルド", "2"), ActorChooser.items(actors));
    }

    @Test
    void problemsShowTheCauseThatSaysWhatWasWrong() {
        GdxRuntimeException wrapped = new GdxRuntimeException("Couldn't load dependencies of asset: a.pkl",
                new GdxRuntimeException("a.pkl: not a PyTorch snapshot"));
        assertEquals("a.pkl: not a PyTorch snapshot", Problems.describe(wrapped));
        assertEquals("x.png already exists", Problems.describe(new FileAlreadyExistsException("x.png", null, "already exists")));
        assertEquals("IllegalStateException", Problems.describe(new IllegalStateException()));
    }
}
