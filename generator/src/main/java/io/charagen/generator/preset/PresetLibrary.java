package io.charagen.generator.preset;

import io.charagen.generator.model.ModelRef;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The presets shipped or made for models, one folder per model under a root:
 * {@code <root>/<model folder>/archetypes/<name>.json} and {@code .../expressions/<name>.json}.
 * A preset is found by kind, name and the model it was made for (its sha256), so presets of
 * several models can share one root.
 */
public final class PresetLibrary implements PresetSource {

    private final Path root;

    public PresetLibrary(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    @Override
    public Preset find(PresetKind kind, String name, ModelRef model) throws PresetException {
        if (!Preset.NAME.matcher(name).matches()) {
            throw new PresetException("'" + name + "' is not a preset name (lowercase letters, digits, '_' or '-')");
        }
        List<Path> others = new ArrayList<>();
        for (Path folder : modelFolders()) {
            Path file = folder.resolve(kind.folder()).resolve(name + ".json");
            if (Files.isRegularFile(file)) {
                Preset preset = PresetFiles.read(file);
                if (preset.kind() != kind) {
                    throw new PresetException(file + ": is a " + preset.kind().key() + " preset in the "
                            + kind.folder() + " folder");
                }
                if (preset.model().sha256().equals(model.sha256())) {
                    return preset;
                }
                others.add(file);
            }
        }
        String available = String.join(", ", names(kind, model));
        throw new PresetException("no " + kind.key() + " preset '" + name + "' for model " + model.describe() + " under "
                + root + (others.isEmpty() ? "" : " (" + others + " " + (others.size() == 1 ? "is" : "are")
                + " for another model)") + "; " + (available.isEmpty() ? "there are none for this model: make one "
                + "with 'charagen preset'" : "available: " + available));
    }

    /** Unreadable files are skipped here; they are reported when asked for by name. */
    @Override
    public List<String> names(PresetKind kind, ModelRef model) {
        TreeSet<String> names = new TreeSet<>();
        for (Path folder : modelFolders()) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder.resolve(kind.folder()), "*.json")) {
                for (Path file : files) {
                    try {
                        Preset preset = PresetFiles.read(file);
                        if (preset.kind() == kind && preset.model().sha256().equals(model.sha256())) {
                            names.add(preset.name());
                        }
                    } catch (PresetException e) {
                        // a broken file is reported when it is asked for by name
                    }
                }
            } catch (IOException e) {
                // no such folder for this model
            }
        }
        return List.copyOf(names);
    }

    private List<Path> modelFolders() {
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            entries.forEach(folders::add);
        } catch (IOException e) {
            return List.of();
        }
        folders.sort(null);
        return folders;
    }
}
