package io.charagen.generator.rpgmaker;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * RPG Maker MV/MZ character sheets ({@code img/characters/}). A character is 3 columns (animation
 * patterns 0, 1, 2) by 4 rows (down, left, right, up). A {@code $}-file holds one character; an
 * ordinary sheet holds 8, 4 across by 2 down, slot k at column k % 4, row k / 4. The engine
 * divides the sheet by 3 x 4 (or 12 x 8), so any frame size works as long as every frame in a
 * sheet has the same one. Pixels are copied unchanged, alpha included; unused space is transparent.
 */
public final class CharacterSheet {

    /** Characters across an 8-character sheet. */
    public static final int SLOTS_ACROSS = 4;
    /** Characters down an 8-character sheet. */
    public static final int SLOTS_DOWN = 2;
    /** Characters in an 8-character sheet. */
    public static final int SLOTS = SLOTS_ACROSS * SLOTS_DOWN;

    private CharacterSheet() {
    }

    /** One character in the {@code $} layout: 3 x 4 frames (144 x 192 for 48 px frames). */
    public static BufferedImage single(CharacterFrames character) {
        BufferedImage sheet = new BufferedImage(CharacterFrames.PATTERNS * character.frameWidth(),
                Direction.values().length * character.frameHeight(), BufferedImage.TYPE_INT_ARGB);
        place(sheet, character, 0, 0);
        return sheet;
    }

    /**
     * Up to 8 characters in the ordinary layout (576 x 384 for 48 px frames). Element k goes to
     * slot k; a null element, or a slot past the end of the list, stays transparent.
     *
     * @throws IllegalArgumentException if there are more than 8 characters, none at all, or their
     *                                  frame sizes differ
     */
    public static BufferedImage group(List<CharacterFrames> characters) {
        if (characters.size() > SLOTS) {
            throw new IllegalArgumentException("a character sheet holds at most " + SLOTS + " characters, got "
                    + characters.size());
        }
        CharacterFrames first = characters.stream().filter(c -> c != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("a character sheet needs at least one character"));
        int fw = first.frameWidth();
        int fh = first.frameHeight();
        int cellWidth = CharacterFrames.PATTERNS * fw;
        int cellHeight = Direction.values().length * fh;
        BufferedImage sheet = new BufferedImage(SLOTS_ACROSS * cellWidth, SLOTS_DOWN * cellHeight,
                BufferedImage.TYPE_INT_ARGB);
        for (int k = 0; k < characters.size(); k++) {
            CharacterFrames c = characters.get(k);
            if (c == null) {
                continue;
            }
            if (c.frameWidth() != fw || c.frameHeight() != fh) {
                throw new IllegalArgumentException("characters in one sheet must share a frame size: slot " + k + " has "
                        + c.frameWidth() + "x" + c.frameHeight() + " frames, the first character " + fw + "x" + fh);
            }
            place(sheet, c, (k % SLOTS_ACROSS) * cellWidth, (k / SLOTS_ACROSS) * cellHeight);
        }
        return sheet;
    }

    private static void place(BufferedImage sheet, CharacterFrames character, int left, int top) {
        int fw = character.frameWidth();
        int fh = character.frameHeight();
        int[] pixels = new int[fw * fh];
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                character.frame(d, p).getRGB(0, 0, fw, fh, pixels, 0, fw);
                sheet.setRGB(left + p * fw, top + d.ordinal() * fh, fw, fh, pixels, 0, fw);
            }
        }
    }
}
