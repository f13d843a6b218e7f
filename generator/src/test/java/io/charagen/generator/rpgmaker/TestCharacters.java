package io.charagen.generator.rpgmaker;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;

/**
 * Characters whose frames are filled with a marker colour per (character, direction, pattern), so
 * tests can tell where each frame ended up. Pixel (0, 0) of every frame is fully transparent and
 * pixel (1, 0) is half transparent, to check that alpha survives.
 */
final class TestCharacters {

    static final int HALF_ALPHA = 0x80;

    private TestCharacters() {
    }

    static int marker(int character, Direction d, int pattern) {
        return 0xff000000 | ((30 + 25 * character) << 16) | ((20 + 60 * d.ordinal()) << 8) | (10 + 100 * pattern);
    }

    static CharacterFrames character(int id, int frameWidth, int frameHeight) {
        BufferedImage[][] frames = new BufferedImage[4][CharacterFrames.PATTERNS];
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                BufferedImage f = new BufferedImage(frameWidth, frameHeight, BufferedImage.TYPE_INT_ARGB);
                for (int y = 0; y < frameHeight; y++) {
                    for (int x = 0; x < frameWidth; x++) {
                        f.setRGB(x, y, marker(id, d, p));
                    }
                }
                f.setRGB(0, 0, 0);
                f.setRGB(1, 0, (HALF_ALPHA << 24) | (marker(id, d, p) & 0xffffff));
                frames[d.ordinal()][p] = f;
            }
        }
        return new CharacterFrames(frames, null);
    }
}
