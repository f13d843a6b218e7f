package io.charagen.generator.character;

/**
 * One face to draw: an expression preset by name, with its strength (null: the preset's own).
 * The name {@value #BASE} with no preset behind it is the portrait as projected and styled, unchanged.
 */
public record ExpressionChoice(String name, Double strength) {

    public static final String BASE = "neutral";

    /** Parses "name" or "name:strength" as typed on the command line. */
    public static ExpressionChoice parse(String text) {
        String[] parts = text.trim().split(":", -1);
        if (parts.length > 2 || parts[0].isBlank()) {
            throw new IllegalArgumentException("expression '" + text + "': expected NAME or NAME:STRENGTH");
        }
        Double strength = null;
        if (parts.length == 2) {
            try {
                strength = Double.parseDouble(parts[1]);
            } catch (NumberFormatException e) {
                strength = Double.NaN;
            }
            if (!Double.isFinite(strength) || Math.abs(strength) > 4) {
                throw new IllegalArgumentException("expression '" + text + "': the strength must be a number from -4 to 4");
            }
        }
        return new ExpressionChoice(parts[0].trim(), strength);
    }

    @Override
    public String toString() {
        return strength == null ? name : name + ":" + strength;
    }
}
