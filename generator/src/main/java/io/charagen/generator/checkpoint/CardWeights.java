package io.charagen.generator.checkpoint;

import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * The weights file a card names: a plain file name in the card's folder, never a path, with the
 * sha256 of its bytes. Model cards, their palette outputs and head encoder cards all name their
 * weights this way.
 */
public final class CardWeights {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private CardWeights() {
    }

    /** A sha256 as cards record it: 64 lowercase hex digits; {@code fields} names the object it is in. */
    public static void checkSha256(String sha256, JsonFields fields) throws JsonFormatException {
        if (!SHA256.matcher(sha256).matches()) {
            throw fields.error("sha256", "is '" + PythonTypes.printable(sha256) + "', expected 64 lowercase hex digits");
        }
    }

    /** The {@code file} field of {@code fields}: a bare .safetensors file name beside the card, never a path. */
    public static void checkPlainFileName(String file, JsonFields fields) throws JsonFormatException {
        boolean plain = !file.isEmpty() && !file.contains("/") && !file.contains("\\") && !file.contains("..")
                && file.chars().noneMatch(c -> c < 0x20 || c == ':');
        if (!plain) {
            throw fields.error("file", "is '" + PythonTypes.printable(file)
                    + "'; it must be a plain file name in the card's folder (no path separators or '..')");
        }
        if (!file.endsWith(".safetensors")) {
            throw fields.error("file", "is '" + PythonTypes.printable(file) + "', expected a .safetensors file");
        }
    }

    /**
     * Reads the float32 safetensors file {@code file} beside {@code cardFile}; its sha256 is checked
     * against {@code sha256} before anything in it is decoded.
     *
     * @param what names the weights in messages ("the encoder's weights")
     */
    public static StateDict read(Path cardFile, String file, String sha256, String what) throws CheckpointException {
        Path weightsFile = cardFile.resolveSibling(file);
        byte[] bytes = ModelBundle.readWeights(weightsFile);
        String actual = FileDigests.sha256Hex(bytes);
        if (!actual.equals(sha256)) {
            throw new CheckpointException(weightsFile + ": sha256 is " + actual + " but the card " + cardFile
                    + " records " + sha256 + " for " + what + "; the file was changed or damaged");
        }
        return SafetensorsCodec.decode(bytes, weightsFile.toString());
    }
}
