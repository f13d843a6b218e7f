package io.charagen.desktop.ui;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.Pixmap;
import com.badlogic.gdx.graphics.Texture;
import com.badlogic.gdx.graphics.g2d.NinePatch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;

import static io.charagen.desktop.ui.EditorPalette.ACCENT;
import static io.charagen.desktop.ui.EditorPalette.ACCENT_OVER;
import static io.charagen.desktop.ui.EditorPalette.BORDER;
import static io.charagen.desktop.ui.EditorPalette.CONTROL;
import static io.charagen.desktop.ui.EditorPalette.CONTROL_OVER;
import static io.charagen.desktop.ui.EditorPalette.FIELD;
import static io.charagen.desktop.ui.EditorPalette.HEADER;
import static io.charagen.desktop.ui.EditorPalette.PANEL;
import static io.charagen.desktop.ui.EditorPalette.TEXT;
import static io.charagen.desktop.ui.EditorPalette.TEXT_DISABLED;

/**
 * The skin's images, painted into small Pixmaps at start-up so the editor ships no binary
 * assets. White shapes ("white", "rounded", "track", "circle") are meant to be tinted with
 * {@link Skin#newDrawable(String, Color)}; the rest have their colours baked in. Every texture is
 * added to the skin, which disposes it.
 */
final class EditorDrawables {

    /** Corner radius of buttons, fields and panels. */
    static final int RADIUS = 4;
    /** Height of a window's title bar, which is also the window's top padding. */
    static final int WINDOW_HEADER = 28;
    static final int CHECK_BOX = 16;
    /** Transparent space right of a check box, between it and its text. */
    static final int CHECK_GAP = 6;
    static final int KNOB = 16;
    /** A select box's height with the built-in font and 5 pixels above and below the text. */
    static final int SELECT_HEIGHT = 29;

    private static final Color TICK = Color.WHITE;

    private EditorDrawables() {
    }

    static void addTo(Skin skin) {
        Pixmap white = PixmapShapes.blank(1, 1);
        white.setColor(Color.WHITE);
        white.fill();
        skin.add("white", new TextureRegion(texture(skin, "white", white)));

        skin.add("rounded", roundedPatch(skin, "rounded", Color.WHITE, null, RADIUS));
        skin.add("track", roundedPatch(skin, "track", Color.WHITE, null, 3));
        skin.add("panel", roundedPatch(skin, "panel", PANEL, BORDER, RADIUS));
        skin.add("header", roundedPatch(skin, "header", HEADER, BORDER, RADIUS));
        skin.add("field", roundedPatch(skin, "field", FIELD, BORDER, RADIUS));
        skin.add("field-focused", roundedPatch(skin, "field-focused", FIELD, ACCENT, RADIUS));
        skin.add("field-disabled", roundedPatch(skin, "field-disabled", PANEL, PANEL, RADIUS));
        skin.add("window", window(skin));

        skin.add("select", selectPatch(skin, "select", CONTROL, BORDER, TEXT));
        skin.add("select-over", selectPatch(skin, "select-over", CONTROL_OVER, BORDER, TEXT));
        skin.add("select-open", selectPatch(skin, "select-open", CONTROL, ACCENT, TEXT));
        skin.add("select-disabled", selectPatch(skin, "select-disabled", PANEL, PANEL, TEXT_DISABLED));

        skin.add("check-off", checkBox(skin, "check-off", FIELD, BORDER, false));
        skin.add("check-off-over", checkBox(skin, "check-off-over", FIELD, ACCENT_OVER, false));
        skin.add("check-on", checkBox(skin, "check-on", ACCENT, ACCENT, true));
        skin.add("check-on-over", checkBox(skin, "check-on-over", ACCENT_OVER, ACCENT_OVER, true));
        skin.add("check-off-disabled", checkBox(skin, "check-off-disabled", PANEL, CONTROL, false));
        skin.add("check-on-disabled", checkBox(skin, "check-on-disabled", TEXT_DISABLED, TEXT_DISABLED, true));

        Pixmap circle = PixmapShapes.blank(KNOB, KNOB);
        PixmapShapes.circle(circle, KNOB / 2f, KNOB / 2f, KNOB / 2f - 0.5f, Color.WHITE);
        skin.add("circle", new TextureRegion(texture(skin, "circle", circle)));

        Pixmap knob = PixmapShapes.blank(KNOB, KNOB);
        PixmapShapes.circle(knob, KNOB / 2f, KNOB / 2f, KNOB / 2f - 0.5f, ACCENT);
        PixmapShapes.circle(knob, KNOB / 2f, KNOB / 2f, KNOB / 2f - 4f, TEXT);
        skin.add("knob", new TextureRegion(texture(skin, "knob", knob)));
    }

    /**
     * A rounded rectangle as a nine-patch: corners keep their shape, the 2-pixel middle stretches.
     * With a border colour the outline is one pixel of it around the fill.
     */
    private static NinePatch roundedPatch(Skin skin, String name, Color fill, Color border, int radius) {
        int size = radius * 2 + 2;
        Pixmap pixmap = PixmapShapes.blank(size, size);
        if (border == null) {
            PixmapShapes.roundedRect(pixmap, 0, 0, size, size, radius, fill);
        } else {
            PixmapShapes.roundedRect(pixmap, 0, 0, size, size, radius, border);
            PixmapShapes.roundedRect(pixmap, 1, 1, size - 2, size - 2, radius - 1, fill);
        }
        return new NinePatch(texture(skin, name, pixmap), radius, radius, radius, radius);
    }

    /** A bordered panel whose top {@link #WINDOW_HEADER} pixels are a title bar with a line below. */
    private static NinePatch window(Skin skin) {
        int edge = RADIUS + 2;
        int width = edge * 2 + 2;
        int height = WINDOW_HEADER + edge * 2 + 2;
        Pixmap pixmap = PixmapShapes.blank(width, height);
        PixmapShapes.roundedRect(pixmap, 0, 0, width, height, RADIUS + 1, BORDER);
        PixmapShapes.roundedRect(pixmap, 1, 1, width - 2, height - 2, RADIUS, PANEL);
        // Header colour with rounded top corners; its rounded bottom is painted over by the panel.
        PixmapShapes.roundedRect(pixmap, 1, 1, width - 2, WINDOW_HEADER + RADIUS, RADIUS, HEADER);
        PixmapShapes.roundedRect(pixmap, 1, WINDOW_HEADER, width - 2, RADIUS + 1, 0, PANEL);
        PixmapShapes.roundedRect(pixmap, 1, WINDOW_HEADER - 1, width - 2, 1, 0, BORDER);
        return new NinePatch(texture(skin, "window", pixmap), edge, edge, WINDOW_HEADER, edge);
    }

    /**
     * A select box's face: a bordered control with a small down arrow in its right patch. The
     * patch is as tall as a select box with the built-in font, so the arrow is not stretched.
     */
    private static NinePatch selectPatch(Skin skin, String name, Color fill, Color border, Color arrow) {
        int right = 26;
        int width = RADIUS + 2 + right;
        int height = SELECT_HEIGHT;
        int half = (height - 2) / 2;
        Pixmap pixmap = PixmapShapes.blank(width, height);
        PixmapShapes.roundedRect(pixmap, 0, 0, width, height, RADIUS, border);
        PixmapShapes.roundedRect(pixmap, 1, 1, width - 2, height - 2, RADIUS - 1, fill);
        float centreX = width - right / 2f - 1;
        float centreY = height / 2f;
        PixmapShapes.triangle(pixmap, centreX - 4.5f, centreY - 2.5f, centreX + 4.5f, centreY - 2.5f,
                centreX, centreY + 2.5f, arrow);
        return new NinePatch(texture(skin, name, pixmap), RADIUS, right, half, half);
    }

    /** A check box with space to its right; checked ones carry a tick. */
    private static TextureRegion checkBox(Skin skin, String name, Color fill, Color border, boolean ticked) {
        Pixmap pixmap = PixmapShapes.blank(CHECK_BOX + CHECK_GAP, CHECK_BOX);
        PixmapShapes.roundedRect(pixmap, 0, 0, CHECK_BOX, CHECK_BOX, 3, border);
        PixmapShapes.roundedRect(pixmap, 1, 1, CHECK_BOX - 2, CHECK_BOX - 2, 2, fill);
        if (ticked) {
            PixmapShapes.line(pixmap, 4f, 8.5f, 7f, 11.5f, 2f, TICK);
            PixmapShapes.line(pixmap, 7f, 11.5f, 12.5f, 4.5f, 2f, TICK);
        }
        return new TextureRegion(texture(skin, name, pixmap));
    }

    /** Uploads the pixmap, frees it, and hands the texture to the skin to dispose. */
    private static Texture texture(Skin skin, String name, Pixmap pixmap) {
        Texture texture = new Texture(pixmap);
        pixmap.dispose();
        skin.add(name + "-texture", texture);
        return texture;
    }
}
