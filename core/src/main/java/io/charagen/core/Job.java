package io.charagen.core;

import io.charagen.core.cache.CacheKey;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.PipelineListener;
import io.charagen.generator.character.PipelineListener.Stage;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One request's way through a {@link CharacterGenerator}: disk cache, then a worker, then the
 * render thread. Its state only moves forward; the listener hears exactly one ending.
 */
final class Job implements Runnable, GenerationRequest {

    private record Progress(Stage stage, int done, int total) { }

    private final CharacterGenerator generator;
    private final CharacterSpec spec;
    private final boolean spriteOnly;
    private final CacheKey key;
    private final CharacterListener listener;
    private final AtomicReference<State> state = new AtomicReference<>(State.QUEUED);
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean released;
    private final AtomicReference<Progress> latest = new AtomicReference<>();
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private volatile boolean cancelRequested;

    Job(CharacterGenerator generator, CharacterSpec spec, boolean spriteOnly, CacheKey key, CharacterListener listener) {
        this.generator = generator;
        this.spec = spec;
        this.spriteOnly = spriteOnly;
        this.key = key;
        this.listener = listener;
        this.released = new AtomicBoolean(false);
        generator.live.add(this);
    }

    @Override
    public CharacterSpec spec() {
        return spec;
    }

    @Override
    public boolean spriteOnly() {
        return spriteOnly;
    }

    @Override
    public State state() {
        return state.get();
    }

    @Override
    public void cancel() {
        cancelRequested = true;
        if (state.compareAndSet(State.QUEUED, State.CANCELLED)) {
            generator.dropQueued(this);
            release();
            finishCancelled();
        }
    }

    /** Disk lane: a character filed on disk goes straight to the render thread; otherwise to a worker. */
    void lookOnDisk() {
        if (state.get() != State.QUEUED) {
            return;
        }
        CharacterArt art = generator.disk().get(key);
        if (art == null) {
            generator.toWorkers(this);
            return;
        }
        generator.memory().put(key, art);
        if (state.compareAndSet(State.QUEUED, State.RUNNING)) {
            release();
            deliver(generator.renamed(art, spec));
        }
    }

    /** Worker: draws the character, files it in the caches, hands it on. */
    @Override
    public void run() {
        if (!state.compareAndSet(State.QUEUED, State.RUNNING)) {
            return;
        }
        CharacterArt art;
        try {
            PipelineListener progress = (stage, done, total, detail) -> progress(new Progress(stage, done, total));
            art = generator.maker().make(spec, spriteOnly, progress, () -> cancelRequested || generator.isDisposed());
        } catch (CancellationException e) {
            release();
            finishCancelled();
            return;
        } catch (Throwable e) {
            release();
            finishFailed(e);
            return;
        }
        generator.memory().put(key, art);
        if (generator.disk() != null) {
            try {
                generator.disk().put(key, art);
            } catch (IOException | RuntimeException e) {
                generator.app().error("charagen", "cannot keep " + spec.name() + " in the disk cache "
                        + generator.disk().root() + ": " + e.getMessage());
            }
        }
        release();
        deliver(art);
    }

    /** Pixmaps here, textures on the render thread, unless the request was cancelled by then. */
    void deliver(CharacterArt art) {
        state.compareAndSet(State.QUEUED, State.RUNNING);
        CharacterPixmaps pixmaps;
        try {
            pixmaps = new CharacterPixmaps(art);
        } catch (RuntimeException e) {
            finishFailed(e);
            return;
        }
        generator.app().postRunnable(() -> {
            try {
                if (cancelRequested || generator.isDisposed()) {
                    finishCancelled();
                    return;
                }
                GeneratedCharacter character;
                try {
                    character = new GeneratedCharacter(pixmaps);
                } catch (RuntimeException e) {
                    finishFailed(e);
                    return;
                }
                if (end(State.DONE)) {
                    listener.done(this, character);
                } else {
                    character.dispose();
                }
            } finally {
                pixmaps.dispose();
            }
        });
    }

    private void progress(Progress p) {
        latest.set(p);
        if (progressPosted.compareAndSet(false, true)) {
            generator.app().postRunnable(() -> {
                progressPosted.set(false);
                Progress now = latest.get();
                if (!ended.get()) {
                    listener.progress(this, now.stage(), now.done(), now.total());
                }
            });
        }
    }

    private void finishCancelled() {
        if (end(State.CANCELLED)) {
            generator.app().postRunnable(() -> listener.cancelled(this));
        }
    }

    private void finishFailed(Throwable error) {
        if (end(State.FAILED)) {
            generator.app().postRunnable(() -> listener.failed(this, error));
        }
    }

    private boolean end(State finalState) {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        state.set(finalState);
        generator.live.remove(this);
        return true;
    }

    /** Frees its place in the generator's queue bound (once). */
    private void release() {
        if (released.compareAndSet(false, true)) {
            generator.release();
        }
    }

    /** A memory-cache hit never took a place in the queue. */
    void markReleased() {
        released.set(true);
    }

    @Override
    public String toString() {
        return (spriteOnly ? "sprite of " : "") + spec.name() + " (seed " + spec.seed() + ", " + state.get() + ")";
    }
}
