package io.charagen.core;

import io.charagen.generator.character.PipelineListener.Stage;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Remembers every call it hears, with the thread it came on. */
final class RecordingListener implements CharacterListener {

    record Event(String kind, GenerationRequest request, GeneratedCharacter character, Throwable error, Thread thread) { }

    final LinkedBlockingQueue<Event> endings = new LinkedBlockingQueue<>();
    final List<Event> progress = new CopyOnWriteArrayList<>();

    @Override
    public void done(GenerationRequest request, GeneratedCharacter character) {
        endings.add(new Event("done", request, character, null, Thread.currentThread()));
    }

    @Override
    public void failed(GenerationRequest request, Throwable error) {
        endings.add(new Event("failed", request, null, error, Thread.currentThread()));
    }

    @Override
    public void cancelled(GenerationRequest request) {
        endings.add(new Event("cancelled", request, null, null, Thread.currentThread()));
    }

    @Override
    public void progress(GenerationRequest request, Stage stage, int done, int total) {
        progress.add(new Event("progress", request, null, null, Thread.currentThread()));
    }

    /** The next ending, waiting up to 30 s. */
    Event next() throws InterruptedException {
        Event e = endings.poll(30, TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("no done, failed or cancelled call within 30 s");
        }
        return e;
    }
}
