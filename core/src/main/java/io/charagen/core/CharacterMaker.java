package io.charagen.core;

import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.PipelineListener;

import java.util.function.BooleanSupplier;

/**
 * What a {@link CharacterGenerator} worker thread draws with: one per worker, used by that thread only.
 * {@link PipelineMaker} runs the real pipeline.
 */
public interface CharacterMaker extends AutoCloseable {

    /**
     * Draws {@code spec}: the whole character, or only its sprite when {@code spriteOnly}.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} turns true
     */
    CharacterArt make(CharacterSpec spec, boolean spriteOnly, PipelineListener listener, BooleanSupplier cancelled)
            throws Exception;

    @Override
    void close();
}
