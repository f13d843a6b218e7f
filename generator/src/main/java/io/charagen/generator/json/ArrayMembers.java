package io.charagen.generator.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where things are in the text of a JSON array of objects (such as RPG Maker's {@code data/*.json}):
 * each element's character range and, for an object, the range of each member's value. This is
 * what lets a file be edited in place, value by value, so that every other character stays as the
 * program that wrote it left it. Gson has no positions, so the text is scanned here; it must
 * already have passed {@link StrictJson#parse}, which is what reports syntax errors.
 */
public final class ArrayMembers {

    /** Characters [start, end) of the text. */
    public record Span(int start, int end) {
    }

    /**
     * One element of the array.
     *
     * @param members  for an object, each key (unescaped) to its value's span, in file order; null
     *                 for anything else
     * @param repeated keys that appear more than once in the object (members holds the last, as
     *                 JSON.parse would)
     */
    public record Element(Span span, Map<String, Span> members, List<String> repeated) {
    }

    private final String text;
    private int pos;

    private ArrayMembers(String text) {
        this.text = text;
    }

    /**
     * The elements of the top-level array of {@code json}.
     *
     * @throws IllegalArgumentException if the top level is not an array, or the text is not the
     *                                  valid JSON it must be
     */
    public static List<Element> of(String json) {
        return new ArrayMembers(json).array();
    }

    private List<Element> array() {
        if (pos < text.length() && text.charAt(pos) == '\ufeff') {
            pos++; // a byte order mark stays in the text, outside every span
        }
        skipSpace();
        expect('[');
        List<Element> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            return elements;
        }
        while (true) {
            skipSpace();
            int start = pos;
            Map<String, Span> members = null;
            List<String> repeated = new ArrayList<>();
            if (peek() == '{') {
                members = object(repeated);
            } else {
                skipValue();
            }
            elements.add(new Element(new Span(start, pos), members, List.copyOf(repeated)));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return elements;
            }
        }
    }

    private Map<String, Span> object(List<String> repeated) {
        expect('{');
        Map<String, Span> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return members;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            int start = pos;
            skipValue();
            if (members.put(key, new Span(start, pos)) != null && !repeated.contains(key)) {
                repeated.add(key);
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return members;
            }
        }
    }

    /** Skips one value of any kind. */
    private void skipValue() {
        char c = peek();
        if (c == '"') {
            string();
        } else if (c == '{' || c == '[') {
            int depth = 0;
            do {
                char d = peek();
                if (d == '"') {
                    string();
                    continue;
                }
                if (d == '{' || d == '[') {
                    depth++;
                } else if (d == '}' || d == ']') {
                    depth--;
                }
                pos++;
            } while (depth > 0);
        } else {
            // a number, true, false or null: up to the next separator
            while (pos < text.length() && ",]} \t\r\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
        }
    }

    /** Reads a string at pos (which must be its opening quote) and returns its unescaped value. */
    private String string() {
        expect('"');
        StringBuilder value = new StringBuilder();
        while (true) {
            char c = peek();
            pos++;
            if (c == '"') {
                return value.toString();
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            char escaped = peek();
            pos++;
            switch (escaped) {
                case 'b' -> value.append('\b');
                case 'f' -> value.append('\f');
                case 'n' -> value.append('\n');
                case 'r' -> value.append('\r');
                case 't' -> value.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw invalid();
                    }
                    value.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                default -> value.append(escaped); // \" \\ \/
            }
        }
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw invalid();
        }
        return text.charAt(pos);
    }

    private void expect(char c) {
        if (peek() != c) {
            throw invalid();
        }
        pos++;
    }

    private IllegalArgumentException invalid() {
        return new IllegalArgumentException("not a valid JSON array of values at character " + pos
                + " (check the text with StrictJson.parse first)");
    }
}
