package io.charagen.generator.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class ArrayMembersTest {

    private static String at(String text, ArrayMembers.Span span) {
        return text.substring(span.start(), span.end());
    }

    @Test
    void findsEachElementAndEachMemberValue() {
        String text = "[\nnull,\n{\"id\":1,\"note\":\"a \\\"b\\\" [c] {d} \\\\\",\"traits\":[{\"code\":23,\"value\":1.5e2}],"
                + "\"name\":\"龍🐉\"},\n {\"id\" : 2 , \"e\\u0071uips\":[null,[],{}] }\n]";
        List<ArrayMembers.Element> elements = ArrayMembers.of(text);
        assertEquals(3, elements.size());
        assertEquals("null", at(text, elements.get(0).span()));
        assertNull(elements.get(0).members());
        ArrayMembers.Element first = elements.get(1);
        assertEquals(List.of("id", "note", "traits", "name"), List.copyOf(first.members().keySet()));
        assertEquals("1", at(text, first.members().get("id")));
        assertEquals("\"a \\\"b\\\" [c] {d} \\\\\"", at(text, first.members().get("note")));
        assertEquals("[{\"code\":23,\"value\":1.5e2}]", at(text, first.members().get("traits")));
        assertEquals("\"龍🐉\"", at(text, first.members().get("name")));
        ArrayMembers.Element second = elements.get(2);
        assertEquals("2", at(text, second.members().get("id")));
        assertEquals("[null,[],{}]", at(text, second.members().get("equips")), "keys are unescaped");
        assertEquals(List.of(), second.repeated());
    }

    @Test
    void repeatedKeysAreReportedAndTheLastWins() {
        String text = "[{\"a\":1,\"a\":2,\"b\":3,\"a\":4}]";
        ArrayMembers.Element element = ArrayMembers.of(text).get(0);
        assertEquals(List.of("a"), element.repeated());
        assertEquals("4", at(text, element.members().get("a")));
    }

    @Test
    void aByteOrderMarkAndAnEmptyArrayAreFine() {
        assertEquals(List.of(), ArrayMembers.of("\uFEFF [ ] "));
        assertEquals("true", at("\uFEFF[true]", ArrayMembers.of("\uFEFF[true]").get(0).span()));
    }

    @Test
    void textThatIsNotAnArrayIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ArrayMembers.of("{\"a\":1}"));
        assertThrows(IllegalArgumentException.class, () -> ArrayMembers.of("[{\"a\":1}"));
        assertThrows(IllegalArgumentException.class, () -> ArrayMembers.of("[\"abc"));
    }
}
