package io.charagen.generator.rpgmaker;

import io.charagen.generator.io.SafeFiles;
import io.charagen.generator.io.WriteAccess;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where exported files go: a plain folder, or an RPG Maker MV/MZ project. Files are first
 * collected in a {@link Plan}, then {@link #commit committed} together: every target is checked
 * before the first byte is written, so a refused name, an escape from the folder or a file that
 * already exists leaves the disk untouched.
 *
 * <p>In a project, character sheets go to {@code img/characters/}, faces to {@code img/faces/},
 * and previews and records to {@code charagen/} (so they stay out of the engine's folders). Every
 * project file that a commit replaces is first copied to
 * {@code charagen-backup/<yyyyMMdd-HHmmss[-n]>/<same relative path>}, in a backup folder of its
 * own. A plain folder mirrors that: sheets go to {@code characters/} and {@code faces/} (a
 * character's {@code $Name.png} and its faces' {@code Name.png} can then share a name, as in a
 * project), previews and records to the folder itself; with {@code force} an existing file is
 * replaced without a backup.
 *
 * <p>A plan may also {@link Plan#replace replace} a file on purpose, such as {@code data/Actors.json}
 * with some actors changed: it is replaced without {@code force}, but only while it still holds the
 * bytes the change was made from, and it is written last, after every file it may refer to.
 *
 * <p>Before anything is written, every file to be replaced must be writable (not read-only, not
 * locked) and so must every folder written into. Each file is written atomically (temporary file,
 * then rename), but a commit of several files is not one transaction: if the disk fails or the
 * process is killed half-way, the files written so far stay (in a project, with their backups), and
 * each file is either whole and old or whole and new.
 */
public final class ExportFolder {

    /** What an exported file is; it decides the sub-folder in a project. */
    public enum Kind {
        /** A character sheet ({@code $Name.png} or an 8-character sheet). */
        CHARACTER,
        /** A face sheet. */
        FACE,
        /** A preview, such as the walking GIF. */
        PREVIEW,
        /** The JSON record that regenerates a character. */
        RECORD,
        /** A file of a project's database ({@code data/}), such as Actors.json; only in a project. */
        DATA
    }

    /** The project folder that receives backups of replaced files. */
    public static final String BACKUP_FOLDER = "charagen-backup";
    /** The project folder for previews and records. */
    public static final String OWN_FOLDER = "charagen";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;
    private final boolean project;
    private final Clock clock;

    private ExportFolder(Path root, boolean project, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.project = project;
        this.clock = clock;
    }

    /** A plain folder: every file goes to {@code dir/<file>}; dir is made on commit if missing. */
    public static ExportFolder plain(Path dir) {
        return new ExportFolder(Objects.requireNonNull(dir, "dir"), false, Clock.systemDefaultZone());
    }

    /**
     * An RPG Maker MV or MZ project.
     *
     * @throws IllegalArgumentException if {@code dir} is not one: it must hold {@code img} and
     *                                  {@code data} folders and one of {@code Game.rpgproject},
     *                                  {@code js/rpg_core.js} (MV), {@code game.rmmzproject},
     *                                  {@code js/rmmz_core.js} (MZ)
     */
    public static ExportFolder rpgMakerProject(Path dir) {
        return rpgMakerProject(dir, Clock.systemDefaultZone());
    }

    /** As {@link #rpgMakerProject(Path)}, with the clock that names backup folders. */
    static ExportFolder rpgMakerProject(Path dir, Clock clock) {
        Objects.requireNonNull(dir, "dir");
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " is not an RPG Maker MV/MZ project: it is not a folder");
        }
        List<String> missing = new ArrayList<>();
        if (!(Files.isRegularFile(dir.resolve("Game.rpgproject")) || Files.isRegularFile(dir.resolve("js/rpg_core.js"))
                || Files.isRegularFile(dir.resolve("game.rmmzproject"))
                || Files.isRegularFile(dir.resolve("js/rmmz_core.js")))) {
            missing.add("no Game.rpgproject or js/rpg_core.js (MV), no game.rmmzproject or js/rmmz_core.js (MZ)");
        }
        for (String folder : List.of("img", "data")) {
            if (!Files.isDirectory(dir.resolve(folder))) {
                missing.add("no " + folder + " folder");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(dir + " is not an RPG Maker MV/MZ project: " + String.join("; ", missing));
        }
        return new ExportFolder(dir, true, clock);
    }

    /** The folder itself (absolute). */
    public Path root() {
        return root;
    }

    /** Whether this is an RPG Maker project (with sub-folders per kind and backups). */
    public boolean isProject() {
        return project;
    }

    /** Where a file of {@code kind} named {@code fileName} goes, relative to {@link #root()}. */
    public Path relativeTarget(Kind kind, String fileName) {
        Path name = Path.of(Names.fileName(fileName));
        return switch (kind) {
            case CHARACTER -> (project ? Path.of("img", "characters") : Path.of("characters")).resolve(name);
            case FACE -> (project ? Path.of("img", "faces") : Path.of("faces")).resolve(name);
            case PREVIEW, RECORD -> project ? Path.of(OWN_FOLDER).resolve(name) : name;
            case DATA -> {
                if (!project) {
                    throw new IllegalArgumentException(fileName + ": only an RPG Maker project has a data folder");
                }
                yield Path.of("data").resolve(name);
            }
        };
    }

    /** A new, empty plan for this folder. */
    public Plan plan() {
        return new Plan();
    }

    /** Files to write together; names are checked as they are added. */
    public static final class Plan {

        /**
         * One file of a plan.
         *
         * @param current for a file replaced on purpose, the bytes it must still hold; null for a
         *                file that may only be replaced with {@code force}
         */
        public record Entry(Kind kind, String fileName, byte[] content, byte[] current) {
            public Entry {
                Objects.requireNonNull(kind, "kind");
                Names.fileName(fileName);
                content = content.clone();
                current = current == null ? null : current.clone();
            }

            @Override
            public byte[] content() {
                return content.clone();
            }

            @Override
            public byte[] current() {
                return current == null ? null : current.clone();
            }

            /** Whether this entry replaces an existing file on purpose. */
            public boolean replaces() {
                return current != null;
            }
        }

        private final List<Entry> entries = new ArrayList<>();

        private Plan() {
        }

        /**
         * Adds a file.
         *
         * @throws IllegalArgumentException if {@code fileName} is not a safe file name (see
         *                                  {@link Names#fileName})
         */
        public Plan add(Kind kind, String fileName, byte[] content) {
            entries.add(new Entry(kind, fileName, content, null));
            return this;
        }

        /**
         * Adds a change to a file that exists and holds {@code current}: it is replaced by
         * {@code content} without {@code force}, after a backup, and after the plan's other files.
         *
         * @throws IllegalArgumentException if {@code fileName} is not a safe file name
         */
        public Plan replace(Kind kind, String fileName, byte[] current, byte[] content) {
            entries.add(new Entry(kind, fileName, content, Objects.requireNonNull(current, "current")));
            return this;
        }

        /** The files added so far, in order. */
        public List<Entry> entries() {
            return List.copyOf(entries);
        }
    }

    /**
     * Points in a commit where a test may stop the process, to show what a crash there leaves.
     * Package-private: only tests pass one.
     */
    interface Steps {
        Steps NONE = new Steps() {
        };

        /** All checks passed and backups are made; {@code target}'s temporary file is not written yet. */
        default void beforeWrite(Path target) {
        }

        /** {@code target}'s new content is on disk under a temporary name, not renamed yet. */
        default void beforeRename(Path target) {
        }
    }

    /**
     * Writes every file of {@code plan}, after checking all of them.
     *
     * @param force replace existing files (in a project, after backing them up); files the plan
     *              {@link Plan#replace replaces} on purpose do not need it
     * @return the files written, in plan order
     * @throws FileAlreadyExistsException if a target exists and {@code force} is false; it names
     *                                    every such file, and nothing is written
     * @throws IllegalArgumentException   if a target would land outside the folder (a symbolic
     *                                    link on the way), is not a regular file, or appears twice;
     *                                    nothing is written
     * @throws java.nio.file.AccessDeniedException if a file to replace is read-only or locked, or a
     *                                    folder to write into is read-only; nothing is written
     * @throws IOException                if a file replaced on purpose is missing or has changed since
     *                                    its change was made; nothing is written
     */
    public List<Path> commit(Plan plan, boolean force) throws IOException {
        return commit(plan, force, Steps.NONE);
    }

    List<Path> commit(Plan plan, boolean force, Steps steps) throws IOException {
        Path realRoot = realPathOfNearest(root);
        List<Path> targets = new ArrayList<>();
        List<Path> replaced = new ArrayList<>();
        List<Path> overwritten = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Plan.Entry entry : plan.entries) {
            Path relative = relativeTarget(entry.kind(), entry.fileName());
            Path target = root.resolve(relative).normalize();
            if (!target.startsWith(root) || !realPathOfNearest(target.getParent()).startsWith(realRoot)) {
                throw new IllegalArgumentException(target + " would be written outside " + root
                        + " (a symbolic link leads elsewhere); nothing was written");
            }
            if (!seen.add(target)) {
                throw new IllegalArgumentException("the export names " + target + " twice; nothing was written");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IllegalArgumentException(target + " exists and is not a regular file (a folder or a link);"
                            + " refusing to replace it; nothing was written");
                }
                replaced.add(target);
                if (!entry.replaces()) {
                    overwritten.add(target);
                }
            } else if (entry.replaces()) {
                throw new NoSuchFileException(target.toString(), null, "the file to change is gone; nothing was written");
            }
            targets.add(target);
        }
        if (!overwritten.isEmpty() && !force) {
            throw new FileAlreadyExistsException(overwritten.get(0).toString(), null,
                    "already exists" + (overwritten.size() > 1 ? " (so do " + overwritten.subList(1, overwritten.size()) + ")" : "")
                            + "; use --force to replace" + (project ? " (a backup is made first)" : "")
                            + "; nothing was written");
        }
        for (int i = 0; i < targets.size(); i++) {
            Plan.Entry entry = plan.entries.get(i);
            if (entry.replaces() && !Arrays.equals(entry.current, Files.readAllBytes(targets.get(i)))) {
                throw new IOException(targets.get(i) + " has changed since charagen read it (did another program save it?);"
                        + " nothing was written; run the export again");
            }
        }
        for (Path file : replaced) {
            WriteAccess.requireReplaceable(file);
        }
        for (Path target : targets) {
            WriteAccess.requireWritableFolder(nearestExisting(target.getParent()));
        }
        if (project && !replaced.isEmpty()) {
            WriteAccess.requireWritableFolder(nearestExisting(root.resolve(BACKUP_FOLDER)));
            backUp(replaced, realRoot);
        }
        // New files first, then the files changed on purpose (which may refer to the new ones).
        List<Integer> order = new ArrayList<>();
        for (boolean changes : new boolean[] {false, true}) {
            for (int i = 0; i < targets.size(); i++) {
                if (plan.entries.get(i).replaces() == changes) {
                    order.add(i);
                }
            }
        }
        for (int i : order) {
            Path target = targets.get(i);
            Plan.Entry entry = plan.entries.get(i);
            if (!force && !entry.replaces() && Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(target.toString(), null, "appeared while the export was being written;"
                        + " use --force to replace it");
            }
            byte[] content = entry.content;
            steps.beforeWrite(target);
            Path temporary = SafeFiles.writeTemporary(target, out -> out.write(content));
            try {
                steps.beforeRename(target);
                SafeFiles.moveIntoPlace(temporary, target);
            } finally {
                Files.deleteIfExists(temporary);
            }
        }
        return List.copyOf(targets);
    }

    /** {@code path} itself where it exists, or its nearest existing ancestor. */
    private static Path nearestExisting(Path path) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        return existing;
    }

    /** Copies each file into a new, never reused backup folder, keeping its path in the project. */
    private void backUp(List<Path> files, Path realRoot) throws IOException {
        Path backups = root.resolve(BACKUP_FOLDER);
        if (!realPathOfNearest(backups).startsWith(realRoot)) {
            throw new IllegalArgumentException(backups + " leads outside the project (a symbolic link); nothing was written");
        }
        Files.createDirectories(backups);
        String stamp = STAMP.format(LocalDateTime.now(clock));
        Path folder = null;
        for (int n = 0; folder == null; n++) {
            Path candidate = backups.resolve(n == 0 ? stamp : stamp + "-" + n);
            try {
                folder = Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // an earlier backup: try the next suffix
            }
        }
        for (Path file : files) {
            Path copy = folder.resolve(root.relativize(file));
            Files.createDirectories(copy.getParent());
            Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    /**
     * The real path of {@code path} where it exists; where it does not, the real path of its
     * nearest existing ancestor with the missing names appended (they cannot be links yet).
     */
    private static Path realPathOfNearest(Path path) throws IOException {
        Path existing = path.toAbsolutePath().normalize();
        Deque<Path> missing = new ArrayDeque<>();
        while (existing.getParent() != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            missing.push(existing.getFileName());
            existing = existing.getParent();
        }
        Path real = existing.toRealPath();
        while (!missing.isEmpty()) {
            real = real.resolve(missing.pop());
        }
        return real;
    }
}
