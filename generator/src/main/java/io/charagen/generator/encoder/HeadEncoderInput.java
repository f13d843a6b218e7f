package io.charagen.generator.encoder;

import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * What a head encoder reads, as its card's {@code input} describes it, and the tensor it makes of a
 * character's frames: for each direction of {@code frames}, in order, the standing frame (pattern
 * {@code pattern}) of the cleaned sprite, its top {@code rows} rows, as four channels: R, G and B
 * scaled to [-1, 1] times the figure mask, then the mask (1 where alpha >= {@code maskAlphaAtLeast},
 * else 0). The toolkit's {@code head_encoder/inputs.py} builds the same tensor.
 *
 * <p>The encoder reads {@code width} x {@code width} frames (RPG Maker's 48 x 48); frames of another
 * size are scaled to that first, nearest neighbour, so the mask stays binary.
 *
 * @param frames           the directions read, in channel order
 * @param pattern          the animation pattern read (1: standing)
 * @param rows             rows read from the top of each frame, where the head and hair are
 * @param width            the frame size the encoder reads, in pixels
 * @param maskAlphaAtLeast the alpha from which a pixel belongs to the figure
 */
public record HeadEncoderInput(List<Direction> frames, int pattern, int rows, int width, int maskAlphaAtLeast) {

    /** Channels per frame: R, G, B, mask. */
    public static final int CHANNELS_PER_FRAME = 4;

    public HeadEncoderInput {
        frames = List.copyOf(frames);
        if (frames.isEmpty() || frames.stream().distinct().count() != frames.size()) {
            throw new IllegalArgumentException("frames " + frames + ": expected 1 to 4 different directions");
        }
        if (pattern < 0 || pattern >= CharacterFrames.PATTERNS) {
            throw new IllegalArgumentException("pattern " + pattern + ": expected 0 to " + (CharacterFrames.PATTERNS - 1));
        }
        if (width < 1 || rows < 1 || rows > width) {
            throw new IllegalArgumentException("rows " + rows + " of width " + width + ": expected 1 <= rows <= width");
        }
        if (maskAlphaAtLeast < 1 || maskAlphaAtLeast > 255) {
            throw new IllegalArgumentException("mask alpha " + maskAlphaAtLeast + ": expected 1 to 255");
        }
    }

    /** Channels of the tensor: four per frame. */
    public int channels() {
        return CHANNELS_PER_FRAME * frames.size();
    }

    /** The input tensor [channels, rows, width], channel-major, of {@code character}'s frames. */
    public float[] tensor(CharacterFrames character) {
        Objects.requireNonNull(character, "character");
        int plane = rows * width;
        float[] out = new float[channels() * plane];
        for (int f = 0; f < frames.size(); f++) {
            BufferedImage frame = character.frame(frames.get(f), pattern);
            int base = f * CHANNELS_PER_FRAME * plane;
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < width; x++) {
                    int argb = frame.getRGB(x * frame.getWidth() / width, y * frame.getHeight() / width);
                    float mask = (argb >>> 24) >= maskAlphaAtLeast ? 1f : 0f;
                    int p = y * width + x;
                    out[base + p] = unit((argb >> 16) & 0xff) * mask;
                    out[base + plane + p] = unit((argb >> 8) & 0xff) * mask;
                    out[base + 2 * plane + p] = unit(argb & 0xff) * mask;
                    out[base + 3 * plane + p] = mask;
                }
            }
        }
        return out;
    }

    /** An 8-bit value in [-1, 1], in float32 as the toolkit computes it. */
    private static float unit(int value) {
        return value / 127.5f - 1f;
    }
}
