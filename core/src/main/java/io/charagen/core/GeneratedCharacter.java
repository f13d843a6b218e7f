package io.charagen.core;

import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.Animation;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A character ready to draw: its walk sheet as one Texture with a region per frame, an
 * {@link Animation} per direction that plays RPG Maker's patterns 0, 1, 2, 1, and a portrait per
 * expression. Made on the render thread by a {@link CharacterGenerator}; the receiver owns it and
 * disposes it (twice is harmless). Textures are filtered nearest, as pixel art wants.
 */
public final class GeneratedCharacter implements Disposable {

    /** RPG Maker MV's walking pace at normal speed: a pattern every 15 frames of 60. */
    public static final float WALK_FRAME_SECONDS = 0.25f;
    private static final int[] WALK_PATTERNS = {0, 1, 2, 1};

    private final CharacterArt art;
    private final Texture sheet;
    private final Map<Direction, TextureRegion[]> frames = new EnumMap<>(Direction.class);
    private final Map<Direction, TextureRegion> extra = new EnumMap<>(Direction.class);
    private final Map<Direction, Animation<TextureRegion>> walks = new EnumMap<>(Direction.class);
    private final Map<String, Texture> faceTextures = new LinkedHashMap<>();
    private final Map<String, TextureRegion> portraits = new LinkedHashMap<>();
    private boolean disposed;

    /** Uploads {@code pixmaps} (which stay the caller's to dispose). Render thread only. */
    GeneratedCharacter(CharacterPixmaps pixmaps) {
        this.art = pixmaps.art;
        this.sheet = texture(pixmaps.sheet);
        try {
            int w = art.frames().frameWidth();
            int h = art.frames().frameHeight();
            for (Direction d : Direction.values()) {
                TextureRegion[] row = new TextureRegion[CharacterFrames.PATTERNS];
                for (int p = 0; p < row.length; p++) {
                    row[p] = new TextureRegion(sheet, p * w, d.ordinal() * h, w, h);
                }
                frames.put(d, row);
                List<TextureRegion> walk = new ArrayList<>();
                for (int p : WALK_PATTERNS) {
                    walk.add(row[p]);
                }
                walks.put(d, new Animation<>(WALK_FRAME_SECONDS, walk.toArray(TextureRegion[]::new)));
                walks.get(d).setPlayMode(Animation.PlayMode.LOOP);
                if (art.frames().extraFrame(d).isPresent()) {
                    extra.put(d, new TextureRegion(sheet, d.ordinal() * w, Direction.values().length * h, w, h));
                }
            }
            for (Map.Entry<String, Pixmap> face : pixmaps.faces.entrySet()) {
                Texture texture = texture(face.getValue());
                faceTextures.put(face.getKey(), texture);
                portraits.put(face.getKey(), new TextureRegion(texture));
            }
        } catch (RuntimeException e) {
            dispose();
            throw e;
        }
    }

    private static Texture texture(Pixmap pixmap) {
        Texture texture = new Texture(pixmap);
        texture.setFilter(Texture.TextureFilter.Nearest, Texture.TextureFilter.Nearest);
        return texture;
    }

    public String name() {
        return art.name();
    }

    /** How to make this character again (models, seed, presets...). */
    public CharacterRecord record() {
        return art.record();
    }

    /** The pixels behind the textures, for export (see {@code CharacterExport}). */
    public CharacterArt art() {
        return art;
    }

    /** The walk sheet: 3 patterns across, 4 directions down (down, left, right, up). */
    public Texture sheet() {
        return sheet;
    }

    public int frameWidth() {
        return art.frames().frameWidth();
    }

    public int frameHeight() {
        return art.frames().frameHeight();
    }

    /** One frame: {@code pattern} 0..2, where 1 is standing. */
    public TextureRegion frame(Direction direction, int pattern) {
        return frames.get(direction)[pattern];
    }

    public TextureRegion standing(Direction direction) {
        return frame(direction, CharacterFrames.STANDING);
    }

    /** The walk toward {@code direction}: patterns 0, 1, 2, 1, looping. */
    public Animation<TextureRegion> walk(Direction direction) {
        return walks.get(direction);
    }

    /** The extra passing frame, when the sprite model draws one. */
    public Optional<TextureRegion> extraFrame(Direction direction) {
        return Optional.ofNullable(extra.get(direction));
    }

    /** Expression names in face-sheet order; empty for a sprite-only preview. */
    public List<String> expressions() {
        return List.copyOf(portraits.keySet());
    }

    public boolean hasPortraits() {
        return !portraits.isEmpty();
    }

    /** The portrait with {@code expression}, or an error naming those there are. */
    public TextureRegion portrait(String expression) {
        TextureRegion region = portraits.get(expression);
        if (region == null) {
            throw new IllegalArgumentException(name() + " has no '" + expression + "' portrait"
                    + (portraits.isEmpty() ? " (it is a sprite-only preview)" : "; it has " + String.join(", ", portraits.keySet())));
        }
        return region;
    }

    public boolean isDisposed() {
        return disposed;
    }

    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        if (sheet != null) {
            sheet.dispose();
        }
        faceTextures.values().forEach(Texture::dispose);
    }
}
