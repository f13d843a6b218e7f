package io.charagen.desktop.editor;

import com.badlogic.gdx.graphics.g2d.Batch;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.scenes.scene2d.ui.Widget;
import io.charagen.core.GeneratedCharacter;
import io.charagen.generator.sheet.Direction;

/**
 * A character walking toward one direction in a square box, at a {@link PixelScale} (its textures
 * are filtered nearest, so pixels stay square). Shows nothing without a character; does not own it.
 */
final class WalkPreview extends Widget {

    private final Direction direction;
    private final float box;
    private GeneratedCharacter character;
    private float time;

    WalkPreview(Direction direction, float box) {
        this.direction = direction;
        this.box = box;
    }

    void show(GeneratedCharacter shown) {
        character = shown;
    }

    GeneratedCharacter character() {
        return character;
    }

    @Override
    public void act(float delta) {
        super.act(delta);
        time += delta;
    }

    @Override
    public void draw(Batch batch, float parentAlpha) {
        if (character == null || character.isDisposed()) {
            return;
        }
        TextureRegion frame = character.walk(direction).getKeyFrame(time);
        float scale = PixelScale.fit(getWidth(), getHeight(), character.frameWidth(), character.frameHeight());
        float w = character.frameWidth() * scale;
        float h = character.frameHeight() * scale;
        // Centred in the box, on whole pixels.
        float x = Math.round(getX() + (getWidth() - w) / 2);
        float y = Math.round(getY() + (getHeight() - h) / 2);
        batch.setColor(getColor().r, getColor().g, getColor().b, getColor().a * parentAlpha);
        batch.draw(frame, x, y, w, h);
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
