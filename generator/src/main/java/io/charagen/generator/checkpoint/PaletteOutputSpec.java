package io.charagen.generator.checkpoint;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@code "output"} field of a model card whose generator draws classes instead of RGB: its
 * {@code img_channels} are {@code S = slots.size()} slot logits, then {@code K = shades} shade logits,
 * and a small MLP (the palette head, weights in {@link #file()}) predicts from w one colour per
 * (slot, shade). Each pixel takes the colour of its most likely slot and shade; slot 0 is the
 * background, drawn in {@link #background()}. A card without this field draws RGB.
 *
 * @param file       the palette head's weights: a plain .safetensors file name in the card's folder
 * @param sha256     of that file's bytes, 64 lowercase hex digits
 * @param slots      slot names, slot 0 the background
 * @param shades     shades per slot, K
 * @param colourFrom the first ws row of the colour half: the head reads the mean of rows
 *                   [0, colourFrom) and the mean of rows [colourFrom, num_ws)
 * @param hidden     the head's hidden width
 * @param background the background colour, three 0-255 ints (R, G, B)
 */
public record PaletteOutputSpec(String file, String sha256, List<String> slots, int shades, int colourFrom,
                                int hidden, List<Integer> background) {

    /** The only kind of output a card can name. */
    public static final String KIND = "palette";

    private static final Set<String> FIELDS = Set.of("kind", "file", "sha256", "slots", "shades", "colour_from",
            "hidden", "background");

    public PaletteOutputSpec {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        slots = List.copyOf(slots);
        background = List.copyOf(background);
        if (slots.isEmpty() || shades < 1 || hidden < 1 || colourFrom < 1 || background.size() != 3
                || background.stream().anyMatch(c -> c < 0 || c > 255)) {
            throw new IllegalArgumentException("not a palette output: " + slots.size() + " slots, " + shades
                    + " shades, hidden " + hidden + ", colour_from " + colourFrom + ", background " + background);
        }
    }

    /** S, the number of slots (slot logits come first in the synthesis output). */
    public int slotCount() {
        return slots.size();
    }

    /** The synthesis network's img_channels this output decodes: S + K. */
    public int channels() {
        return slots.size() + shades;
    }

    /** The palette head's output width: S * K * 3 (slot, then shade, then RGB channel). */
    public int paletteValues() {
        return slots.size() * shades * 3;
    }

    /** The same output with another weights file (after writing it). */
    public PaletteOutputSpec withFile(String newFile, String newSha256) {
        return new PaletteOutputSpec(newFile, newSha256, slots, shades, colourFrom, hidden, background);
    }

    /**
     * Reads and checks the {@code output} object against the card's {@code img_channels} and
     * {@code num_ws}; errors name the file and the field ({@code output.shades}, ...).
     */
    static PaletteOutputSpec parse(JsonFields output, int imgChannels, int numWs) throws JsonFormatException {
        output.allowOnly(FIELDS);
        String kind = output.string("kind");
        if (!KIND.equals(kind)) {
            throw output.error("kind", "is '" + PythonTypes.printable(kind) + "', expected '" + KIND + "'");
        }
        String file = output.string("file");
        CardWeights.checkPlainFileName(file, output);
        String sha256 = output.string("sha256");
        CardWeights.checkSha256(sha256, output);
        List<String> slots = output.strings("slots");
        if (slots.isEmpty()) {
            throw output.error("slots", "is empty; it needs at least the background slot");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < slots.size(); i++) {
            if (slots.get(i).isBlank()) {
                throw output.error("slots[" + i + "]", "is blank");
            }
            if (!seen.add(slots.get(i))) {
                throw output.error("slots[" + i + "]", "repeats the slot '" + PythonTypes.printable(slots.get(i)) + "'");
            }
        }
        int shades = output.integer("shades", 1);
        if (slots.size() + shades != imgChannels) {
            throw output.error("shades", "is " + shades + " with " + slots.size() + " slots, so the generator would"
                    + " draw " + (slots.size() + shades) + " channels, but img_channels is " + imgChannels
                    + " (it must be slots + shades)");
        }
        int colourFrom = output.integer("colour_from", 1);
        if (colourFrom > numWs - 1) {
            throw output.error("colour_from", "is " + colourFrom + ", expected a ws row from 1 to " + (numWs - 1)
                    + " (num_ws is " + numWs + ")");
        }
        int hidden = output.integer("hidden", 1);
        List<Integer> background = output.integers("background", 0, 255);
        if (background.size() != 3) {
            throw output.error("background", "has " + background.size() + " values, expected three (R, G, B)");
        }
        return new PaletteOutputSpec(file, sha256, slots, shades, colourFrom, hidden, background);
    }

    /** The {@code output} object as the card writes it. */
    JsonObject toJson() {
        JsonObject out = new JsonObject();
        out.addProperty("kind", KIND);
        out.addProperty("file", file);
        out.addProperty("sha256", sha256);
        JsonArray names = new JsonArray();
        slots.forEach(names::add);
        out.add("slots", names);
        out.addProperty("shades", shades);
        out.addProperty("colour_from", colourFrom);
        out.addProperty("hidden", hidden);
        JsonArray colour = new JsonArray();
        background.forEach(colour::add);
        out.add("background", colour);
        return out;
    }
}
