package io.charagen.desktop.cli;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelDirectory;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetLibrary;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Optional;

/** The two models and the presets, shared by the commands that make characters. */
final class ModelOptions {

    @Option(names = "--sprite-model", paramLabel = "PATH",
            description = "Sprite sheet model: a StyleGAN .pkl snapshot or a charagen bundle .json "
                    + "(default: the sprite model in assets/models).")
    Path spriteModel;

    @Option(names = "--portrait-model", paramLabel = "PATH",
            description = "Portrait model: a StyleGAN .pkl snapshot or a charagen bundle .json "
                    + "(default: the portrait model in assets/models).")
    Path portraitModel;

    @Option(names = "--presets", paramLabel = "DIR", description = "Preset folder (default: charagen's presets/).")
    Path presets;

    ModelSource sprite() throws CheckpointException {
        return open(spriteModel, ModelKind.SPRITE, "--sprite-model");
    }

    ModelSource portrait() throws CheckpointException {
        return open(portraitModel, ModelKind.PORTRAIT, "--portrait-model");
    }

    PresetLibrary presetLibrary() {
        return new PresetLibrary(presetsPath());
    }

    /** The sprite model's file: the one given, or the default in assets/models. */
    Path spritePath() throws CheckpointException {
        return path(spriteModel, ModelKind.SPRITE, "--sprite-model");
    }

    Path portraitPath() throws CheckpointException {
        return path(portraitModel, ModelKind.PORTRAIT, "--portrait-model");
    }

    /** The portrait model's file: the one given, or the one in assets/models; empty when there is neither. */
    Optional<Path> optionalPortraitPath() throws CheckpointException {
        return portraitModel != null ? Optional.of(portraitModel)
                : new ModelDirectory(Home.models()).findDefault(ModelKind.PORTRAIT, "--portrait-model");
    }

    /** Whether the portrait model was given with --portrait-model (not found in assets/models). */
    boolean portraitGiven() {
        return portraitModel != null;
    }

    /** Opens the portrait model at {@code path} (as {@link #optionalPortraitPath} gave it). */
    static ModelSource openPortrait(Path path) throws CheckpointException {
        return openFile(path, ModelKind.PORTRAIT, "--portrait-model");
    }

    Path presetsPath() {
        return presets != null ? presets : Home.presets();
    }

    private static Path path(Path given, ModelKind kind, String option) throws CheckpointException {
        return given != null ? given : new ModelDirectory(Home.models()).defaultModel(kind, option);
    }

    static ModelSource open(Path given, ModelKind kind, String option) throws CheckpointException {
        return openFile(path(given, kind, option), kind, option);
    }

    private static ModelSource openFile(Path path, ModelKind kind, String option) throws CheckpointException {
        try {
            return ModelSource.open(path, kind);
        } catch (CheckpointException e) {
            throw new CheckpointException(option + " " + e.getMessage(), e);
        }
    }
}
