package io.charagen.generator.encoder;

import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.CardWeights;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.StateDict;
import io.charagen.generator.model.ModelRef;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A head encoder as read from disk: its card ({@code <name>.json}) and the float32 tensors of the
 * {@code .safetensors} file it names, every name and shape checked against the card. Java heap only;
 * {@link HeadEncoder#load} builds the network on a device.
 *
 * <p>Tensors: {@code convs.<i>.weight} [out, in, 3, 3] and {@code convs.<i>.bias} [out];
 * {@code fc.0.weight} [hidden, C * H * W], {@code fc.0.bias}; {@code fc.1.weight} [K, hidden],
 * {@code fc.1.bias} (K: the classes of all heads); {@code ws.weight} [K, w_dim], {@code ws.bias} [w_dim].
 */
public record HeadEncoderBundle(HeadEncoderCard card, StateDict weights, Path cardFile) {

    public HeadEncoderBundle {
        Objects.requireNonNull(card, "card");
        Objects.requireNonNull(weights, "weights");
        Objects.requireNonNull(cardFile, "cardFile");
    }

    /**
     * Reads the card at {@code cardFile} and the weights it names (beside it): their sha256 is checked
     * before they are decoded, then every tensor against the card.
     */
    public static HeadEncoderBundle read(Path cardFile) throws CheckpointException {
        HeadEncoderCard card = HeadEncoderCardJson.read(cardFile);
        StateDict weights = CardWeights.read(cardFile, card.weightsFile(), card.weightsSha256(), "the encoder's weights");
        check(card, weights, cardFile);
        return new HeadEncoderBundle(card, weights, cardFile);
    }

    /** The encoder's name and the sha256 of its weights. */
    public ModelRef ref() {
        return card.ref();
    }

    /** The tensors the card's network needs, with their shapes, in the order they are used. */
    static Map<String, Shape> expectedShapes(HeadEncoderCard card) {
        Map<String, Shape> shapes = new LinkedHashMap<>();
        for (int i = 0; i < card.convs().size(); i++) {
            int out = card.convs().get(i).out();
            shapes.put("convs." + i + ".weight", new Shape(out, card.convIn(i), 3, 3));
            shapes.put("convs." + i + ".bias", new Shape(out));
        }
        int classes = card.classCount();
        shapes.put("fc.0.weight", new Shape(card.hidden(), card.flatFeatures()));
        shapes.put("fc.0.bias", new Shape(card.hidden()));
        shapes.put("fc.1.weight", new Shape(classes, card.hidden()));
        shapes.put("fc.1.bias", new Shape(classes));
        shapes.put("ws.weight", new Shape(classes, card.wDim()));
        shapes.put("ws.bias", new Shape(card.wDim()));
        return shapes;
    }

    private static void check(HeadEncoderCard card, StateDict weights, Path cardFile) throws CheckpointException {
        Map<String, Shape> expected = expectedShapes(card);
        for (Map.Entry<String, Shape> e : expected.entrySet()) {
            if (!weights.contains(e.getKey())) {
                throw new CheckpointException(weights.source() + ": missing tensor '" + e.getKey() + "' (shape "
                        + e.getValue() + ") of the encoder " + cardFile + " describes");
            }
            Shape shape = weights.get(e.getKey()).shape();
            if (!shape.equals(e.getValue())) {
                throw new CheckpointException(weights.source() + ": tensor '" + e.getKey() + "' has shape " + shape
                        + " but the encoder " + cardFile + " describes needs " + e.getValue());
            }
        }
        for (String name : weights.names()) {
            if (!expected.containsKey(name)) {
                throw new CheckpointException(weights.source() + ": unexpected tensor '" + name
                        + "'; the encoder " + cardFile + " describes holds only " + String.join(", ", expected.keySet()));
            }
        }
    }
}
