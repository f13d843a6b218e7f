package io.charagen.generator.sheet;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One character's walk frames, all the same size: 4 directions x 3 RPG Maker animation patterns
 * (pattern 1 is the standing pose; walking plays 0, 1, 2, 1), plus an optional extra passing frame
 * per direction for smoother engines. Frames are ARGB images; nothing here copies them, so treat
 * them as read-only.
 */
public final class CharacterFrames {

    /** RPG Maker's animation patterns per direction. */
    public static final int PATTERNS = 3;
    /** The standing pattern. */
    public static final int STANDING = 1;

    private final BufferedImage[][] frames;
    private final BufferedImage[] extra;
    private final int frameWidth;
    private final int frameHeight;

    /**
     * @param frames [direction ordinal][pattern], 4 x 3 images of one size
     * @param extra  one image per direction ordinal, or null when the model has no extra frame
     */
    public CharacterFrames(BufferedImage[][] frames, BufferedImage[] extra) {
        if (frames.length != Direction.values().length) {
            throw new IllegalArgumentException("expected frames for 4 directions, got " + frames.length);
        }
        this.frameWidth = frames[0][0].getWidth();
        this.frameHeight = frames[0][0].getHeight();
        this.frames = new BufferedImage[frames.length][];
        for (int d = 0; d < frames.length; d++) {
            if (frames[d].length != PATTERNS) {
                throw new IllegalArgumentException("expected " + PATTERNS + " patterns for " + Direction.values()[d].key()
                        + ", got " + frames[d].length);
            }
            for (BufferedImage f : frames[d]) {
                checkSize(f);
            }
            this.frames[d] = frames[d].clone();
        }
        if (extra != null) {
            if (extra.length != Direction.values().length) {
                throw new IllegalArgumentException("expected 4 extra frames, got " + extra.length);
            }
            Arrays.stream(extra).forEach(this::checkSize);
        }
        this.extra = extra == null ? null : extra.clone();
    }

    private void checkSize(BufferedImage f) {
        Objects.requireNonNull(f, "frame");
        if (f.getWidth() != frameWidth || f.getHeight() != frameHeight) {
            throw new IllegalArgumentException("frames differ in size: " + f.getWidth() + "x" + f.getHeight()
                    + " and " + frameWidth + "x" + frameHeight);
        }
    }

    public BufferedImage frame(Direction direction, int pattern) {
        return frames[direction.ordinal()][pattern];
    }

    /** The extra passing frame of {@code direction}, if the model draws one. */
    public Optional<BufferedImage> extraFrame(Direction direction) {
        return extra == null ? Optional.empty() : Optional.of(extra[direction.ordinal()]);
    }

    /** The front-facing standing frame (down, pattern 1): where the head is looked for. */
    public BufferedImage standingFront() {
        return frame(Direction.DOWN, STANDING);
    }

    public int frameWidth() {
        return frameWidth;
    }

    public int frameHeight() {
        return frameHeight;
    }
}
