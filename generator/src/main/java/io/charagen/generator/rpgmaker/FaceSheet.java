package io.charagen.generator.rpgmaker;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * RPG Maker MV/MZ face sheets ({@code img/faces/}): 576 x 288, eight 144 x 144 faces, 4 across by
 * 2 down, index 0..7 row-major. Portraits come at the portrait network's resolution (64, 256, ...)
 * and are resampled to 144 x 144: area averaging where they shrink, the Catmull-Rom cubic where
 * they grow, both on alpha-premultiplied colour. A portrait that is not square is scaled to fit
 * and centred in its slot. Empty slots are transparent.
 */
public final class FaceSheet {

    /** The side of one face in pixels. */
    public static final int FACE_SIZE = 144;
    /** Faces across a sheet. */
    public static final int ACROSS = 4;
    /** Faces down a sheet. */
    public static final int DOWN = 2;
    /** Faces in a sheet. */
    public static final int SLOTS = ACROSS * DOWN;

    private FaceSheet() {
    }

    /**
     * A face sheet with {@code faces.get(k)} in slot k; a null element, or a slot past the end of
     * the list, stays transparent.
     *
     * @throws IllegalArgumentException if there are more than 8 faces
     */
    public static BufferedImage of(List<BufferedImage> faces) {
        if (faces.size() > SLOTS) {
            throw new IllegalArgumentException("a face sheet holds at most " + SLOTS + " faces, got " + faces.size());
        }
        BufferedImage sheet = new BufferedImage(ACROSS * FACE_SIZE, DOWN * FACE_SIZE, BufferedImage.TYPE_INT_ARGB);
        for (int k = 0; k < faces.size(); k++) {
            BufferedImage face = faces.get(k);
            if (face == null) {
                continue;
            }
            double fit = Math.min((double) FACE_SIZE / face.getWidth(), (double) FACE_SIZE / face.getHeight());
            int w = Math.max(1, Math.min(FACE_SIZE, (int) Math.round(face.getWidth() * fit)));
            int h = Math.max(1, Math.min(FACE_SIZE, (int) Math.round(face.getHeight() * fit)));
            BufferedImage scaled = ImageResampler.resize(face, w, h);
            int left = (k % ACROSS) * FACE_SIZE + (FACE_SIZE - w) / 2;
            int top = (k / ACROSS) * FACE_SIZE + (FACE_SIZE - h) / 2;
            sheet.setRGB(left, top, w, h, scaled.getRGB(0, 0, w, h, null, 0, w), 0, w);
        }
        return sheet;
    }
}
