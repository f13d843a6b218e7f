package io.charagen.core;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.graphics.g2d.Animation;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.preset.PresetSet;
import io.charagen.generator.sheet.Direction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service's promises, with a maker the test holds back so that every interleaving is chosen,
 * not hoped for: work off the render thread, results and progress on it, a bounded queue,
 * cancellation at each stage, caches in memory and on disk.
 */
class CharacterGeneratorTest {

    private final GatedMaker maker = new GatedMaker();
    private final List<CharacterGenerator> started = new ArrayList<>();

    @BeforeAll
    static void gdx() throws Exception {
        HeadlessGdx.start();
    }

    @AfterEach
    void stop() throws Exception {
        maker.permits.release(1000);
        for (CharacterGenerator g : started) {
            g.dispose();
            assertTrue(g.awaitStopped(10_000), "workers stop after dispose");
        }
    }

    private CharacterGenerator generator(GeneratorSettings settings) {
        CharacterGenerator g = new CharacterGenerator(Gdx.app, FakeArt.SPRITE, FakeArt.PORTRAIT, new PresetSet(List.of()),
                List.of("pose", "expression", "identity"), () -> maker, settings);
        started.add(g);
        return g;
    }

    @Test
    void drawsOnAWorkerAndDeliversOnTheRenderThread() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings());
        RecordingListener heard = new RecordingListener();
        GenerationRequest request = g.request(FakeArt.spec("Ann", 3), heard);
        while (maker.started.isEmpty()) {
            Thread.sleep(2);
        }
        Thread.sleep(50); // let it report some steps
        maker.permits.release();
        RecordingListener.Event done = heard.next();
        assertEquals("done", done.kind());
        assertSame(HeadlessGdx.renderThread(), done.thread(), "done on the render thread");
        assertNotSame(HeadlessGdx.renderThread(), maker.threads.get(0), "drawn off the render thread");
        assertFalse(heard.progress.isEmpty(), "projection steps were reported");
        assertTrue(heard.progress.stream().allMatch(e -> e.thread() == HeadlessGdx.renderThread()), "progress on the render thread");
        assertEquals(GenerationRequest.State.DONE, request.state());
        assertEquals(0, g.pending());

        GeneratedCharacter ann = done.character();
        assertEquals("Ann", ann.name());
        Animation<TextureRegion> walk = ann.walk(Direction.LEFT);
        assertEquals(4, walk.getKeyFrames().length);
        int[] patterns = {0, 1, 2, 1};
        for (int i = 0; i < 4; i++) {
            assertSame(ann.frame(Direction.LEFT, patterns[i]), walk.getKeyFrames()[i], "walk frame " + i);
        }
        assertEquals(Animation.PlayMode.LOOP, walk.getPlayMode());
        TextureRegion right1 = ann.frame(Direction.RIGHT, 1);
        assertEquals(8, right1.getRegionX());
        assertEquals(2 * 12, right1.getRegionY(), "row 2 is right");
        assertEquals(List.of("neutral"), ann.expressions());
        assertThrows(IllegalArgumentException.class, () -> ann.portrait("happy"));
        HeadlessGdx.onRenderThread(() -> {
            ann.dispose();
            ann.dispose();
            return null;
        });
        assertTrue(ann.isDisposed());
    }

    @Test
    void theQueueIsBoundedAndACancelledRequestFreesItsPlace() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings().queueCapacity(2));
        RecordingListener heard = new RecordingListener();
        GenerationRequest first = g.request(FakeArt.spec("A", 1), heard);
        GenerationRequest second = g.request(FakeArt.spec("B", 2), heard);
        QueueFullException full = assertThrows(QueueFullException.class, () -> g.request(FakeArt.spec("C", 3), heard));
        assertTrue(full.getMessage().contains("2 requests"), full.getMessage());
        assertEquals(2, g.pending());

        second.cancel();
        RecordingListener.Event cancelled = heard.next();
        assertEquals("cancelled", cancelled.kind());
        assertSame(second, cancelled.request());
        assertSame(HeadlessGdx.renderThread(), cancelled.thread());
        GenerationRequest third = g.request(FakeArt.spec("C", 3), heard);
        maker.permits.release(2);
        assertEquals("done", heard.next().kind());
        assertEquals("done", heard.next().kind());
        assertEquals(List.of(1L, 3L), maker.started.stream().map(CharacterSpec::seed).toList(), "B was never drawn");
        assertEquals(GenerationRequest.State.DONE, first.state());
        assertEquals(GenerationRequest.State.DONE, third.state());
        assertEquals(0, g.pending());
    }

    @Test
    void cancellingARunningRequestStopsItAtItsNextStep() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings());
        RecordingListener heard = new RecordingListener();
        GenerationRequest running = g.request(FakeArt.spec("A", 1), heard);
        while (running.state() != GenerationRequest.State.RUNNING) {
            Thread.sleep(2);
        }
        running.cancel();
        running.cancel();
        RecordingListener.Event e = heard.next();
        assertEquals("cancelled", e.kind());
        assertEquals(GenerationRequest.State.CANCELLED, running.state());
        assertEquals(0, maker.permits.availablePermits());
        assertEquals(0, g.pending());
        Thread.sleep(100);
        assertTrue(heard.endings.isEmpty(), "one ending only");
    }

    @Test
    void aCharacterCancelledOnItsWayToTheRenderThreadIsNotDelivered() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings());
        RecordingListener heard = new RecordingListener();
        // Hold the render thread so the finished character waits in the runnable queue.
        java.util.concurrent.CountDownLatch holding = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch letGo = new java.util.concurrent.CountDownLatch(1);
        Gdx.app.postRunnable(() -> {
            holding.countDown();
            try {
                letGo.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        holding.await();
        GenerationRequest request = g.request(FakeArt.spec("A", 1), heard);
        maker.permits.release();
        while (g.pending() > 0) {
            Thread.sleep(2);
        }
        request.cancel();
        letGo.countDown();
        assertEquals("cancelled", heard.next().kind());
    }

    @Test
    void aFailureIsReportedOnTheRenderThread() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings());
        maker.failure = new IllegalStateException("seed 9: the sprite model drew no figure there");
        RecordingListener heard = new RecordingListener();
        g.request(FakeArt.spec("A", 9), heard);
        maker.permits.release();
        RecordingListener.Event e = heard.next();
        assertEquals("failed", e.kind());
        assertSame(maker.failure, e.error());
        assertSame(HeadlessGdx.renderThread(), e.thread());
        assertEquals(0, g.pending());
    }

    @Test
    void theSameSpecComesBackFromMemoryWithoutDrawingUnderItsNewName() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings());
        RecordingListener heard = new RecordingListener();
        g.request(FakeArt.spec("A", 4), heard);
        maker.permits.release();
        assertEquals("done", heard.next().kind());
        GenerationRequest again = g.request(FakeArt.spec("Bea", 4), heard);
        RecordingListener.Event e = heard.next();
        assertEquals("done", e.kind());
        assertSame(again, e.request());
        assertEquals("Bea", e.character().name());
        assertEquals("Bea", e.character().record().spec().name());
        assertEquals(1, maker.started.size(), "drawn once");
        assertEquals(1, g.memoryCache().size());
        // A sprite preview and another seed are other characters.
        g.requestSprite(FakeArt.spec("A", 4), heard);
        g.request(FakeArt.spec("A", 5), heard);
        maker.permits.release(2);
        heard.next();
        heard.next();
        assertEquals(3, maker.started.size());
    }

    @Test
    void theDiskCacheBringsCharactersBackInTheNextRun(@TempDir Path cache) throws Exception {
        GeneratorSettings settings = new GeneratorSettings().memoryCache(0).diskCache(cache, 1 << 20);
        CharacterGenerator first = generator(settings);
        RecordingListener heard = new RecordingListener();
        first.request(FakeArt.spec("A", 6), heard);
        maker.permits.release();
        GeneratedCharacter made = heard.next().character();
        first.dispose();

        CharacterGenerator second = generator(settings);
        second.request(FakeArt.spec("A", 6), heard);
        RecordingListener.Event e = heard.next();
        assertEquals("done", e.kind(), String.valueOf(e.error()));
        assertEquals(1, maker.started.size(), "the second run drew nothing");
        assertTrue(FakeArt.sameArt(made.art(), e.character().art()), "the same pixels came back");
        assertEquals(made.record(), e.character().record());
    }

    @Test
    void disposeCancelsEverythingAndRefusesNewRequests() throws Exception {
        CharacterGenerator g = generator(new GeneratorSettings().queueCapacity(5));
        RecordingListener heard = new RecordingListener();
        for (int i = 0; i < 3; i++) {
            g.request(FakeArt.spec("N" + i, i), heard);
        }
        while (maker.started.isEmpty()) {
            Thread.sleep(2);
        }
        g.dispose();
        for (int i = 0; i < 3; i++) {
            assertEquals("cancelled", heard.next().kind());
        }
        assertTrue(g.awaitStopped(10_000));
        assertTrue(maker.closed, "the worker closed its networks");
        assertThrows(IllegalStateException.class, () -> g.request(FakeArt.spec("late", 9), heard));
    }

    @Test
    void unknownPresetsAndMixGroupsAreRefusedBeforeQueueing() {
        CharacterGenerator g = generator(new GeneratorSettings());
        RecordingListener heard = new RecordingListener();
        CharacterSpec hero = new CharacterSpec("A", 1, 0.7, "hero", FakeArt.spec("A", 1).expressions(), 32, null, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.request(hero, heard));
        assertTrue(e.getMessage().contains("'hero'"), e.getMessage());
        CharacterSpec mixed = FakeArt.spec("A", 1).withMix(new io.charagen.generator.character.LayerMix(2, List.of("hair")));
        e = assertThrows(IllegalArgumentException.class, () -> g.request(mixed, heard));
        assertTrue(e.getMessage().contains("hair") && e.getMessage().contains("pose, expression, identity"), e.getMessage());
        assertEquals(0, g.pending());
    }
}
