package io.charagen.generator.rpgmaker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.charagen.generator.rpgmaker.ExportFolder.Kind;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportFolderTest {

    private static final Clock FIXED = Clock.fixed(Instant.parse("2024-01-02T03:04:05Z"), ZoneOffset.UTC);
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-05-06T07:08:09Z"));

    @TempDir
    Path temp;

    private static byte[] bytes(String s) {
        return s.getBytes(UTF_8);
    }

    private Path mvProject() throws IOException {
        Path project = Files.createDirectories(temp.resolve("games/MyGame"));
        Files.writeString(project.resolve("Game.rpgproject"), "RPGMV 1.6.2");
        Files.createDirectories(project.resolve("img/characters"));
        Files.createDirectories(project.resolve("img/faces"));
        Files.createDirectories(project.resolve("data"));
        return project;
    }

    /** Every file and folder under temp with its bytes (folders as empty), to show nothing changed. */
    private Map<String, String> snapshot() throws IOException {
        try (Stream<Path> walk = Files.walk(temp)) {
            Map<String, String> out = new TreeMap<>();
            for (Path p : walk.collect(Collectors.toList())) {
                String key = temp.relativize(p).toString();
                out.put(key, Files.isRegularFile(p) ? Files.readString(p, UTF_8) + "@" + Files.getLastModifiedTime(p) : "/");
            }
            return out;
        }
    }

    @Test
    void aFolderThatIsNotAProjectIsRefusedWithWhatIsMissingAndNothingIsCreated() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("notes"));
        Files.createDirectories(dir.resolve("img"));
        Map<String, String> before = snapshot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExportFolder.rpgMakerProject(dir));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().startsWith(dir + " is not an RPG Maker MV/MZ project: "), e.getMessage());
        assertTrue(e.getMessage().contains("Game.rpgproject") && e.getMessage().contains("no data folder"), e.getMessage());
        assertFalse(e.getMessage().contains("no img folder"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void mzProjectsAreRecognisedByTheirCoreScript() throws IOException {
        Path project = Files.createDirectories(temp.resolve("mz"));
        Files.createDirectories(project.resolve("js"));
        Files.writeString(project.resolve("js/rmmz_core.js"), "//");
        Files.createDirectories(project.resolve("img"));
        Files.createDirectories(project.resolve("data"));
        assertTrue(ExportFolder.rpgMakerProject(project).isProject());
    }

    @Test
    void projectRoutesEachKindToItsFolder() throws IOException {
        Path project = mvProject();
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = folder.plan()
                .add(Kind.CHARACTER, "$Hero.png", bytes("sheet"))
                .add(Kind.FACE, "Hero.png", bytes("faces"))
                .add(Kind.PREVIEW, "Hero.gif", bytes("gif"))
                .add(Kind.RECORD, "Hero.json", bytes("{}"));
        List<Path> written = folder.commit(plan, false);
        assertEquals(List.of(project.resolve("img/characters/$Hero.png"), project.resolve("img/faces/Hero.png"),
                project.resolve("charagen/Hero.gif"), project.resolve("charagen/Hero.json")), written);
        assertEquals("sheet", Files.readString(written.get(0)));
        assertEquals("faces", Files.readString(written.get(1)));
        assertEquals("{}", Files.readString(written.get(3)));
        assertFalse(Files.exists(project.resolve(ExportFolder.BACKUP_FOLDER)), "nothing was replaced, so no backup");
    }

    @Test
    void plainFolderIsMadeAndHoldsEverything() throws IOException {
        Path dir = temp.resolve("out/new");
        ExportFolder folder = ExportFolder.plain(dir);
        folder.commit(folder.plan().add(Kind.CHARACTER, "$Hero.png", bytes("a")).add(Kind.RECORD, "Hero.json", bytes("b")),
                false);
        assertEquals("a", Files.readString(dir.resolve("characters/$Hero.png")));
        assertEquals("b", Files.readString(dir.resolve("Hero.json")));
    }

    @Test
    void namesThatClimbOutAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path project = mvProject();
        Map<String, String> before = snapshot();
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = folder.plan().add(Kind.FACE, "Good.png", bytes("x"));
        for (String bad : List.of("../../x.png", "../../x", "a/b.png", "..\\x.png", "/etc/x.png")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> plan.add(Kind.CHARACTER, bad, bytes("x")));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
        assertEquals(before, snapshot());
    }

    @Test
    void anExistingFileWithoutForceStopsTheWholeCommitAndTouchesNothing() throws IOException {
        Path project = mvProject();
        Path face = project.resolve("img/faces/Hero.png");
        Files.writeString(face, "old face");
        Files.setLastModifiedTime(face, LONG_AGO);
        Map<String, String> before = snapshot();
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = folder.plan()
                .add(Kind.CHARACTER, "$Hero.png", bytes("new sheet"))
                .add(Kind.FACE, "Hero.png", bytes("new face"));
        FileAlreadyExistsException e = assertThrows(FileAlreadyExistsException.class, () -> folder.commit(plan, false));
        System.out.println(e.getMessage());
        assertEquals(face.toString(), e.getFile());
        assertTrue(e.getMessage().contains("--force"), e.getMessage());
        assertEquals(before, snapshot(), "no file written, replaced, backed up or left behind as a temporary");
        assertEquals(LONG_AGO, Files.getLastModifiedTime(face));
    }

    @Test
    void forceInAProjectBacksUpTheOldBytesFirstAndNeverReusesABackup() throws IOException {
        Path project = mvProject();
        Path face = project.resolve("img/faces/Hero.png");
        Files.writeString(face, "first face");
        ExportFolder folder = ExportFolder.rpgMakerProject(project, FIXED);

        folder.commit(folder.plan().add(Kind.FACE, "Hero.png", bytes("second face"))
                .add(Kind.CHARACTER, "$Hero.png", bytes("sheet")), true);
        Path firstBackup = project.resolve("charagen-backup/20240102-030405/img/faces/Hero.png");
        assertEquals("first face", Files.readString(firstBackup));
        assertEquals("second face", Files.readString(face));
        assertFalse(Files.exists(project.resolve("charagen-backup/20240102-030405/img/characters")),
                "only replaced files are backed up");

        // the same second again: a new backup folder, the first one untouched
        folder.commit(folder.plan().add(Kind.FACE, "Hero.png", bytes("third face")), true);
        assertEquals("first face", Files.readString(firstBackup));
        assertEquals("second face", Files.readString(project.resolve("charagen-backup/20240102-030405-1/img/faces/Hero.png")));
        assertEquals("third face", Files.readString(face));
        assertNoTemporaries(project);
    }

    @Test
    void forceInAPlainFolderReplacesWithoutBackup() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(dir.resolve("Hero.json"), "old");
        ExportFolder folder = ExportFolder.plain(dir);
        folder.commit(folder.plan().add(Kind.RECORD, "Hero.json", bytes("new")), true);
        assertEquals("new", Files.readString(dir.resolve("Hero.json")));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("Hero.json")), files.collect(Collectors.toList()));
        }
    }

    @Test
    void aSymbolicLinkThatLeadsOutsideIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path project = mvProject();
        Path outside = Files.createDirectories(temp.resolve("elsewhere"));
        Path characters = project.resolve("img/characters");
        Files.delete(characters);
        try {
            Files.createSymbolicLink(characters, outside);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links unavailable here: " + e);
        }
        Map<String, String> before = snapshot();
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        ExportFolder.Plan plan = folder.plan()
                .add(Kind.FACE, "Hero.png", bytes("face"))
                .add(Kind.CHARACTER, "$Hero.png", bytes("sheet"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> folder.commit(plan, true));
        System.out.println(e.getMessage());
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        assertEquals(before, snapshot());
    }

    @Test
    void anExistingLinkAtTheTargetIsNotReplacedEvenWithForce() throws IOException {
        Path project = mvProject();
        Path secret = Files.writeString(temp.resolve("secret.txt"), "keep");
        try {
            Files.createSymbolicLink(project.resolve("img/faces/Hero.png"), secret);
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "symbolic links unavailable here: " + e);
        }
        ExportFolder folder = ExportFolder.rpgMakerProject(project);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> folder.commit(folder.plan().add(Kind.FACE, "Hero.png", bytes("x")), true));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
        assertEquals("keep", Files.readString(secret));
        assertTrue(Files.isSymbolicLink(project.resolve("img/faces/Hero.png")));
    }

    @Test
    void theSameTargetTwiceIsRefused() throws IOException {
        ExportFolder folder = ExportFolder.plain(temp.resolve("twice"));
        ExportFolder.Plan plan = folder.plan().add(Kind.PREVIEW, "Hero.gif", bytes("a")).add(Kind.RECORD, "Hero.gif", bytes("b"));
        assertThrows(IllegalArgumentException.class, () -> folder.commit(plan, false));
        assertFalse(Files.exists(temp.resolve("twice")));
    }

    @Test
    void planContentIsCopied() {
        byte[] content = bytes("abc");
        ExportFolder.Plan plan = ExportFolder.plain(temp).plan().add(Kind.RECORD, "a.json", content);
        content[0] = 'z';
        assertArrayEquals(bytes("abc"), plan.entries().get(0).content());
    }

    private static void assertNoTemporaries(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> temporaries = walk.filter(p -> p.getFileName().toString().endsWith(".tmp")).collect(Collectors.toList());
            assertEquals(List.of(), temporaries);
        }
    }
}
