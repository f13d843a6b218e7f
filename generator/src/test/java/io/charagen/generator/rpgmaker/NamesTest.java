package io.charagen.generator.rpgmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hero", "Ann-Marie", "sir_galahad", "Dr. Who", "v1.2", "Łukasz", "勇者", "Алиса",
            "हिन्दी", "Zoë", "CONSOLE", "Nullify", "COM10", "a", "1234567890123456789012345678901234567890123456789012345678901234"})
    void acceptsNamesOfLettersDigitsSpaceUnderscoreHyphenAndInnerDots(String name) {
        assertEquals(name, Names.fileStem(name));
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("", "empty"),
                Arguments.of("   ", "blank"),
                Arguments.of("../../x", "path separator"),
                Arguments.of("a/b", "path separator"),
                Arguments.of("C:\\x", "Windows"),
                Arguments.of("a\\b", "path separator"),
                Arguments.of("..", "starts with '.'"),
                Arguments.of("a..b", "'..'"),
                Arguments.of(".hidden", "starts with '.'"),
                Arguments.of("trailing.", "ends with '.'"),
                Arguments.of("trailing ", "ends with ' '"),
                Arguments.of(" leading", "starts with ' '"),
                Arguments.of("$Hero", "sheet prefix"),
                Arguments.of("!Chest", "sheet prefix"),
                Arguments.of("Bang!", "not allowed"),
                Arguments.of("CON", "reserves"),
                Arguments.of("con", "reserves"),
                Arguments.of("Nul.txt", "reserves"),
                Arguments.of("COM1", "reserves"),
                Arguments.of("lpt9", "reserves"),
                Arguments.of("AUX.old.x", "reserves"),
                Arguments.of("a<b", "Windows"),
                Arguments.of("a>b", "Windows"),
                Arguments.of("a:b", "Windows"),
                Arguments.of("a\"b", "Windows"),
                Arguments.of("a|b", "Windows"),
                Arguments.of("a?b", "Windows"),
                Arguments.of("a*b", "Windows"),
                Arguments.of("nul\u0000byte", "control"),
                Arguments.of("tab\tname", "control"),
                Arguments.of("new\nline", "control"),
                Arguments.of("evil\u202Etxt.exe", "format"), // right-to-left override
                Arguments.of("zero\u200Bwidth", "format"),
                Arguments.of("a".repeat(65), "at most 64"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(String name, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.fileStem(name));
        assertTrue(e.getMessage().contains(reason), "message for " + name.replace("\u0000", "\\0") + ": " + e.getMessage());
        boolean printable = name.codePoints().noneMatch(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT);
        if (printable) {
            assertTrue(e.getMessage().contains("\"" + name + "\""), "message names the name: " + e.getMessage());
        } else {
            assertTrue(e.getMessage().contains("U+"), "message shows the bad character's code: " + e.getMessage());
        }
        assertTrue(e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\u0000') < 0, "message stays on one line");
    }

    @ParameterizedTest
    @ValueSource(strings = {"$Hero.png", "!Door.png", "Hero.png", "Hero.json", "Dr. Who.gif"})
    void acceptsExporterFileNames(String fileName) {
        assertEquals(fileName, Names.fileName(fileName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hero", "Hero.", "Hero.PNG", "$$Hero.png", "../x.png", "a/b.png", ".png", "CON.png",
            "Hero.verylongext", "x.p/g"})
    void refusesOtherFileNames(String fileName) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Names.fileName(fileName));
        assertTrue(e.getMessage().contains(fileName), e.getMessage());
    }
}
