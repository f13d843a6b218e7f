package io.charagen.desktop.cli;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.ModelDirectory;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetLibrary;
import picocli.CommandLine.Option;

import java.nio.file.Path;

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

    Path presetsPath() {
        return presets != null ? presets : Home.presets();
    }

    private static Path path(Path given, ModelKind kind, String option) throws CheckpointException {
        return given != null ? given : new ModelDirectory(Home.models()).defaultModel(kind, option);
    }

    static ModelSource open(Path given, ModelKind kind, String option) throws CheckpointException {
        Path path = path(given, kind, option);
        try {
            return ModelSource.open(path, kind);
        } catch (CheckpointException e) {
            throw new CheckpointException(option + " " + e.getMessage(), e);
        }
    }
}
