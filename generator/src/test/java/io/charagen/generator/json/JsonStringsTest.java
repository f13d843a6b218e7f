package io.charagen.generator.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class JsonStringsTest {

    @Test
    void textOfAnyScriptStaysAsItIs() {
        assertEquals("\"$勇者\"", JsonStrings.quote("$勇者"));
        assertEquals("\"テレーゼ🌸 👩‍🚀 Zoë\"", JsonStrings.quote("テレーゼ🌸 👩‍🚀 Zoë"));
    }

    @Test
    void escapesWhatJsonStringifyEscapes() {
        assertEquals("\"a\\\"b\\\\c\\nd\\te\\r\\b\\f\\u0001/\"", JsonStrings.quote("a\"b\\c\nd\te\r\b\f\u0001/"));
        assertEquals("\"\\ud800x\"", JsonStrings.quote("\ud800x"), "an unpaired surrogate");
    }

    @Test
    void gsonReadsBackWhatWasQuoted() {
        for (String s : new String[] {"", "Hero", "ハロルド\n\"🐉\"", "\u0000\u001f\u007f", "\\u0041"}) {
            assertEquals(s, JsonParser.parseString(JsonStrings.quote(s)).getAsString());
        }
    }
}
