package io.charagen.generator.rpgmaker;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks names that users give characters before they become file names. A bad name is refused
 * with a message that says why, never quietly rewritten, so that what lands on disk is what the
 * user typed and nothing can reach outside the export folder.
 *
 * <p>Allowed: letters of any script (with their combining marks), digits, space, {@code _},
 * {@code -}, and {@code .} inside the name; at most {@value #MAX_LENGTH} characters. Refused
 * besides everything else: a leading {@code .} or space, a trailing {@code .} or space (Windows
 * drops them), {@code ..}, and the names Windows reserves for devices (CON, PRN, AUX, NUL, COM1-9,
 * LPT1-9, also with an extension). {@code $} and {@code !} are RPG Maker's file-name prefixes; the
 * exporter adds them itself.
 */
public final class Names {

    /** The longest name accepted, in characters (code points). */
    public static final int MAX_LENGTH = 64;

    private static final String ALLOWED = "letters, digits, space, '_', '-' and '.' inside the name";
    private static final Set<String> RESERVED = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

    private Names() {
    }

    /**
     * {@code name} itself when it is safe to use as a file stem.
     *
     * @throws IllegalArgumentException naming the name and what is wrong with it
     */
    public static String fileStem(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a character name must not be empty or blank, got " + quote(name));
        }
        int length = name.codePointCount(0, name.length());
        if (length > MAX_LENGTH) {
            throw refused(name, "is " + length + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (name.startsWith("$") || name.startsWith("!")) {
            throw refused(name, "starts with '" + name.charAt(0) + "', which RPG Maker reads as a sheet prefix"
                    + " (charagen adds '$' itself)");
        }
        name.codePoints().forEach(cp -> {
            if (!allowed(cp)) {
                throw refused(name, "contains " + describe(cp));
            }
        });
        if (name.startsWith(".") || name.startsWith(" ")) {
            throw refused(name, "starts with '" + name.charAt(0) + "'");
        }
        if (name.endsWith(".") || name.endsWith(" ")) {
            throw refused(name, "ends with '" + name.charAt(name.length() - 1) + "', which Windows drops");
        }
        if (name.contains("..")) {
            throw refused(name, "contains '..'");
        }
        String device = name.split("\\.", 2)[0].strip().toUpperCase(Locale.ROOT);
        if (RESERVED.contains(device)) {
            throw refused(name, "is a device name that Windows reserves (" + device + ")");
        }
        return name;
    }

    /**
     * Checks a whole file name as the exporter writes it: an optional {@code $} or {@code !}
     * prefix, a stem that {@link #fileStem} accepts, and an extension of 1 to 8 lower-case ASCII
     * letters or digits.
     *
     * @return {@code fileName} itself
     * @throws IllegalArgumentException naming the file name and what is wrong with it
     */
    public static String fileName(String fileName) {
        if (fileName == null || fileName.isEmpty()) {
            throw new IllegalArgumentException("a file name must not be empty, got " + quote(fileName));
        }
        String rest = fileName.startsWith("$") || fileName.startsWith("!") ? fileName.substring(1) : fileName;
        int dot = rest.lastIndexOf('.');
        if (dot < 0 || !EXTENSION.matcher(rest.substring(dot + 1)).matches()) {
            throw new IllegalArgumentException("file name " + quote(fileName)
                    + " must end in an extension of 1 to 8 lower-case letters or digits, like .png");
        }
        try {
            fileStem(rest.substring(0, dot));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("file name " + quote(fileName) + " is refused: " + e.getMessage(), e);
        }
        return fileName;
    }

    private static boolean allowed(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == ' ' || cp == '_' || cp == '-' || cp == '.') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static String describe(int cp) {
        String what = switch (cp) {
            case '/', '\\' -> "a path separator";
            case '<', '>', ':', '"', '|', '?', '*' -> "a character Windows does not allow in file names";
            default -> Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    ? "a control or format character" : "a character that is not allowed";
        };
        String shown = Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                ? String.format("U+%04X", cp) : "'" + new String(Character.toChars(cp)) + "' (" + String.format("U+%04X", cp) + ")";
        return what + " " + shown + "; allowed are " + ALLOWED;
    }

    private static IllegalArgumentException refused(String name, String why) {
        return new IllegalArgumentException("character name " + quote(name) + " " + why);
    }

    private static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp)); // keep the message on one readable line
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
