package io.charagen.generator.pixelart;

/**
 * How {@link SpriteCleanup} turns a network's canvas into crisp pixel art.
 *
 * @param paletteSize         most colours in the cleaned character, outline included (2..256)
 * @param outlineRgb          colour (0xRRGGBB) of a 1-px outline around the figure, or null for none
 * @param backgroundTolerance Euclidean RGB distance (0..442) within which a pixel counts as background
 * @param minSpeckPixels      opaque 8-connected blobs smaller than this are removed (0 or 1: keep all)
 */
public record CleanupOptions(int paletteSize, Integer outlineRgb, int backgroundTolerance, int minSpeckPixels) {

    /** Largest RGB distance there is: black to white. */
    public static final int MAX_DISTANCE = 442;

    public CleanupOptions {
        if (paletteSize < 2 || paletteSize > 256) {
            throw new IllegalArgumentException("paletteSize is " + paletteSize + ", expected 2..256");
        }
        if (outlineRgb != null && (outlineRgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("outlineRgb 0x" + Integer.toHexString(outlineRgb)
                    + " is not a 0xRRGGBB colour");
        }
        if (backgroundTolerance < 0 || backgroundTolerance > MAX_DISTANCE) {
            throw new IllegalArgumentException("backgroundTolerance is " + backgroundTolerance + ", expected 0.."
                    + MAX_DISTANCE);
        }
        if (minSpeckPixels < 0) {
            throw new IllegalArgumentException("minSpeckPixels is " + minSpeckPixels + ", expected 0 or more");
        }
    }

    /**
     * 32 colours, no outline, tolerance 48 (the training background is at least 115 from every
     * LPC colour, so 48 leaves room for network noise on both sides), specks under 3 pixels removed.
     */
    public static CleanupOptions defaults() {
        return new CleanupOptions(32, null, 48, 3);
    }

    public CleanupOptions withPaletteSize(int size) {
        return new CleanupOptions(size, outlineRgb, backgroundTolerance, minSpeckPixels);
    }

    public CleanupOptions withOutline(Integer rgb) {
        return new CleanupOptions(paletteSize, rgb, backgroundTolerance, minSpeckPixels);
    }

    public CleanupOptions withBackgroundTolerance(int tolerance) {
        return new CleanupOptions(paletteSize, outlineRgb, tolerance, minSpeckPixels);
    }

    public CleanupOptions withMinSpeckPixels(int pixels) {
        return new CleanupOptions(paletteSize, outlineRgb, backgroundTolerance, pixels);
    }
}
