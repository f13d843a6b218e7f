package io.charagen.desktop.editor;

import com.badlogic.gdx.graphics.g2d.Batch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.scenes.scene2d.ui.Widget;

/** A picture (a portrait) centred in a square box at a {@link PixelScale} that keeps its pixels square. */
final class PixelImage extends Widget {

    private final TextureRegion region;
    private final float box;

    PixelImage(TextureRegion region, float box) {
        this.region = region;
        this.box = box;
    }

    @Override
    public void draw(Batch batch, float parentAlpha) {
        float scale = PixelScale.fit(getWidth(), getHeight(), region.getRegionWidth(), region.getRegionHeight());
        float w = region.getRegionWidth() * scale;
        float h = region.getRegionHeight() * scale;
        batch.setColor(getColor().r, getColor().g, getColor().b, getColor().a * parentAlpha);
        batch.draw(region, Math.round(getX() + (getWidth() - w) / 2), Math.round(getY() + (getHeight() - h) / 2), w, h);
    }

    @Override
    public float getPrefWidth() {
        return box;
    }

    @Override
    public float getPrefHeight() {
        return box;
    }
}
