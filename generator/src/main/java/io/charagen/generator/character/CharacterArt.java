package io.charagen.generator.character;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a character looks like and how to make it again: its cleaned walk frames, a face per
 * expression (none for a sprite-only preview), and its record. This is what gets exported, cached
 * and shown; the pipeline's working images ({@link Character}) are not kept.
 *
 * @param faces expression name to portrait, in face-sheet order; empty for a sprite-only preview
 */
public record CharacterArt(CharacterRecord record, CharacterFrames frames, Map<String, BufferedImage> faces) {

    public CharacterArt {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(frames, "frames");
        faces = Collections.unmodifiableMap(new LinkedHashMap<>(faces));
    }

    public String name() {
        return record.spec().name();
    }

    /** The same pixels under another name (a record names the character its files are named after). */
    public CharacterArt withName(String newName) {
        return new CharacterArt(record.withName(newName), frames, faces);
    }

    public boolean hasFaces() {
        return !faces.isEmpty();
    }

    /** Pixel memory held, in bytes (4 per pixel): what a size-bounded cache counts. */
    public long pixelBytes() {
        long pixels = 0;
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                pixels += area(frames.frame(d, p));
            }
            pixels += frames.extraFrame(d).map(CharacterArt::area).orElse(0L);
        }
        for (BufferedImage face : faces.values()) {
            pixels += area(face);
        }
        return 4 * pixels;
    }

    private static long area(BufferedImage image) {
        return (long) image.getWidth() * image.getHeight();
    }
}
