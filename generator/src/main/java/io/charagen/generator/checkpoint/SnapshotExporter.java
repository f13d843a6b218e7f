package io.charagen.generator.checkpoint;

import java.nio.file.Path;

/** Turns a reference training snapshot's G_ema into a charagen model bundle. */
public final class SnapshotExporter {

    private SnapshotExporter() {
    }

    /**
     * @param kind "sprite" or "portrait"
     * @return the card as written beside {@code outJson}
     */
    public static ModelCard export(Path pkl, Path outJson, String name, String kind, boolean overwrite)
            throws CheckpointException {
        ModelKind modelKind = ModelKind.fromCardName(kind).orElseThrow(() -> new IllegalArgumentException(
                "kind must be 'sprite' or 'portrait', got '" + kind + "'"));
        ReferenceSnapshot snapshot = ReferenceSnapshotReader.read(pkl);
        NetworkRecord generator = snapshot.generator();
        ModelCard card = ModelCard.forGenerator(name, modelKind, generator);
        Object recorded = snapshot.attributes(ReferenceSnapshot.GENERATOR).get("num_ws");
        if (recorded instanceof Integer numWs && numWs != card.numWs()) {
            throw new CheckpointException(generator.stateDict().source() + ": num_ws is " + numWs + " but a "
                    + card.architecture().cardName() + " generator with these kwargs has " + card.numWs());
        }
        return ModelBundle.write(outJson, card, generator.stateDict(), overwrite);
    }
}
