package io.charagen.generator.preset;

import io.charagen.generator.model.ModelRef;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Presets already in memory (read by a game's asset manager, say), found the same way as in a {@link PresetLibrary}. */
public final class PresetSet implements PresetSource {

    private final List<Preset> presets;

    public PresetSet(List<Preset> presets) {
        List<String> seen = new ArrayList<>();
        for (Preset p : presets) {
            String key = p.kind().key() + " '" + p.name() + "' for " + p.model().describe();
            if (seen.contains(key)) {
                throw new IllegalArgumentException("two presets are the " + key);
            }
            seen.add(key);
        }
        this.presets = List.copyOf(presets);
    }

    @Override
    public Preset find(PresetKind kind, String name, ModelRef model) throws PresetException {
        for (Preset p : presets) {
            if (p.kind() == kind && p.name().equals(name) && p.model().sha256().equals(model.sha256())) {
                return p;
            }
        }
        List<String> available = names(kind, model);
        throw new PresetException("no " + kind.key() + " preset '" + name + "' for model " + model.describe()
                + " among the loaded presets; " + (available.isEmpty() ? "none was loaded for this model"
                : "loaded: " + String.join(", ", available)));
    }

    @Override
    public List<String> names(PresetKind kind, ModelRef model) {
        TreeSet<String> names = new TreeSet<>();
        presets.stream().filter(p -> p.kind() == kind && p.model().sha256().equals(model.sha256()))
                .forEach(p -> names.add(p.name()));
        return List.copyOf(names);
    }
}
