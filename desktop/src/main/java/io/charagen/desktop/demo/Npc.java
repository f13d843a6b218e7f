package io.charagen.desktop.demo;

import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.math.Rectangle;
import io.charagen.core.GeneratedCharacter;
import io.charagen.core.GenerationRequest;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.PipelineListener.Stage;

/**
 * One villager: first a marker with the progress of its request, then, once the generator
 * delivers it, a character walking about. Owns its {@link GeneratedCharacter}. Render thread only.
 */
final class Npc {

    enum State { WAITING, GENERATING, READY, FAILED }

    private final CharacterSpec spec;
    private final Walker walker;
    private GenerationRequest request;
    private State state = State.WAITING;
    private float progress;
    private Stage stage;
    private GeneratedCharacter character;
    private String failure;
    private float walkTime;

    Npc(CharacterSpec spec, Walker walker) {
        this.spec = spec;
        this.walker = walker;
    }

    String name() {
        return spec.name();
    }

    CharacterSpec spec() {
        return spec;
    }

    State state() {
        return state;
    }

    boolean isReady() {
        return state == State.READY;
    }

    /** 0 to 1 of the way through the pipeline. */
    float progress() {
        return progress;
    }

    /** The stage being worked on, or null before the first progress report. */
    Stage stage() {
        return stage;
    }

    String failure() {
        return failure;
    }

    Walker walker() {
        return walker;
    }

    GeneratedCharacter character() {
        return character;
    }

    void requested(GenerationRequest request) {
        this.request = request;
    }

    GenerationRequest request() {
        return request;
    }

    void progressed(Stage stage, int done, int total) {
        if (state == State.WAITING || state == State.GENERATING) {
            state = State.GENERATING;
            this.stage = stage;
            progress = Math.max(progress, GenerationProgress.fraction(stage, done, total));
        }
    }

    void delivered(GeneratedCharacter delivered) {
        character = delivered;
        state = State.READY;
        progress = 1;
    }

    void failed(String why) {
        state = State.FAILED;
        failure = why;
    }

    void update(float delta) {
        if (state == State.READY) {
            walker.update(delta);
            walkTime = walker.moving() ? walkTime + delta : 0;
        }
    }

    /** The frame to draw now: a step of the walk toward where it goes, or standing. */
    TextureRegion frame() {
        return walker.moving()
                ? character.walk(walker.facing()).getKeyFrame(walkTime)
                : character.standing(walker.facing());
    }

    /** Whole-number enlargement that makes its frames about a tile high (small models' frames are tiny). */
    int scale() {
        int size = Math.max(character.frameWidth(), character.frameHeight());
        return Math.max(1, Math.round(TileMap.TILE / (float) size));
    }

    /**
     * Where its sprite is drawn, in world pixels: centred on its cell, feet a little above the
     * cell's bottom (as RPG Maker draws them). Before delivery, the marker's box.
     */
    Rectangle bounds(Rectangle out) {
        if (character == null) {
            return out.set(walker.worldX() + 8, walker.worldY() + 4, TileMap.TILE - 16, TileMap.TILE - 8);
        }
        int s = scale();
        float w = character.frameWidth() * s;
        float h = character.frameHeight() * s;
        return out.set(walker.worldX() + (TileMap.TILE - w) / 2f, walker.worldY() + 4, w, h);
    }

    void dispose() {
        if (request != null && !request.state().isFinished()) {
            request.cancel();
        }
        if (character != null) {
            character.dispose();
        }
    }
}
