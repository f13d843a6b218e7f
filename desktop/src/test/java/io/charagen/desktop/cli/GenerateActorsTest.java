package io.charagen.desktop.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code charagen generate --project DIR --actor N}: the characters are made on the fixture
 * networks and the project's actors point at them; every bad input is refused before anything is
 * made or written.
 */
class GenerateActorsTest {

    /** An MZ Actors.json as the editor writes it, with CJK and emoji, notes and traits. */
    private static final String ACTORS = "[\nnull,\n"
            + "{\"id\":1,\"battlerName\":\"Actor1_1\",\"characterIndex\":0,\"characterName\":\"Actor1\",\"classId\":1,"
            + "\"equips\":[1,1,2,3,0],\"faceIndex\":0,\"faceName\":\"Actor1\",\"traits\":[],\"initialLevel\":1,\"maxLevel\":99,"
            + "\"name\":\"リード\",\"nickname\":\"\",\"note\":\"\",\"profile\":\"\"},\n"
            + "{\"id\":2,\"battlerName\":\"Actor1_2\",\"characterIndex\":1,\"characterName\":\"Actor1\",\"classId\":2,"
            + "\"equips\":[2,1,2,3,0],\"faceIndex\":1,\"faceName\":\"Actor1\",\"traits\":[{\"code\":23,\"dataId\":0,\"value\":1}],"
            + "\"initialLevel\":1,\"maxLevel\":99,\"name\":\"プリシラ🌸\",\"nickname\":\"魔法使い\","
            + "\"note\":\"<Portrait: \\\"faceName\\\":\\\"X\\\">\\n龍 🐉\",\"profile\":\"王国の魔法使い。\\n🌸が好き。\"},\n"
            + "{\"id\":3,\"battlerName\":\"Actor1_3\",\"characterIndex\":2,\"characterName\":\"Actor1\",\"classId\":3,"
            + "\"equips\":[3,0,2,3,4],\"faceIndex\":2,\"faceName\":\"Actor1\",\"traits\":[],\"initialLevel\":1,\"maxLevel\":99,"
            + "\"name\":\"Gale\",\"nickname\":\"\",\"note\":\"\",\"profile\":\"\"}\n]";

    @TempDir
    Path temp;

    private Path mzProject(String actors) throws IOException {
        Path root = temp.resolve("Game");
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("js/rmmz_core.js"), "// RPG Maker MZ core stand-in\n");
        Files.createDirectories(root.resolve("img/characters"));
        Files.createDirectories(root.resolve("img/faces"));
        Files.createDirectories(root.resolve("data"));
        Files.writeString(root.resolve("data/Actors.json"), actors);
        return root;
    }

    @Test
    void setsActorsToTheNewCharactersAndChangesNothingElse() throws Exception {
        Path project = mzProject(ACTORS);
        assertEquals(0, GenerateCommandTest.generate("--name", "勇者", "--seed", "3", "--count", "2", "--steps", "1",
                "--expressions", "neutral", "--project", project.toString(), "--actor", "2"));

        String expected = ACTORS
                .replace("\"characterIndex\":1,\"characterName\":\"Actor1\",\"classId\":2,\"equips\":[2,1,2,3,0],\"faceIndex\":1,"
                                + "\"faceName\":\"Actor1\"",
                        "\"characterIndex\":0,\"characterName\":\"勇者\",\"classId\":2,\"equips\":[2,1,2,3,0],\"faceIndex\":0,"
                                + "\"faceName\":\"勇者_1\"")
                .replace("\"characterIndex\":2,\"characterName\":\"Actor1\",\"classId\":3,\"equips\":[3,0,2,3,4],\"faceIndex\":2,"
                                + "\"faceName\":\"Actor1\"",
                        "\"characterIndex\":1,\"characterName\":\"勇者\",\"classId\":3,\"equips\":[3,0,2,3,4],\"faceIndex\":0,"
                                + "\"faceName\":\"勇者_2\"");
        assertTrue(!expected.equals(ACTORS), "the test's own replacement found its text");
        assertEquals(expected, Files.readString(project.resolve("data/Actors.json"), StandardCharsets.UTF_8));
        for (String file : List.of("img/characters/勇者.png", "img/faces/勇者_1.png", "img/faces/勇者_2.png")) {
            assertTrue(Files.isRegularFile(project.resolve(file)), file);
        }
        try (Stream<Path> backups = Files.list(project.resolve("charagen-backup"))) {
            Path backup = backups.findFirst().orElseThrow();
            assertEquals(ACTORS, Files.readString(backup.resolve("data/Actors.json")), "the old Actors.json is backed up");
        }
    }

    private record Refusal(String what, String[] args, int exit, String message) {
    }

    @Test
    void badInputIsAClearErrorAndTouchesNothing() throws Exception {
        List<Refusal> refusals = new ArrayList<>();
        refusals.add(new Refusal("a missing actor", new String[] {"--actor", "4"}, 2, "Actors.json has no actor 4: its actors are 1 to 3"));
        refusals.add(new Refusal("a range past the last actor", new String[] {"--actor", "3", "--count", "2"}, 2, "has no actor 4"));
        refusals.add(new Refusal("an unknown face", new String[] {"--actor", "1", "--expressions", "neutral", "--actor-face", "happy"},
                2, "no 'happy' face for the actor"));
        refusals.add(new Refusal("no neutral face", new String[] {"--actor", "1", "--expressions", "happy"}, 2,
                "no 'neutral' face for the actor"));
        refusals.add(new Refusal("--actor-face alone", new String[] {"--actor-face", "happy"}, 2, "--actor-face goes with --actor"));
        for (Refusal r : refusals) {
            Path project = mzProject(ACTORS);
            assertRefused(r.what(), project, withProject(project, r.args()), r.exit(), r.message());
            delete(project);
        }

        Map<String, String> files = Map.of(
                "a file that is not an array", "{\"id\":1,\"name\":\"リード\"}",
                "truncated JSON", ACTORS.substring(0, ACTORS.length() / 2),
                "no null first", "[\n{\"id\":1}\n]");
        Map<String, String> reasons = Map.of(
                "a file that is not an array", "expected an array of actors",
                "truncated JSON", "not valid JSON",
                "no null first", "the first element must be null");
        for (Map.Entry<String, String> bad : files.entrySet()) {
            Path project = mzProject(bad.getValue());
            assertRefused(bad.getKey(), project, withProject(project, "--actor", "1"), 1,
                    project.resolve("data/Actors.json") + ": " + reasons.get(bad.getKey()));
            delete(project);
        }

        Path project = mzProject(ACTORS);
        Path actors = project.resolve("data/Actors.json");
        Files.setPosixFilePermissions(actors, PosixFilePermissions.fromString("r--r--r--"));
        assertRefused("a read-only Actors.json", project, withProject(project, "--actor", "1"), 1, actors + ": the file is read-only");
        Files.setPosixFilePermissions(actors, PosixFilePermissions.fromString("rw-r--r--"));

        Path notAProject = Files.createDirectories(temp.resolve("notes"));
        Files.writeString(notAProject.resolve("Actors.json"), ACTORS);
        assertRefused("a folder that is not a project", notAProject, withProject(notAProject, "--actor", "1"), 2,
                "is not an RPG Maker MV/MZ project");
        Path out = temp.resolve("out");
        assertRefused("--actor with --out", temp, new String[] {"--actor", "1", "--out", out.toString()}, 2, "--actor 1 needs --project DIR");
    }

    private static String[] withProject(Path project, String... args) {
        List<String> all = new ArrayList<>(List.of("--project", project.toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    /** Runs generate with {@code args} and checks its exit code, its message and that nothing under {@code dir} changed. */
    private static void assertRefused(String what, Path dir, String[] args, int exit, String message) throws IOException {
        Map<String, String> before = snapshot(dir);
        List<String> all = new ArrayList<>(List.of("--name", "Hero", "--seed", "1", "--steps", "1"));
        all.addAll(List.of(args));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int status;
        try {
            status = GenerateCommandTest.generate(all.toArray(String[]::new));
        } finally {
            System.setErr(saved);
        }
        String messages = err.toString(StandardCharsets.UTF_8);
        System.out.println(what + ": " + messages.strip());
        assertEquals(exit, status, what + ": exit code; " + messages);
        assertTrue(messages.contains(message), what + ": the message says '" + message + "': " + messages);
        assertEquals(before, snapshot(dir), what + ": nothing was written");
    }

    private static Map<String, String> snapshot(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : walk.toList()) {
                out.put(dir.relativize(p).toString(), Files.isRegularFile(p)
                        ? Base64.getEncoder().encodeToString(Files.readAllBytes(p)) + "@" + Files.getLastModifiedTime(p) : "/");
            }
            return out;
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
