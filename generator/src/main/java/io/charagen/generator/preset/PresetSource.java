package io.charagen.generator.preset;

import io.charagen.generator.model.ModelRef;

import java.util.List;

/** Where the pipeline finds presets: a folder tree ({@link PresetLibrary}) or presets already loaded ({@link PresetSet}). */
public interface PresetSource {

    /** The preset {@code name} of {@code kind} made for {@code model}, or an error saying what there is. */
    Preset find(PresetKind kind, String name, ModelRef model) throws PresetException;

    /** The names of the presets of {@code kind} made for {@code model}, sorted. */
    List<String> names(PresetKind kind, ModelRef model);
}
