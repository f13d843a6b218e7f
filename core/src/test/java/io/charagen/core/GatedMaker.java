package io.charagen.core;

import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.PipelineListener;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A maker the test holds back: each character waits for a permit, reporting "projection" steps and
 * watching its cancel flag while it waits, as the pipeline does between steps. It records the
 * thread and spec of every call.
 */
final class GatedMaker implements CharacterMaker {

    final Semaphore permits = new Semaphore(0);
    final List<CharacterSpec> started = new CopyOnWriteArrayList<>();
    final List<Thread> threads = new CopyOnWriteArrayList<>();
    volatile RuntimeException failure;
    volatile boolean closed;

    @Override
    public CharacterArt make(CharacterSpec spec, boolean spriteOnly, PipelineListener listener, BooleanSupplier cancelled)
            throws Exception {
        started.add(spec);
        threads.add(Thread.currentThread());
        int step = 0;
        while (!permits.tryAcquire(5, TimeUnit.MILLISECONDS)) {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("cancelled at step " + step);
            }
            listener.progress(PipelineListener.Stage.PROJECTION, ++step % 100, 100, "");
        }
        if (failure != null) {
            throw failure;
        }
        return FakeArt.of(spec, spriteOnly, false);
    }

    @Override
    public void close() {
        closed = true;
    }
}
