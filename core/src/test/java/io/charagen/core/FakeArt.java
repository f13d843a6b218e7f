package io.charagen.core;

import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small characters whose pixels say which seed, direction, pattern and face they are. */
final class FakeArt {

    static final ModelRef SPRITE = new ModelRef("sprite-test", "a".repeat(64));
    static final ModelRef PORTRAIT = new ModelRef("portrait-test", "b".repeat(64));

    private FakeArt() {
    }

    static CharacterSpec spec(String name, long seed) {
        return new CharacterSpec(name, seed, 0.7, null, List.of(new ExpressionChoice("neutral", null)), 32, null, 5);
    }

    static CharacterArt of(CharacterSpec spec, boolean spriteOnly, boolean extra) {
        BufferedImage[][] frames = new BufferedImage[4][3];
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                frames[d.ordinal()][p] = filled(8, 12, 0xff000000 | (int) (spec.seed() * 40) << 16 | d.ordinal() * 60 << 8 | p * 100);
            }
        }
        BufferedImage[] extras = null;
        if (extra) {
            extras = new BufferedImage[4];
            for (Direction d : Direction.values()) {
                extras[d.ordinal()] = filled(8, 12, 0xff7f7f00 | d.ordinal());
            }
        }
        Map<String, BufferedImage> faces = new LinkedHashMap<>();
        if (!spriteOnly) {
            int i = 0;
            for (ExpressionChoice e : spec.expressions()) {
                faces.put(e.name(), filled(16, 16, 0xff00ff00 | i++ * 30));
            }
        }
        CharacterRecord record = new CharacterRecord(spec, SPRITE, PORTRAIT, "cpu", 0.125);
        return new CharacterArt(record, new CharacterFrames(frames, extras), faces);
    }

    static BufferedImage filled(int w, int h, int argb) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, (x + y) % 3 == 0 ? 0 : argb); // some transparent pixels too
            }
        }
        return image;
    }

    static boolean samePixels(BufferedImage a, BufferedImage b) {
        return a.getWidth() == b.getWidth() && a.getHeight() == b.getHeight()
                && java.util.Arrays.equals(a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth()),
                b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth()));
    }

    static boolean sameArt(CharacterArt a, CharacterArt b) {
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                if (!samePixels(a.frames().frame(d, p), b.frames().frame(d, p))) {
                    return false;
                }
            }
            if (a.frames().extraFrame(d).isPresent() != b.frames().extraFrame(d).isPresent()) {
                return false;
            }
            if (a.frames().extraFrame(d).isPresent()
                    && !samePixels(a.frames().extraFrame(d).get(), b.frames().extraFrame(d).get())) {
                return false;
            }
        }
        if (!a.faces().keySet().equals(b.faces().keySet())) {
            return false;
        }
        for (String face : a.faces().keySet()) {
            if (!samePixels(a.faces().get(face), b.faces().get(face))) {
                return false;
            }
        }
        return true;
    }
}
