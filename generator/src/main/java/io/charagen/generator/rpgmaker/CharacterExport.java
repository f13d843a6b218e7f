package io.charagen.generator.rpgmaker;

import io.charagen.generator.character.Character;
import io.charagen.generator.sheet.CharacterFrames;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of an export, named after the user's name for the characters ({@code stem}, already
 * checked by {@link Names#fileStem}).
 * One character: {@code $Stem.png} (its sheet), {@code Stem.png} (its faces, one expression per
 * slot), {@code Stem.gif} (walking preview) and {@code Stem.json} (the record that regenerates it).
 * Several: {@code Stem.png} 8-character sheets ({@code Stem_2.png} for characters 9-16, ...), and
 * per character k (from 1) {@code Stem_k.png} faces, {@code Stem_k.gif} and {@code Stem_k.json}.
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

    public static ExportFolder.Plan plan(ExportFolder folder, String stem, List<Character> characters) throws IOException {
        ExportFolder.Plan plan = folder.plan();
        int count = characters.size();
        if (count == 1) {
            plan.add(ExportFolder.Kind.CHARACTER, "$" + stem + ".png", png(CharacterSheet.single(characters.get(0).frames())));
        } else {
            for (int first = 0; first < count; first += CharacterSheet.SLOTS) {
                List<CharacterFrames> group = new ArrayList<>();
                characters.subList(first, Math.min(count, first + CharacterSheet.SLOTS)).forEach(c -> group.add(c.frames()));
                String name = first == 0 ? stem : stem + "_" + (first / CharacterSheet.SLOTS + 1);
                plan.add(ExportFolder.Kind.CHARACTER, name + ".png", png(CharacterSheet.group(group)));
            }
        }
        for (int i = 0; i < count; i++) {
            Character character = characters.get(i);
            String name = characterName(stem, i, count);
            plan.add(ExportFolder.Kind.FACE, name + ".png", png(FaceSheet.of(List.copyOf(character.faces().values()))));
            ByteArrayOutputStream gif = new ByteArrayOutputStream();
            WalkGif.write(character.frames(), GIF_SCALE, GIF_DELAY_MS, gif);
            plan.add(ExportFolder.Kind.PREVIEW, name + ".gif", gif.toByteArray());
            plan.add(ExportFolder.Kind.RECORD, name + ".json", character.record().toJson().getBytes(StandardCharsets.UTF_8));
        }
        return plan;
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
