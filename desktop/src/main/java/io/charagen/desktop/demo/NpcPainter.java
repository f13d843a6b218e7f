package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.g2d.Batch;
import com.badlogic.gdx.graphics.g2d.BitmapFont;
import com.badlogic.gdx.graphics.g2d.GlyphLayout;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.math.MathUtils;
import com.badlogic.gdx.math.Rectangle;
import com.badlogic.gdx.utils.Align;

/**
 * Draws a villager: a shadow and its current frame once delivered; before that a spinner with a
 * progress bar and its name. World coordinates, inside the caller's batch.begin()/end().
 */
final class NpcPainter {

    private static final Color SPINNER = new Color(1f, 0.97f, 0.85f, 1f);
    private static final Color QUEUED = new Color(0.85f, 0.85f, 0.85f, 0.7f);
    private static final Color FAILED = new Color(0.9f, 0.25f, 0.2f, 1f);
    private static final Color BAR_BACK = new Color(0f, 0f, 0f, 0.45f);
    private static final Color BAR = new Color(0.98f, 0.82f, 0.3f, 1f);
    private static final Color DISC = new Color(0.05f, 0.08f, 0.06f, 0.45f);
    private static final Color TAG_BACK = new Color(0.08f, 0.09f, 0.11f, 0.72f);
    private static final int DOTS = 8;

    private final TileArt art;
    private final BitmapFont font;
    private final GlyphLayout layout = new GlyphLayout();
    private final Rectangle box = new Rectangle();

    NpcPainter(TileArt art, BitmapFont font) {
        this.art = art;
        this.font = font;
    }

    void draw(Batch batch, Npc npc, float time, boolean tagged) {
        float x = npc.walker().worldX();
        float y = npc.walker().worldY();
        batch.setColor(Color.WHITE);
        batch.draw(art.shadow, x, y - 16);
        if (npc.isReady()) {
            npc.bounds(box);
            TextureRegion frame = npc.frame();
            batch.draw(frame, box.x, box.y, box.width, box.height);
            if (tagged) {
                tag(batch, npc.name(), box.x + box.width / 2f, box.y + box.height + 6);
            }
            return;
        }
        marker(batch, npc, x + TileMap.TILE / 2f, y + TileMap.TILE / 2f + 2, time);
    }

    /** A ring of dots turning (still and grey while queued, red on failure), a bar and a label. */
    private void marker(Batch batch, Npc npc, float cx, float cy, float time) {
        Npc.State state = npc.state();
        // a dark disc behind the dots, so they read on grass and path alike
        batch.setColor(DISC);
        batch.draw(art.dot, cx - 72, cy - 72, 144, 144);
        float head = time * DOTS * 1.2f;
        for (int i = 0; i < DOTS; i++) {
            float angle = MathUtils.PI2 * i / DOTS;
            float px = cx + MathUtils.cos(angle) * 10;
            float py = cy + MathUtils.sin(angle) * 10;
            Color c = switch (state) {
                case WAITING -> QUEUED;
                case FAILED -> FAILED;
                default -> SPINNER;
            };
            float fade = state == Npc.State.GENERATING ? ((head - i) % DOTS + DOTS) % DOTS / DOTS : 0.3f;
            batch.setColor(c.r, c.g, c.b, c.a * (1f - 0.8f * fade));
            // the dot region is a 48 px tile with a 12 px disc in the middle: scale it to a 6 px disc
            batch.draw(art.dot, px - 12, py - 12, 24, 24);
        }
        float barX = cx - 18;
        float barY = cy - 22;
        batch.setColor(BAR_BACK);
        batch.draw(art.white, barX - 1, barY - 1, 38, 6);
        batch.setColor(state == Npc.State.FAILED ? FAILED : BAR);
        batch.draw(art.white, barX, barY, 36 * npc.progress(), 4);
        batch.setColor(Color.WHITE);
        String label = switch (state) {
            case WAITING -> npc.name() + " - queued";
            case FAILED -> npc.name() + " - failed";
            default -> npc.name() + " - " + Math.round(npc.progress() * 100) + "%";
        };
        tag(batch, label, cx, cy + 30);
    }

    /** Text on a dark rounded-off plate, centred on {@code cx} with its baseline near {@code y}. */
    private void tag(Batch batch, String text, float cx, float y) {
        layout.setText(font, text);
        float w = layout.width + 10;
        float h = layout.height + 8;
        batch.setColor(TAG_BACK);
        batch.draw(art.white, Math.round(cx - w / 2f), Math.round(y - h / 2f), w, h);
        batch.setColor(Color.WHITE);
        font.setColor(Color.WHITE);
        font.draw(batch, text, Math.round(cx - layout.width / 2f), Math.round(y + layout.height / 2f), 0, Align.left, false);
    }
}
