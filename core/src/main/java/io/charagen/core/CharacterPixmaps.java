package io.charagen.core;

import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A character's pixels as Pixmaps, made off the render thread so that the render thread only
 * uploads them: the 3 x 4 walk sheet (plus a fifth row of 4 extra passing frames, one per
 * direction, when the model draws them) and one Pixmap per face.
 */
final class CharacterPixmaps implements Disposable {

    final CharacterArt art;
    final Pixmap sheet;
    final Map<String, Pixmap> faces = new LinkedHashMap<>();
    private boolean disposed;

    CharacterPixmaps(CharacterArt art) {
        this.art = art;
        CharacterFrames frames = art.frames();
        int w = frames.frameWidth();
        int h = frames.frameHeight();
        boolean extra = frames.extraFrame(Direction.DOWN).isPresent();
        int across = extra ? Direction.values().length : CharacterFrames.PATTERNS;
        sheet = new Pixmap(across * w, (Direction.values().length + (extra ? 1 : 0)) * h, Pixmap.Format.RGBA8888);
        try {
            for (Direction d : Direction.values()) {
                for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                    copy(frames.frame(d, p), sheet, p * w, d.ordinal() * h);
                }
            }
            if (extra) {
                for (Direction d : Direction.values()) {
                    copy(frames.extraFrame(d).orElseThrow(), sheet, d.ordinal() * w, Direction.values().length * h);
                }
            }
            for (Map.Entry<String, BufferedImage> face : art.faces().entrySet()) {
                Pixmap pixmap = new Pixmap(face.getValue().getWidth(), face.getValue().getHeight(), Pixmap.Format.RGBA8888);
                faces.put(face.getKey(), pixmap);
                copy(face.getValue(), pixmap, 0, 0);
            }
        } catch (RuntimeException e) {
            dispose();
            throw e;
        }
    }

    /** Copies ARGB pixels into an RGBA8888 pixmap at (x, y). */
    static void copy(BufferedImage image, Pixmap into, int x, int y) {
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        ByteBuffer pixels = into.getPixels();
        int stride = into.getWidth() * 4;
        for (int row = 0; row < h; row++) {
            int at = (y + row) * stride + x * 4;
            for (int col = 0; col < w; col++) {
                int c = argb[row * w + col];
                pixels.put(at++, (byte) (c >> 16));
                pixels.put(at++, (byte) (c >> 8));
                pixels.put(at++, (byte) c);
                pixels.put(at++, (byte) (c >>> 24));
            }
        }
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        sheet.dispose();
        faces.values().forEach(Pixmap::dispose);
    }
}
