package io.charagen.generator.rpgmaker;

import static io.charagen.generator.rpgmaker.TestCharacters.character;
import static io.charagen.generator.rpgmaker.TestCharacters.marker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharacterSheetTest {

    @ParameterizedTest(name = "{0}x{1} frames make a {2}x{3} $-sheet")
    @CsvSource({"48, 48, 144, 192", "16, 16, 48, 64", "32, 48, 96, 192"})
    void singleSheetHasThreeColumnsAndFourRows(int fw, int fh, int width, int height) {
        BufferedImage sheet = CharacterSheet.single(character(0, fw, fh));
        assertEquals(width, sheet.getWidth());
        assertEquals(height, sheet.getHeight());
        assertCharacterAt(sheet, 0, 0, 0, fw, fh);
    }

    @Test
    void groupPutsSlotKAtColumnKMod4RowKDiv4AndLeavesTheRestTransparent() {
        List<CharacterFrames> characters = new ArrayList<>(Arrays.asList(
                character(0, 48, 48), character(1, 48, 48), null, character(3, 48, 48), character(4, 48, 48),
                character(5, 48, 48)));
        BufferedImage sheet = CharacterSheet.group(characters);
        assertEquals(576, sheet.getWidth());
        assertEquals(384, sheet.getHeight());
        for (int k = 0; k < CharacterSheet.SLOTS; k++) {
            int left = (k % 4) * 144;
            int top = (k / 4) * 192;
            if (k < characters.size() && characters.get(k) != null) {
                assertCharacterAt(sheet, k, left, top, 48, 48);
            } else {
                for (int y = top; y < top + 192; y++) {
                    for (int x = left; x < left + 144; x++) {
                        assertEquals(0, sheet.getRGB(x, y) >>> 24, "slot " + k + " should be empty at " + x + "," + y);
                    }
                }
            }
        }
    }

    @Test
    void groupRefusesMixedFrameSizesTooManyCharactersAndNone() {
        IllegalArgumentException mixed = assertThrows(IllegalArgumentException.class,
                () -> CharacterSheet.group(List.of(character(0, 48, 48), character(1, 32, 32))));
        assertTrue(mixed.getMessage().contains("slot 1") && mixed.getMessage().contains("32x32"), mixed.getMessage());
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class,
                () -> CharacterSheet.group(Collections.nCopies(9, character(0, 16, 16))));
        assertTrue(many.getMessage().contains("got 9"), many.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CharacterSheet.group(List.of()));
    }

    /** Rows down, left, right, up; columns pattern 0, 1, 2; alpha of the marked pixels intact. */
    private static void assertCharacterAt(BufferedImage sheet, int id, int left, int top, int fw, int fh) {
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                int x = left + p * fw;
                int y = top + d.ordinal() * fh;
                String where = "character " + id + " " + d.key() + " pattern " + p;
                assertEquals(marker(id, d, p), sheet.getRGB(x + fw - 1, y + fh - 1), where);
                assertEquals(marker(id, d, p), sheet.getRGB(x + fw / 2, y + fh / 2), where);
                assertEquals(0, sheet.getRGB(x, y) >>> 24, where + " transparent corner");
                assertEquals(TestCharacters.HALF_ALPHA, sheet.getRGB(x + 1, y) >>> 24, where + " half alpha");
                assertEquals(marker(id, d, p) & 0xffffff, sheet.getRGB(x + 1, y) & 0xffffff, where + " half alpha colour");
            }
        }
    }
}
