package io.charagen.generator.model;

import io.charagen.generator.checkpoint.ModelCard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Named sets of ws layers of one model: which layers carry pose, expression, identity (colours,
 * hair) and so on. They come from the model card. A model without named groups (a reference
 * snapshot, or a card that names none) gets the StyleGAN paper's coarse / middle / fine split, named
 * after what those layers are known to control: the first quarter of the layers "pose" (coarse:
 * pose, face shape), the second quarter "expression" (middle: features, eyes, mouth), the rest
 * "identity" (fine: colour scheme, micro-structure).
 */
public final class LayerGroups {

    /** The group whose layers a portrait takes from the projected sprite head. */
    public static final String IDENTITY = "identity";

    private final Map<String, List<Integer>> groups;
    private final int numWs;
    private final boolean fromCard;

    private LayerGroups(Map<String, List<Integer>> groups, int numWs, boolean fromCard) {
        this.groups = groups;
        this.numWs = numWs;
        this.fromCard = fromCard;
    }

    public static LayerGroups of(ModelCard card) {
        if (!card.layerGroups().isEmpty()) {
            return new LayerGroups(card.layerGroups(), card.numWs(), true);
        }
        return new LayerGroups(defaults(card.numWs()), card.numWs(), false);
    }

    /** The coarse / middle / fine split for a model with {@code numWs} layers. */
    static Map<String, List<Integer>> defaults(int numWs) {
        int quarter = Math.max(1, Math.round(numWs / 4f));
        int half = Math.min(numWs - 1, Math.max(quarter + 1, Math.round(numWs / 2f)));
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        groups.put("pose", range(0, quarter));
        groups.put("expression", range(quarter, half));
        groups.put(IDENTITY, range(half, numWs));
        return groups;
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.range(from, to).boxed().toList();
    }

    /** Whether the groups are the model card's own (false: the default split). */
    public boolean fromCard() {
        return fromCard;
    }

    public int numWs() {
        return numWs;
    }

    public Map<String, List<Integer>> all() {
        return groups;
    }

    /** The layers of group {@code name}, or an IllegalArgumentException listing the groups there are. */
    public List<Integer> layers(String name) {
        List<Integer> layers = groups.get(name);
        if (layers == null) {
            throw new IllegalArgumentException("the model has no layer group '" + name + "' (it has: "
                    + String.join(", ", groups.keySet()) + ")");
        }
        return layers;
    }

    /** Every layer not in {@code layers}, in order. */
    public List<Integer> complement(List<Integer> layers) {
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < numWs; i++) {
            if (!layers.contains(i)) {
                rest.add(i);
            }
        }
        return rest;
    }
}
