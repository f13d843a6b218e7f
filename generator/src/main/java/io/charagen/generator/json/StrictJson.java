package io.charagen.generator.json;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.io.StringReader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JSON strictly (RFC 8259: no NaN or Infinity, no comments, no trailing data) and
 * says which field a syntax error is in.
 */
public final class StrictJson {

    private static final Gson GSON = new Gson();
    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(NaN|Infinity)");

    private StrictJson() {
    }

    /**
     * The UTF-8 text of {@code file}, refused before reading when it is larger than {@code maxBytes}
     * ({@code what} names the kind of file in messages: "a model card", "a preset").
     */
    public static String readText(Path file, long maxBytes, String what) throws JsonFormatException {
        try {
            if (Files.size(file) > maxBytes) {
                throw new JsonFormatException(file + ": larger than " + maxBytes + " bytes; not " + what);
            }
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (NoSuchFileException e) {
            throw new JsonFormatException(file + ": no such file", e);
        } catch (CharacterCodingException e) {
            throw new JsonFormatException(file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new JsonFormatException(file + ": cannot read the file: " + e.getMessage(), e);
        }
    }

    public static JsonObject parseObject(String text, String source) throws JsonFormatException {
        JsonElement root = parse(text, source);
        if (!root.isJsonObject()) {
            throw new JsonFormatException(source + ": expected a JSON object at the top level");
        }
        return root.getAsJsonObject();
    }

    /** Any JSON value (object, array, ...), parsed strictly; a leading byte order mark is skipped. */
    public static JsonElement parse(String text, String source) throws JsonFormatException {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        JsonElement root;
        try {
            root = GSON.getAdapter(JsonElement.class).read(reader);
        } catch (IOException | JsonParseException | IllegalStateException e) {
            throw syntaxError(text, source, reader.getPath(), e);
        }
        if (!atEnd(reader)) {
            throw new JsonFormatException(source + ": unexpected data after the JSON " + (root == null ? "value"
                    : root.isJsonArray() ? "array" : root.isJsonObject() ? "object" : "value"));
        }
        if (root == null) {
            throw new JsonFormatException(source + ": empty; expected JSON");
        }
        return root;
    }

    private static boolean atEnd(JsonReader reader) {
        try {
            return reader.peek() == JsonToken.END_DOCUMENT;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    /** The dotted field name of a JsonReader path ("$.a.b[2]" -> "a.b[2]"). */
    public static String field(String path) {
        return path.equals("$") ? "(top level)" : path.startsWith("$.") ? path.substring(2) : path;
    }

    private static JsonFormatException syntaxError(String text, String source, String path, Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher at = LOCATION.matcher(message);
        if (!at.find()) {
            return new JsonFormatException(source + ": not valid JSON (near field '" + field(path) + "')", e);
        }
        int line = Integer.parseInt(at.group(1));
        int column = Integer.parseInt(at.group(2));
        String token = tokenAt(text, line, column);
        if (NON_FINITE.matcher(token).matches()) {
            return new JsonFormatException(source + ": field '" + field(path) + "' is " + token
                    + "; JSON numbers must be finite", e);
        }
        return new JsonFormatException(source + ": not valid JSON at line " + line + " column " + column
                + " (near field '" + field(path) + "')", e);
    }

    /** The bare word around a 1-based line/column, for recognising NaN and Infinity. */
    private static String tokenAt(String text, int line, int column) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
            if (offset == 0) {
                return "";
            }
        }
        int position = Math.min(text.length(), offset + Math.max(0, column - 1));
        int start = position;
        while (start > offset && isWordChar(text.charAt(start - 1))) {
            start--;
        }
        int end = position;
        while (end < text.length() && isWordChar(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '+' || c == '.';
    }
}
