package io.charagen.generator.rpgmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ActorLookTest {

    @Test
    void followsMvPrefixRules() {
        new ActorLook("$Hero", 0, "Hero", 0);
        new ActorLook("!$Chest", 0, "Chest", 7);
        new ActorLook("Town", 7, "Town_8", 3);
        new ActorLook("勇者", 1, "勇者_2", 0);
        assertRefused(() -> new ActorLook("$Hero", 1, "Hero", 0), "a $ sheet holds one character");
        assertRefused(() -> new ActorLook("Town", 8, "Town", 0), "expected 0 to 7");
        assertRefused(() -> new ActorLook("$$Hero", 0, "Hero", 0), "once each");
        assertRefused(() -> new ActorLook("!$!Hero", 0, "Hero", 0), "once each");
        assertRefused(() -> new ActorLook("$", 0, "Hero", 0), "characterName");
        assertRefused(() -> new ActorLook("$../x", 0, "Hero", 0), "path separator");
        assertRefused(() -> new ActorLook("$Hero", 0, "$Hero", 0), "faceName");
        assertRefused(() -> new ActorLook("$Hero", 0, "Hero", 8), "faceIndex 8");
        assertRefused(() -> new ActorLook("$Hero", 0, "Hero", -1), "faceIndex -1");
    }

    @Test
    void theFaceIsTheNeutralOneUnlessAnotherIsAskedFor() {
        assertEquals(0, ActorLook.faceSlot(List.of("neutral", "happy"), null));
        assertEquals(1, ActorLook.faceSlot(List.of("neutral", "happy"), "happy"));
        assertEquals(2, ActorLook.faceSlot(List.of("happy", "sad", "neutral"), null));
        assertRefused(() -> ActorLook.faceSlot(List.of("happy", "sad"), null), "no 'neutral' face for the actor: the faces are happy, sad");
        assertRefused(() -> ActorLook.faceSlot(List.of("neutral"), "angry"), "no 'angry' face");
    }

    @Test
    void anExportsLooksPointAtItsOwnFiles() {
        assertEquals(List.of(new ActorLook("$Hero", 0, "Hero", 2)), CharacterExport.actorLooks("Hero", 1, 2));
        List<ActorLook> ten = CharacterExport.actorLooks("Guard", 10, 0);
        assertEquals(new ActorLook("Guard", 0, "Guard_1", 0), ten.get(0));
        assertEquals(new ActorLook("Guard", 7, "Guard_8", 0), ten.get(7));
        assertEquals(new ActorLook("Guard_2", 0, "Guard_9", 0), ten.get(8));
        assertEquals(new ActorLook("Guard_2", 1, "Guard_10", 0), ten.get(9));
        List<String> files = CharacterExport.files("Guard", 10).stream().map(CharacterExport.File::name).toList();
        for (ActorLook look : ten) {
            assertTrue(files.contains(look.characterName() + ".png") && files.contains(look.faceName() + ".png"),
                    look + " refers to files the export writes: " + files);
        }
    }

    private static void assertRefused(Runnable make, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make::run);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
