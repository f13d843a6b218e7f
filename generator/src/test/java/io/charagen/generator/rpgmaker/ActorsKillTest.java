package io.charagen.generator.rpgmaker;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.charagen.generator.json.StrictJson;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process killed while it exports a character and sets an actor, after the images are written
 * but before the new Actors.json is renamed into place, leaves the old Actors.json whole: the
 * same bytes, still an array of actors that parses.
 */
class ActorsKillTest {

    @TempDir
    Path temp;

    @ParameterizedTest(name = "halted {0}")
    @ValueSource(strings = {"before-write", "before-rename"})
    void aKillBetweenTheImagesAndTheRenameLeavesTheOldActorsJsonWhole(String step) throws Exception {
        Path project = ActorsFileTest.project(temp.resolve("Game"), false, ActorsFileTest.fixture("mv-Actors.json"));
        Child child = run(project, step);
        assertEquals(ActorsCommitChild.HALTED, child.status(), "the child halted at the hook: " + child.output());
        assertTrue(Files.isRegularFile(project.resolve("img/characters/$Hero.png")), "the images were written before the kill");
        assertTrue(Files.isRegularFile(project.resolve("img/faces/Hero.png")));

        Path actors = project.resolve("data/Actors.json");
        assertArrayEquals(ActorsFileTest.fixture("mv-Actors.json"), Files.readAllBytes(actors), "the old Actors.json, byte for byte");
        StrictJson.parse(Files.readString(actors, StandardCharsets.UTF_8), actors.toString());
        assertEquals(4, ActorsFile.read(ExportFolder.rpgMakerProject(project)).count(), "and it still reads as actors");
        assertArrayEquals(ActorsFileTest.fixture("mv-Actors.json"),
                Files.readAllBytes(single(project.resolve("charagen-backup")).resolve("data/Actors.json")), "backed up first");
    }

    @Test
    void theSameChildFinishesWhenNotHalted() throws Exception {
        Path project = ActorsFileTest.project(temp.resolve("Game"), false, ActorsFileTest.fixture("mv-Actors.json"));
        Child child = run(project, "none");
        assertEquals(0, child.status(), child.output());
        assertArrayEquals(ActorsFileTest.fixture("mv-Actors.actor-2-Hero.json"), Files.readAllBytes(project.resolve("data/Actors.json")));
    }

    private record Child(int status, String output) {
    }

    /** Runs {@link ActorsCommitChild} in a JVM of its own, on this test's class path. */
    private Child run(Path project, String step) throws Exception {
        Path log = temp.resolve("child-" + step + ".log");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ActorsCommitChild.class.getName(), project.toString(), step)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child did not finish in 2 minutes: " + Files.readString(log));
        }
        return new Child(process.exitValue(), Files.readString(log));
    }

    private static Path single(Path folder) throws Exception {
        try (var entries = Files.list(folder)) {
            List<Path> all = entries.toList();
            assertEquals(1, all.size(), "one backup folder: " + all);
            return all.get(0);
        }
    }
}
