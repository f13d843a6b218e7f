package io.charagen.generator.model;

import ai.djl.Device;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.FileDigests;
import io.charagen.generator.checkpoint.ModelBundle;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.checkpoint.PaletteRecord;
import io.charagen.generator.checkpoint.ReferenceSnapshot;
import io.charagen.generator.checkpoint.ReferenceSnapshotReader;
import io.charagen.generator.nn.Generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A model as the character pipeline sees it: its card (a bundle's own, or one made from a
 * snapshot's kwargs), the generator's tensors, the discriminator when the file has one (reference
 * snapshots do; it serves the projector's perceptual term), and the sha256 that identifies it.
 *
 * @param hasOwnCard false for snapshots, whose card carries no layout or layer groups
 * @param palette    the palette head of a bundle whose card has a palette output, else null
 */
public record ModelSource(Path path, ModelCard card, boolean hasOwnCard, ModelRef ref, NetworkRecord generator,
                          NetworkRecord discriminator, PaletteRecord palette) {

    /** A model without a palette output (an RGB generator). */
    public ModelSource(Path path, ModelCard card, boolean hasOwnCard, ModelRef ref, NetworkRecord generator,
                       NetworkRecord discriminator) {
        this(path, card, hasOwnCard, ref, generator, discriminator, null);
    }

    /**
     * Reads the model at {@code path} for the role {@code kind}. A bundle whose card names the other
     * kind is refused; a snapshot, which records no kind, is taken to be of the kind asked for.
     */
    public static ModelSource open(Path path, ModelKind kind) throws CheckpointException {
        if (ModelFormat.of(path) == ModelFormat.SNAPSHOT) {
            ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(path);
            String fileName = path.getFileName().toString();
            String name = fileName.substring(0, fileName.length() - ".pkl".length());
            ModelCard card = ModelCard.forGenerator(name, kind, snapshot.generator());
            return new ModelSource(path, card, false, new ModelRef(name, sha256(path)), snapshot.generator(),
                    snapshot.network("D").orElse(null));
        }
        ModelBundle bundle = ModelBundle.read(path);
        ModelCard card = bundle.card();
        if (card.kind() != kind) {
            throw new CheckpointException(path + ": is a " + card.kind().cardName() + " model, but a "
                    + kind.cardName() + " model is needed here");
        }
        return new ModelSource(bundle.cardFile(), card, true, new ModelRef(card.name(), card.weights().sha256()),
                bundle.generator(), null, bundle.palette());
    }

    /**
     * Reads a bundle for the role its card names. A snapshot records no role, so it needs
     * {@link #open(Path, ModelKind)}; here it is an error that says so.
     */
    public static ModelSource open(Path path) throws CheckpointException {
        if (ModelFormat.of(path) == ModelFormat.SNAPSHOT) {
            throw new CheckpointException(path + ": a .pkl snapshot does not say whether it draws sprites or portraits; "
                    + "name the kind it is for");
        }
        return open(path, ModelBundle.read(path).card().kind());
    }

    public Optional<NetworkRecord> discriminatorRecord() {
        return Optional.ofNullable(discriminator);
    }

    /** Whether the generator draws classes decoded through a palette head rather than RGB. */
    public boolean hasPaletteOutput() {
        return palette != null;
    }

    /**
     * Builds the generator on {@code device}, with its palette output when the model has one: the
     * way every caller should make this model's network.
     */
    public Generator createGenerator(Device device) throws CheckpointException {
        return Generator.create(generator, palette, device);
    }

    private static String sha256(Path file) throws CheckpointException {
        try {
            return FileDigests.sha256Hex(file);
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }
}
