package io.charagen.generator.model;

import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The models shipped in a folder (assets/models): each a model card {@code <name>.json} beside its
 * weights. The default model of a kind is the only card of that kind there.
 */
public final class ModelDirectory {

    private final Path folder;

    public ModelDirectory(Path folder) {
        this.folder = folder;
    }

    /** The cards of {@code kind} in the folder, by file name; files that are not model cards are skipped. */
    public List<Path> cards(ModelKind kind) {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path file : files) {
                try {
                    if (ModelCard.read(file).kind() == kind) {
                        found.add(file);
                    }
                } catch (CheckpointException e) {
                    // not a model card (or a broken one, which is reported when it is used by path)
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
    }

    /** The one model card of {@code kind}, or an error telling the user which option to give. */
    public Path defaultModel(ModelKind kind, String option) throws CheckpointException {
        return findDefault(kind, option).orElseThrow(() -> new CheckpointException("no " + kind.cardName() + " model in "
                + folder + "; give one with " + option + " PATH (a StyleGAN .pkl snapshot or a charagen bundle .json)"));
    }

    /**
     * The one model card of {@code kind}, or empty when the folder has none (for a model that may be
     * left out).
     *
     * @throws CheckpointException when there are several, telling the user which option chooses one
     */
    public Optional<Path> findDefault(ModelKind kind, String option) throws CheckpointException {
        List<Path> cards = cards(kind);
        if (cards.size() > 1) {
            throw new CheckpointException(cards.size() + " " + kind.cardName() + " models in " + folder + " (" + cards
                    + "); choose one with " + option + " PATH");
        }
        return cards.stream().findFirst();
    }
}
