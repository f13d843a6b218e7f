package io.charagen.generator.portrait;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * Finds the head in a front-facing standing frame from the figure itself and crops it square,
 * scaled to a portrait network's resolution, as the target of a projection.
 *
 * <p>The figure is the frame's opaque pixels (alpha at least 128). Going down from its top, the
 * head ends at the neck: the row in the band {@value #BAND_TOP} .. {@value #BAND_BOTTOM} of the
 * figure height whose opaque width is smallest relative to the widest rows above it (the head)
 * and below it (the shoulders), if it is clearly narrower than both. Figures without such a
 * neck (long hair, armour, blobs) fall back to the strongest change of colour down the middle
 * of the figure in that band, and then to {@value #FALLBACK_FRACTION} of the height, between
 * the LPC body's proportions (head about a third) and RPG Maker chibis (about a half).
 *
 * <p>The square box is {@value #BOX_SCALE} times the head's larger side, centred on the head
 * horizontally, with 30% of the spare height above the head and 70% below (neck and shoulders),
 * like a face portrait. Where it passes the frame's edge it is padded with transparent pixels
 * rather than moved, so the head stays centred.
 *
 * <p>Scaling is bilinear on premultiplied alpha: a portrait network draws smooth shapes and
 * cannot reproduce the staircase edges of nearest-neighbour scaling, so a smooth target leaves
 * the projection's pixel loss less to chase that no w can fit; premultiplying keeps the colour of
 * transparent pixels out of the figure's edge.
 */
public final class HeadCrop {

    static final double BAND_TOP = 0.15;
    static final double BAND_BOTTOM = 0.6;
    /** Rows below the neck (as a fraction of the height) searched for the shoulders' width. */
    static final double SHOULDER_BOTTOM = 0.75;
    /** A neck is at most this fraction of the narrower of head and shoulders. */
    static final double NECK_RATIO = 0.8;
    /** Smallest mean-colour step (RGB distance) between rows that counts as the chin. */
    static final double COLOUR_STEP = 48;
    static final double FALLBACK_FRACTION = 0.4;
    /** The upper part of the head rows whose opaque columns give the head's width. */
    static final double HEAD_COLUMNS_FRACTION = 0.75;
    static final double BOX_SCALE = 1.35;
    static final double SPARE_ABOVE = 0.3;
    /** Background of the crop when none is given. */
    public static final int NEUTRAL_GREY = 0x808080;

    private HeadCrop() {
    }

    /**
     * The head crop.
     *
     * @param image      portraitResolution x portraitResolution RGB, transparent parts filled with the background
     * @param mask       [resolution * resolution], row-major: 1 on the figure, 0 elsewhere
     * @param sourceBox  the square cropped, in frame coordinates (it may reach past the frame's edges)
     * @param head       the head's bounding box in frame coordinates (top of figure to the neck)
     * @param neckRow    the first frame row below the head
     * @param neckMethod how the neck was found
     */
    public record Result(BufferedImage image, float[] mask, Rectangle sourceBox, Rectangle head, int neckRow,
                         NeckMethod neckMethod) {

        /** One line for a log. */
        public String summary() {
            return "head " + head.width + "x" + head.height + " at (" + head.x + ", " + head.y + "), neck at row "
                    + neckRow + " (" + neckMethod.description() + "); crop " + sourceBox.width + "x" + sourceBox.height
                    + " at (" + sourceBox.x + ", " + sourceBox.y + ") -> " + image.getWidth() + "x" + image.getHeight();
        }
    }

    /**
     * @param standingFront  the front-facing standing frame (ARGB; its opaque pixels are the figure)
     * @param portraitResolution side of the portrait network's images
     * @param backgroundRgb  0xRRGGBB behind the figure, or null for {@link #NEUTRAL_GREY}
     * @throws IllegalArgumentException when the frame has no opaque pixels or an argument is out of range
     */
    public static Result find(BufferedImage standingFront, int portraitResolution, Integer backgroundRgb) {
        if (portraitResolution <= 0) {
            throw new IllegalArgumentException("portraitResolution is " + portraitResolution + ", expected at least 1");
        }
        if (backgroundRgb != null && (backgroundRgb & ~0xFFFFFF) != 0) {
            throw new IllegalArgumentException("backgroundRgb 0x" + Integer.toHexString(backgroundRgb)
                    + " is not a 0xRRGGBB colour");
        }
        Figure figure = Figure.of(standingFront);
        if (figure.bounds == null) {
            throw new IllegalArgumentException("the standing front frame (" + standingFront.getWidth() + "x"
                    + standingFront.getHeight() + ") has no opaque pixels: there is no figure to find a head in");
        }
        Neck neck = findNeck(figure);
        // the head's columns come from its upper rows: just above a neck found late (by colour or
        // fraction) the rows may already hold shoulders or hair spread over them
        int top = figure.bounds.y;
        Rectangle upper = figure.boundsOfRows(top, top + (int) Math.ceil(HEAD_COLUMNS_FRACTION * (neck.row - top)));
        Rectangle head = new Rectangle(upper.x, top, upper.width, neck.row - top);
        Rectangle box = box(head);
        Resampled crop = Resampled.of(figure, box, portraitResolution, backgroundRgb == null ? NEUTRAL_GREY : backgroundRgb);
        return new Result(crop.image, crop.mask, box, head, neck.row, neck.method);
    }

    private record Neck(int row, NeckMethod method) {
    }

    private static Neck findNeck(Figure f) {
        int top = f.bounds.y;
        int h = f.bounds.height;
        int from = top + Math.max(1, (int) Math.round(BAND_TOP * h));
        int to = Math.min(top + h - 1, top + (int) Math.round(BAND_BOTTOM * h));
        int shoulderEnd = Math.min(top + h - 1, top + (int) Math.round(SHOULDER_BOTTOM * h));
        int best = -1;
        double bestScore = NECK_RATIO;
        for (int y = from; y <= to; y++) {
            int head = f.maxWidth(top, y - 1);
            int shoulders = f.maxWidth(y + 1, shoulderEnd);
            int narrower = Math.min(head, shoulders);
            if (narrower == 0) {
                continue;
            }
            double score = (double) f.width(y) / narrower;
            if (score < bestScore - 1e-9) {
                best = y;
                bestScore = score;
            }
        }
        if (best >= 0) {
            return new Neck(best, NeckMethod.WIDTH_PROFILE);
        }
        int chin = f.strongestColourStep(from, to);
        if (chin >= 0) {
            return new Neck(chin, NeckMethod.COLOUR_CHANGE);
        }
        return new Neck(top + Math.max(1, (int) Math.round(FALLBACK_FRACTION * h)), NeckMethod.FIXED_FRACTION);
    }

    /** The square portrait box around {@code head}. */
    static Rectangle box(Rectangle head) {
        int side = Math.max(1, (int) Math.round(BOX_SCALE * Math.max(head.width, head.height)));
        double centreX = head.x + head.width / 2.0;
        int x = (int) Math.round(centreX - side / 2.0);
        int y = head.y - (int) Math.round((side - head.height) * SPARE_ABOVE);
        return new Rectangle(x, y, side, side);
    }
}
