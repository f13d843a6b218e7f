package io.charagen.generator.pixelart;

/**
 * What {@link SpriteCleanup} did to a canvas, for the pipeline to print and record.
 *
 * @param background          the colour keyed out (0xRRGGBB), or null when no opaque background was found
 * @param backgroundEstimated whether it was estimated from the cell borders rather than given by the layout
 * @param keyedPixels         pixels made transparent as background
 * @param rimKeyedPixels      rim pixels made transparent as mostly background (the halo, {@link EdgeMatte})
 * @param specks              small blobs removed
 * @param speckPixels         pixels in them
 * @param coloursBefore       distinct opaque colours before quantising
 * @param palette             the opaque ARGB colours of the cleaned frames, outline included, most used first
 * @param outlinePixels       pixels the outline took
 * @param frameWidth          width of every cut frame
 * @param frameHeight         height of every cut frame
 * @param offsetX             how far the frame window moved right of the layout's window (negative: left)
 * @param offsetY             how far it moved down (negative: up)
 * @param grown               whether the frame had to be larger than the layout's window
 */
public record CleanupReport(Integer background, boolean backgroundEstimated, int keyedPixels, int rimKeyedPixels,
                            int specks,
                            int speckPixels, int coloursBefore, int[] palette, int outlinePixels,
                            int frameWidth, int frameHeight, int offsetX, int offsetY, boolean grown) {

    public CleanupReport {
        palette = palette.clone();
    }

    @Override
    public int[] palette() {
        return palette.clone();
    }

    /** One line for a log: background, specks, palette, frame. */
    public String summary() {
        String bg = background == null ? "none found"
                : String.format("#%06x (%s), %d px keyed (%d of them its halo on the figure's rim)",
                background, backgroundEstimated ? "estimated" : "from layout", keyedPixels + rimKeyedPixels,
                rimKeyedPixels);
        return "background " + bg + "; " + specks + " specks (" + speckPixels + " px) removed; " + coloursBefore
                + " colours -> palette of " + palette.length + (outlinePixels > 0 ? " with outline" : "")
                + "; frames " + frameWidth + "x" + frameHeight
                + (offsetX != 0 || offsetY != 0 ? ", window moved by (" + offsetX + ", " + offsetY + ")" : "")
                + (grown ? ", grown past the layout's window so no figure is clipped" : "");
    }
}
