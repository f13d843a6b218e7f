package io.charagen.generator.rpgmaker;

import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.sheet.CharacterFrames;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of an export, named after the user's name for the characters ({@code stem}, already
 * checked by {@link Names#fileStem}).
 * One character: {@code $Stem.png} (its sheet), {@code Stem.png} (its faces, one expression per
 * slot), {@code Stem.gif} (walking preview) and {@code Stem.json} (the record that regenerates it).
 * Several: {@code Stem.png} 8-character sheets ({@code Stem_2.png} for characters 9-16, ...), and
 * per character k (from 1) {@code Stem_k.png} faces, {@code Stem_k.gif} and {@code Stem_k.json}.
 * Characters made without a portrait model have no faces, and their export no faces files.
 */
public final class CharacterExport {

    /** Walking preview: each frame 3x its pixel size, 150 ms per pattern. */
    public static final int GIF_SCALE = 3;
    public static final int GIF_DELAY_MS = 150;

    private CharacterExport() {
    }

    /** The name character {@code index} (from 0) of {@code count} gets in its records and files. */
    public static String characterName(String stem, int index, int count) {
        return count == 1 ? stem : stem + "_" + (index + 1);
    }

    /** One file of an export: what it is, its name, and the characters [from, to) it shows. */
    public record File(ExportFolder.Kind kind, String name, int from, int to) {
    }

    /** The files an export of {@code count} characters with faces writes, in order. */
    public static List<File> files(String stem, int count) {
        return files(stem, count, true);
    }

    /** The files an export of {@code count} characters writes, in order; {@code faces}: with their faces files. */
    public static List<File> files(String stem, int count, boolean faces) {
        List<File> files = new ArrayList<>();
        if (count == 1) {
            files.add(new File(ExportFolder.Kind.CHARACTER, "$" + stem + ".png", 0, 1));
        } else {
            for (int first = 0; first < count; first += CharacterSheet.SLOTS) {
                files.add(new File(ExportFolder.Kind.CHARACTER, sheetName(stem, first, count) + ".png", first,
                        Math.min(count, first + CharacterSheet.SLOTS)));
            }
        }
        for (int i = 0; i < count; i++) {
            String name = characterName(stem, i, count);
            if (faces) {
                files.add(new File(ExportFolder.Kind.FACE, name + ".png", i, i + 1));
            }
            files.add(new File(ExportFolder.Kind.PREVIEW, name + ".gif", i, i + 1));
            files.add(new File(ExportFolder.Kind.RECORD, name + ".json", i, i + 1));
        }
        return files;
    }

    /** The base name (no {@code .png}) of the sheet that holds character {@code index} of {@code count}. */
    static String sheetName(String stem, int index, int count) {
        if (count == 1) {
            return "$" + stem;
        }
        int sheet = index / CharacterSheet.SLOTS;
        return sheet == 0 ? stem : stem + "_" + (sheet + 1);
    }

    /**
     * How RPG Maker actors show the characters of an export of {@code count}: character k's sheet
     * and slot in it, and its face sheet with face {@code faceSlot} (the same expression for all).
     */
    public static List<ActorLook> actorLooks(String stem, int count, int faceSlot) {
        List<ActorLook> looks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            looks.add(new ActorLook(sheetName(stem, i, count), count == 1 ? 0 : i % CharacterSheet.SLOTS,
                    characterName(stem, i, count), faceSlot));
        }
        return looks;
    }

    /**
     * How RPG Maker actors show the characters of an export of {@code count} made without faces:
     * character k's sheet and slot in it; each actor keeps its face.
     */
    public static List<ActorLook> actorLooks(String stem, int count) {
        return actorLooks(stem, count, 0).stream()
                .map(look -> ActorLook.characterOnly(look.characterName(), look.characterIndex())).toList();
    }

    /**
     * The files of {@code files(stem, n)} that already exist in {@code folder}: checked before any
     * character is made, so that a refused export costs no generation time.
     */
    public static List<Path> existing(ExportFolder folder, String stem, int count) {
        return existing(folder, stem, count, true);
    }

    /** As {@link #existing(ExportFolder, String, int)}, for an export with or without faces files. */
    public static List<Path> existing(ExportFolder folder, String stem, int count, boolean faces) {
        List<Path> found = new ArrayList<>();
        for (File file : files(stem, count, faces)) {
            Path target = folder.root().resolve(folder.relativeTarget(file.kind(), file.name()));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                found.add(target);
            }
        }
        return found;
    }

    /**
     * The export of {@code characters}: all with faces, or all without (made without a portrait
     * model), when no faces files are written.
     *
     * @throws IllegalArgumentException if some characters have faces and some do not
     */
    public static ExportFolder.Plan plan(ExportFolder folder, String stem, List<CharacterArt> characters) throws IOException {
        boolean faces = characters.stream().anyMatch(CharacterArt::hasFaces);
        if (faces && !characters.stream().allMatch(CharacterArt::hasFaces)) {
            throw new IllegalArgumentException("an export's characters all have faces or none has: "
                    + characters.stream().filter(c -> !c.hasFaces()).map(CharacterArt::name).toList() + " have none");
        }
        ExportFolder.Plan plan = folder.plan();
        for (File file : files(stem, characters.size(), faces)) {
            byte[] content;
            if (file.kind() == ExportFolder.Kind.CHARACTER) {
                content = characters.size() == 1 ? png(CharacterSheet.single(characters.get(0).frames()))
                        : png(CharacterSheet.group(characters.subList(file.from(), file.to()).stream()
                        .map(CharacterArt::frames).toList()));
            } else {
                CharacterArt character = characters.get(file.from());
                content = switch (file.kind()) {
                    case FACE -> png(FaceSheet.of(List.copyOf(character.faces().values())));
                    case PREVIEW -> gif(character.frames());
                    default -> character.record().toJson().getBytes(StandardCharsets.UTF_8);
                };
            }
            plan.add(file.kind(), file.name(), content);
        }
        return plan;
    }

    private static byte[] gif(CharacterFrames frames) throws IOException {
        ByteArrayOutputStream gif = new ByteArrayOutputStream();
        WalkGif.write(frames, GIF_SCALE, GIF_DELAY_MS, gif);
        return gif.toByteArray();
    }

    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
