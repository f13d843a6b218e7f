package io.charagen.generator.rpgmaker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.charagen.generator.json.JsonFormatException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Actors.json files laid out as the MV and MZ editors write them (with CJK and emoji in names,
 * nicknames, notes and profiles; traits; a note that quotes {@code "characterName":...}; equips
 * that plugins lengthened), changed in place.
 */
class ActorsFileTest {

    @TempDir
    Path temp;

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = ActorsFileTest.class.getResourceAsStream("/rpgmaker/actors/" + name)) {
            if (in == null) {
                throw new IOException("no test fixture " + name);
            }
            return in.readAllBytes();
        }
    }

    /** An MV project (or MZ, by its marker file) with {@code actors} as data/Actors.json. */
    static Path project(Path root, boolean mz, byte[] actors) throws IOException {
        Files.createDirectories(root.resolve("img/characters"));
        Files.createDirectories(root.resolve("img/faces"));
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve(mz ? "game.rmmzproject" : "Game.rpgproject"), mz ? "RPGMZ 1.8.0" : "RPGMV 1.6.2");
        if (actors != null) {
            Files.write(root.resolve("data/Actors.json"), actors);
        }
        return root;
    }

    private ActorsFile read(String fixture) throws IOException, JsonFormatException {
        boolean mz = fixture.startsWith("mz");
        return ActorsFile.read(ExportFolder.rpgMakerProject(project(temp.resolve("game"), mz, fixture(fixture))));
    }

    static Stream<Arguments> edits() {
        return Stream.of(
                // one character: its $ sheet and the face in slot 0, on the actor with traits, notes and emoji
                Arguments.of("mv-Actors.json", 2, CharacterExport.actorLooks("Hero", 1, 0), "mv-Actors.actor-2-Hero.json"),
                // two characters in one 8-character sheet with a CJK name, face slot 2, from actor 3 on
                Arguments.of("mz-Actors.json", 3, CharacterExport.actorLooks("勇者", 2, 2), "mz-Actors.actors-3-4-group.json"));
    }

    @ParameterizedTest(name = "{0} from actor {1}")
    @MethodSource("edits")
    void theResultIsTheInputWithOnlyTheFourValuesOfTheChosenActorsChanged(String input, int first, List<ActorLook> looks,
                                                                          String expected) throws Exception {
        byte[] edited = read(input).withLooks(first, looks);
        assertEquals(new String(fixture(expected), UTF_8), new String(edited, UTF_8), input + " edited");
        assertArrayEquals(fixture(expected), edited, input + ": byte for byte");
    }

    @ParameterizedTest(name = "{0} from actor {1}")
    @MethodSource("edits")
    void aDiffShowsOneChangedLinePerActor(String input, int first, List<ActorLook> looks, String expected) throws Exception {
        List<String> before = new String(fixture(input), UTF_8).lines().toList();
        List<String> after = new String(read(input).withLooks(first, looks), UTF_8).lines().toList();
        assertEquals(before.size(), after.size(), "same number of lines");
        List<Integer> changed = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed.add(i);
            }
        }
        List<Integer> actorLines = new ArrayList<>();
        for (int k = 0; k < looks.size(); k++) {
            actorLines.add(first + 1); // line 0 is "[", line 1 "null,", actor N is line N + 1
            first++;
        }
        assertEquals(actorLines, changed, input + ": the lines that changed");
    }

    @Test
    void readsTheActorsAndTheirNames() throws Exception {
        ActorsFile actors = read("mv-Actors.json");
        assertEquals(4, actors.count());
        assertEquals("テレーゼ🌸", actors.name(2));
        assertEquals("마샤", actors.name(3));
        assertArrayEquals(fixture("mv-Actors.json"), actors.bytes());
        assertEquals(temp.resolve("game/data/Actors.json").toAbsolutePath(), actors.file());
    }

    @Test
    void anyOtherLayoutIsKeptToo() throws Exception {
        // pretty-printed, CRLF, a byte order mark, a plugin's extra key and an escaped name
        String text = "\uFEFF[\r\n  null,\r\n  {\r\n    \"id\": 1,\r\n    \"characterName\" : \"Old\\u0041\",\r\n"
                + "    \"characterIndex\": 3.0,\r\n    \"faceName\": \"\",\r\n    \"faceIndex\": 0,\r\n"
                + "    \"myPlugin\": {\"characterName\": \"keep\"},\r\n    \"name\": \"A\"\r\n  }\r\n]\r\n";
        ActorsFile actors = ActorsFile.read(ExportFolder.rpgMakerProject(project(temp.resolve("pretty"), false,
                text.getBytes(UTF_8))));
        String edited = new String(actors.withLooks(1, List.of(new ActorLook("!$Chest", 0, "Chest", 7))), UTF_8);
        String expected = text.replace("\"Old\\u0041\"", "\"!$Chest\"").replace("3.0", "0")
                .replace("\"faceName\": \"\"", "\"faceName\": \"Chest\"").replace("\"faceIndex\": 0", "\"faceIndex\": 7");
        assertEquals(expected, edited);
    }

    @Test
    void aLookWithoutAFaceChangesOnlyTheCharacterAndKeepsTheFace() throws Exception {
        String mv = new String(fixture("mv-Actors.json"), UTF_8);
        String edited = new String(read("mv-Actors.json").withLooks(2, CharacterExport.actorLooks("Hero", 1)), UTF_8);
        String actor2 = "\"characterIndex\":7,\"characterName\":\"Actor1\",\"classId\":2,\"equips\":[2,1,2,3,0],"
                + "\"faceIndex\":7,\"faceName\":\"Actor1\"";
        assertTrue(mv.contains(actor2), "the fixture's actor 2");
        assertEquals(mv.replace(actor2, actor2.replace("\"characterIndex\":7,\"characterName\":\"Actor1\"",
                "\"characterIndex\":0,\"characterName\":\"$Hero\"")), edited);

        // an actor without a face ("" is no name a look could set) keeps it, in any layout
        String text = "[\r\n  null,\r\n  {\r\n    \"id\": 1,\r\n    \"characterName\" : \"Old\",\r\n"
                + "    \"characterIndex\": 3,\r\n    \"faceName\": \"\",\r\n    \"faceIndex\": 5,\r\n    \"name\": \"A\"\r\n  }\r\n]";
        ActorsFile actors = ActorsFile.read(ExportFolder.rpgMakerProject(project(temp.resolve("noface"), false,
                text.getBytes(UTF_8))));
        assertEquals(text.replace("\"Old\"", "\"Guard\"").replace("\"characterIndex\": 3", "\"characterIndex\": 1"),
                new String(actors.withLooks(1, List.of(ActorLook.characterOnly("Guard", 1))), UTF_8));
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("{\"id\":1}", "expected an array of actors"),
                Arguments.of("[\nnull,\n{\"id\":1,\"characterName\":\"A\"", "not valid JSON"),
                Arguments.of("[\nnull,\n{\"id\":1,\"name\":\"ハロ", "not valid JSON"),
                Arguments.of("", "not valid JSON"),
                Arguments.of("[\n{\"id\":1}\n]", "the first element must be null"),
                Arguments.of("[]", "the first element must be null"),
                Arguments.of("[\nnull,\n{\"id\":2}\n]", "element 1 has \"id\": 2; expected 1"),
                Arguments.of("[\nnull,\n{\"name\":\"x\"}\n]", "element 1 has \"id\": null"),
                Arguments.of("[\nnull,\n\"Harold\"\n]", "element 1 must be an actor object"),
                Arguments.of("[\nnull,\n{\"id\":1}\n]\n[]", "unexpected data after the JSON array"),
                Arguments.of("[\nnull,\n{\"id\":1,\"note\":NaN}\n]", "is NaN"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void badFiles(String text, String reason) throws IOException {
        Path root = project(temp.resolve("bad"), false, text.getBytes(UTF_8));
        JsonFormatException e = assertThrows(JsonFormatException.class,
                () -> ActorsFile.read(ExportFolder.rpgMakerProject(root)));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains(root.resolve("data/Actors.json").toString()), "names the file: " + e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8OrMissingIsNamed() throws IOException {
        Path latin1 = project(temp.resolve("latin1"), false, "[\nnull,\n{\"id\":1,\"name\":\"Zo\u00eb\"}\n]"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        JsonFormatException e = assertThrows(JsonFormatException.class, () -> ActorsFile.read(ExportFolder.rpgMakerProject(latin1)));
        assertTrue(e.getMessage().contains("not UTF-8"), e.getMessage());
        Path none = project(temp.resolve("none"), false, null);
        e = assertThrows(JsonFormatException.class, () -> ActorsFile.read(ExportFolder.rpgMakerProject(none)));
        assertTrue(e.getMessage().contains("Actors.json: no such file"), e.getMessage());
    }

    @Test
    void aMissingActorIsNamedWithTheActorsThereAre() throws Exception {
        ActorsFile actors = read("mv-Actors.json");
        for (int[] range : new int[][] {{5, 1}, {0, 1}, {-3, 1}, {3, 3}, {Integer.MAX_VALUE, 2}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> actors.withLooks(range[0], CharacterExport.actorLooks("Hero", range[1], 0)));
            assertTrue(e.getMessage().contains("Actors.json has no actor ") && e.getMessage().contains("its actors are 1 to 4"),
                    e.getMessage());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> actors.withLooks(3, CharacterExport.actorLooks("Hero", 3, 0)));
        assertTrue(e.getMessage().contains("has no actor 5"), e.getMessage());
    }

    @Test
    void anActorWithoutTheFourFieldsOnceEachIsRefused() throws Exception {
        String[] actors = {
                "{\"id\":1,\"characterIndex\":0,\"characterName\":\"A\",\"faceIndex\":0,\"name\":\"no face\"}",
                "{\"id\":1,\"characterIndex\":0,\"characterName\":\"A\",\"faceIndex\":0,\"faceName\":\"A\",\"faceName\":\"B\"}",
                "{\"id\":1,\"characterIndex\":\"0\",\"characterName\":\"A\",\"faceIndex\":0,\"faceName\":\"A\"}",
                "{\"id\":1,\"characterIndex\":0.5,\"characterName\":\"A\",\"faceIndex\":0,\"faceName\":\"A\"}",
                "{\"id\":1,\"characterIndex\":0,\"characterName\":null,\"faceIndex\":0,\"faceName\":\"A\"}"};
        String[] reasons = {"has no \"faceName\"", "has \"faceName\" more than once", "has \"characterIndex\": \"0\"",
                "has \"characterIndex\": 0.5", "has \"characterName\": null"};
        for (int i = 0; i < actors.length; i++) {
            Path root = project(temp.resolve("fields" + i), false, ("[\nnull,\n" + actors[i] + "\n]").getBytes(UTF_8));
            ActorsFile file = ActorsFile.read(ExportFolder.rpgMakerProject(root));
            JsonFormatException e = assertThrows(JsonFormatException.class,
                    () -> file.withLooks(1, CharacterExport.actorLooks("Hero", 1, 0)));
            assertTrue(e.getMessage().contains("actor 1") && e.getMessage().contains(reasons[i]), e.getMessage());
        }
    }

    @Test
    void aPlainFolderHasNoActors() {
        assertThrows(IllegalArgumentException.class, () -> ActorsFile.read(ExportFolder.plain(temp)));
    }
}
