package io.charagen.core;

import ai.djl.Device;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterPipeline;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.PipelineListener;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetSource;

import java.util.function.BooleanSupplier;

/** A {@link CharacterMaker} on the character pipeline: both networks built on one device. */
public final class PipelineMaker implements CharacterMaker {

    private final CharacterPipeline pipeline;

    private PipelineMaker(CharacterPipeline pipeline) {
        this.pipeline = pipeline;
    }

    /**
     * Builds the networks of {@code sprite} and {@code portrait} on {@code device} ("cpu", or "gpu"
     * for the first GPU when DJL's CUDA build of PyTorch is on the class path), without a head encoder.
     */
    public static PipelineMaker open(ModelSource sprite, ModelSource portrait, PresetSource presets, String device)
            throws CheckpointException {
        return open(sprite, portrait, null, presets, device);
    }

    /** As {@link #open(ModelSource, ModelSource, PresetSource, String)}, with the portrait model's head encoder (or null). */
    public static PipelineMaker open(ModelSource sprite, ModelSource portrait, HeadEncoderBundle portraitEncoder,
                                     PresetSource presets, String device) throws CheckpointException {
        return new PipelineMaker(CharacterPipeline.open(sprite, portrait, portraitEncoder, presets, toDevice(device)));
    }

    static Device toDevice(String device) {
        return switch (device) {
            case "cpu" -> Device.cpu();
            case "gpu" -> Device.gpu();
            default -> throw new IllegalArgumentException("device '" + device + "': expected cpu or gpu");
        };
    }

    @Override
    public CharacterArt make(CharacterSpec spec, boolean spriteOnly, PipelineListener listener, BooleanSupplier cancelled)
            throws Exception {
        return spriteOnly ? pipeline.makeSprite(spec, listener, cancelled) : pipeline.make(spec, listener, cancelled).art();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
