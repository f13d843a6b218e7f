package io.charagen.core;

import io.charagen.generator.character.PipelineListener.Stage;

/**
 * Hears how one request of a {@link CharacterGenerator} goes. Every call comes on the render
 * thread (through {@code Application.postRunnable}); exactly one of done, failed or cancelled ends
 * each request.
 */
public interface CharacterListener {

    /** The character is ready; the listener owns it now and must dispose it. */
    void done(GenerationRequest request, GeneratedCharacter character);

    /** It could not be made: a missing preset, a seed with no figure, a broken cache... */
    default void failed(GenerationRequest request, Throwable error) {
    }

    /** It was cancelled (or the generator was disposed) before it was delivered. */
    default void cancelled(GenerationRequest request) {
    }

    /**
     * Work on it has reached {@code done} of {@code total} units of {@code stage} (projection steps,
     * faces...). Only the latest progress is delivered when frames come slower than steps.
     */
    default void progress(GenerationRequest request, Stage stage, int done, int total) {
    }
}
