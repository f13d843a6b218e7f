package io.charagen.generator.rpgmaker;

import io.charagen.generator.character.ExpressionChoice;

import java.util.List;

/**
 * The four fields of an RPG Maker MV/MZ actor that say what it looks like: its walking character
 * ({@code characterName}, the sheet's base name without {@code .png}, and {@code characterIndex},
 * its slot) and its face ({@code faceName}, {@code faceIndex}). The names are checked against the
 * engine's prefix rules when the look is made, so a look that exists can be written.
 *
 * <p>MV's prefix rules ({@code ImageManager.isBigCharacter}, {@code isObjectCharacter}): a run of
 * {@code $} and {@code !} at the start of a character sheet's name; {@code $} makes the sheet one
 * character (so its only slot is 0), {@code !} drops the 6-pixel shift. Face sheets have no prefixes.
 *
 * <p>A look may leave the face as it is ({@link #characterOnly}: a character made without faces);
 * then {@code faceName} is null and {@code faceIndex} 0, and the actor keeps the face it has.
 *
 * @param faceName the face sheet's base name, or null for a look that keeps the actor's face
 */
public record ActorLook(String characterName, int characterIndex, String faceName, int faceIndex) {

    /** The face every actor gets unless another one is asked for. */
    public static final String DEFAULT_FACE = ExpressionChoice.BASE;

    /**
     * @throws IllegalArgumentException naming the field and what the engine expects
     */
    public ActorLook {
        String prefix = prefix(characterName);
        if (prefix.length() > 2 || prefix.chars().distinct().count() != prefix.length()) {
            throw new IllegalArgumentException("characterName \"" + characterName + "\": the prefix may be $, ! or both,"
                    + " once each");
        }
        checkStem("characterName", characterName == null ? null : characterName.substring(prefix.length()));
        boolean single = prefix.contains("$");
        int slots = single ? 1 : CharacterSheet.SLOTS;
        if (characterIndex < 0 || characterIndex >= slots) {
            throw new IllegalArgumentException("characterIndex " + characterIndex + " of \"" + characterName + "\": "
                    + (single ? "a $ sheet holds one character, index 0" : "expected 0 to " + (slots - 1)));
        }
        if (faceName == null) {
            if (faceIndex != 0) {
                throw new IllegalArgumentException("faceIndex " + faceIndex + " without a faceName: a look that keeps the"
                        + " actor's face has faceIndex 0");
            }
        } else {
            checkStem("faceName", faceName);
            if (faceIndex < 0 || faceIndex >= FaceSheet.SLOTS) {
                throw new IllegalArgumentException("faceIndex " + faceIndex + " of \"" + faceName + "\": expected 0 to "
                        + (FaceSheet.SLOTS - 1));
            }
        }
    }

    /** A look that sets the walking character only; the actor keeps its face. */
    public static ActorLook characterOnly(String characterName, int characterIndex) {
        return new ActorLook(characterName, characterIndex, null, 0);
    }

    /** Whether this look sets the face too (false: the actor keeps its own). */
    public boolean setsFace() {
        return faceName != null;
    }

    private static void checkStem(String field, String stem) {
        try {
            Names.fileStem(stem);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }

    private static String prefix(String name) {
        int end = 0;
        while (name != null && end < name.length() && (name.charAt(end) == '$' || name.charAt(end) == '!')) {
            end++;
        }
        return name == null ? "" : name.substring(0, end);
    }

    /**
     * The slot of face {@code wanted} ({@link #DEFAULT_FACE} when null) in a face sheet that holds
     * {@code faces} in order.
     *
     * @throws IllegalArgumentException if the sheet has no such face, naming the ones it has
     */
    public static int faceSlot(List<String> faces, String wanted) {
        String name = wanted != null ? wanted : DEFAULT_FACE;
        int slot = faces.indexOf(name);
        if (slot < 0) {
            throw new IllegalArgumentException("no '" + name + "' face for the actor: the faces are " + String.join(", ", faces));
        }
        return slot;
    }
}
