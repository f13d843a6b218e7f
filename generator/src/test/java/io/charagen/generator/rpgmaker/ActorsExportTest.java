package io.charagen.generator.rpgmaker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.charagen.generator.rpgmaker.ExportFolder.Kind;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A project export that also sets actors: what it backs up, in which order it writes, and what it refuses. */
class ActorsExportTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    private Path mvProject() throws IOException {
        return ActorsFileTest.project(temp.resolve("Game"), false, ActorsFileTest.fixture("mv-Actors.json"));
    }

    /** The files of a one-character export named Hero, with stand-in bytes for the images. */
    private static ExportFolder.Plan heroPlan(ExportFolder folder) {
        return folder.plan()
                .add(Kind.CHARACTER, "$Hero.png", "sheet".getBytes(UTF_8))
                .add(Kind.FACE, "Hero.png", "faces".getBytes(UTF_8))
                .add(Kind.RECORD, "Hero.json", "{}".getBytes(UTF_8));
    }

    @Test
    void setsTheActorAfterTheImagesAndBacksUpActorsJsonWithTheReplacedImages() throws Exception {
        Path project = mvProject();
        Files.writeString(project.resolve("img/faces/Hero.png"), "old faces");
        ExportFolder folder = ExportFolder.rpgMakerProject(project, FIXED);
        ActorsFile actors = ActorsFile.read(folder);
        ExportFolder.Plan plan = actors.addTo(heroPlan(folder), 2, CharacterExport.actorLooks("Hero", 1, 0));

        List<Path> order = new ArrayList<>();
        List<Path> written = folder.commit(plan, true, new ExportFolder.Steps() {
            @Override
            public void beforeRename(Path target) {
                order.add(project.relativize(target));
            }
        });

        assertEquals(List.of(Path.of("img/characters/$Hero.png"), Path.of("img/faces/Hero.png"), Path.of("charagen/Hero.json"),
                Path.of("data/Actors.json")), order, "Actors.json is renamed into place last");
        assertEquals(project.resolve("data/Actors.json"), written.get(3));
        assertArrayEquals(ActorsFileTest.fixture("mv-Actors.actor-2-Hero.json"), Files.readAllBytes(project.resolve("data/Actors.json")));
        Path backup = project.resolve("charagen-backup/20240102-030405");
        assertArrayEquals(ActorsFileTest.fixture("mv-Actors.json"), Files.readAllBytes(backup.resolve("data/Actors.json")));
        assertEquals("old faces", Files.readString(backup.resolve("img/faces/Hero.png")), "one backup folder for both");
        try (var backups = Files.list(project.resolve("charagen-backup"))) {
            assertEquals(1, backups.count());
        }
    }

    @Test
    void actorsJsonIsReplacedWithoutForceButNewImagesStillNeedIt() throws Exception {
        Path project = mvProject();
        ExportFolder folder = ExportFolder.rpgMakerProject(project, FIXED);
        ActorsFile actors = ActorsFile.read(folder);
        folder.commit(actors.addTo(heroPlan(folder), 1, CharacterExport.actorLooks("Hero", 1, 0)), false);
        assertTrue(Files.readString(project.resolve("data/Actors.json")).contains("\"characterName\":\"$Hero\""));

        Map<String, String> before = Snapshots.of(temp);
        ActorsFile again = ActorsFile.read(folder);
        ExportFolder.Plan second = again.addTo(heroPlan(folder), 3, CharacterExport.actorLooks("Hero", 1, 0));
        assertThrows(FileAlreadyExistsException.class, () -> folder.commit(second, false));
        assertEquals(before, Snapshots.of(temp), "the existing images stop the whole export, Actors.json included");
    }

    @Test
    void aReadOnlyActorsJsonIsAnErrorAndNothingIsWritten() throws Exception {
        Path project = mvProject();
        Path file = project.resolve("data/Actors.json");
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = ActorsFile.read(folder).addTo(heroPlan(folder), 2, CharacterExport.actorLooks("Hero", 1, 0));
        readOnly(file);
        Map<String, String> before = Snapshots.of(temp);
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> folder.commit(plan, true));
        assertEquals(file.toString(), e.getFile());
        assertTrue(e.getMessage().contains("read-only") && e.getMessage().contains("nothing was written"), e.getMessage());
        assertEquals(before, Snapshots.of(temp), "no image, no backup, no temporary");
    }

    @Test
    void aReadOnlyDataFolderIsAnErrorAndNothingIsWritten() throws Exception {
        Path project = mvProject();
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = ActorsFile.read(folder).addTo(heroPlan(folder), 2, CharacterExport.actorLooks("Hero", 1, 0));
        readOnly(project.resolve("data"));
        try {
            Map<String, String> before = Snapshots.of(temp);
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> folder.commit(plan, true));
            assertEquals(project.resolve("data").toString(), e.getFile());
            assertEquals(before, Snapshots.of(temp));
        } finally {
            Files.setPosixFilePermissions(project.resolve("data"), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void actorsJsonChangedSinceItWasReadIsNotOverwritten() throws Exception {
        Path project = mvProject();
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = ActorsFile.read(folder).addTo(heroPlan(folder), 2, CharacterExport.actorLooks("Hero", 1, 0));
        // the RPG Maker editor saves in between
        Files.writeString(project.resolve("data/Actors.json"), "[\nnull,\n{\"id\":1,\"name\":\"saved by the editor\"}\n]");
        Map<String, String> before = Snapshots.of(temp);
        IOException e = assertThrows(IOException.class, () -> folder.commit(plan, true));
        assertTrue(e.getMessage().contains("has changed since charagen read it"), e.getMessage());
        assertEquals(before, Snapshots.of(temp));
        Files.delete(project.resolve("data/Actors.json"));
        assertThrows(java.nio.file.NoSuchFileException.class, () -> folder.commit(plan, true));
    }

    @Test
    void onlyAProjectHasData() {
        ExportFolder plain = ExportFolder.plain(temp.resolve("out"));
        assertThrows(IllegalArgumentException.class, () -> plain.relativeTarget(Kind.DATA, "Actors.json"));
    }

    /** Read-only as a user makes it: no write permission for anyone (root included, by the owner's bit). */
    static void readOnly(Path path) throws IOException {
        if (Files.getFileStore(path).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "r-xr-xr-x" : "r--r--r--"));
        } else {
            assertTrue(path.toFile().setWritable(false), "could not make " + path + " read-only");
        }
    }
}
