package io.charagen.generator.rpgmaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void aLookWithoutAFaceKeepsTheActorsAndStillFollowsThePrefixRules() {
        ActorLook look = ActorLook.characterOnly("$Hero", 0);
        assertFalse(look.setsFace());
        assertEquals(new ActorLook("$Hero", 0, null, 0), look);
        assertTrue(new ActorLook("$Hero", 0, "Hero", 0).setsFace());
        assertRefused(() -> new ActorLook("$Hero", 0, null, 3), "faceIndex 3 without a faceName");
        assertRefused(() -> ActorLook.characterOnly("$Hero", 1), "a $ sheet holds one character");
        assertRefused(() -> ActorLook.characterOnly("$../x", 0), "path separator");
        assertRefused(() -> ActorLook.characterOnly(null, 0), "characterName");
        assertEquals(List.of(ActorLook.characterOnly("Guard", 0), ActorLook.characterOnly("Guard", 1)),
                CharacterExport.actorLooks("Guard", 2));
    }

    @Test
    void anExportWithoutFacesWritesNoFacesFiles() {
        List<String> files = CharacterExport.files("Guard", 10, false).stream().map(CharacterExport.File::name).toList();
        assertEquals(List.of("Guard.png", "Guard_2.png"), files.stream().filter(f -> f.endsWith(".png")).toList());
        assertEquals(10, files.stream().filter(f -> f.endsWith(".gif")).count());
        assertEquals(10, files.stream().filter(f -> f.endsWith(".json")).count());
        assertEquals(CharacterExport.files("Guard", 10).stream().filter(f -> f.kind() != ExportFolder.Kind.FACE).toList(),
                CharacterExport.files("Guard", 10, false));
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
