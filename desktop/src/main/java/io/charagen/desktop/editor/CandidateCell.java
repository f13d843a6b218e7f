package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.Button;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.GeneratedCharacter;
import io.charagen.generator.sheet.Direction;

/** One candidate of the grid: its seed, walking toward the viewer. Owns the character it shows. */
final class CandidateCell extends Button implements Disposable {

    /** The walking candidate's box, in screen pixels. */
    static final int BOX = 72;

    private final WalkPreview walk;
    private final Label caption;
    private long seed = -1;
    private GeneratedCharacter character;

    CandidateCell(Skin skin, int index) {
        super(skin, "toggle");
        setName("candidate-" + index);
        walk = new WalkPreview(Direction.DOWN, BOX);
        caption = new Label("", skin, "dim");
        add(walk).pad(2).row();
        add(caption);
        // Clicks choose a candidate; the grid decides which one looks checked.
        setProgrammaticChangeEvents(false);
    }

    /** Waits for {@code newSeed}'s sprite, showing nothing meanwhile. */
    void waitFor(long newSeed) {
        replace(null);
        seed = newSeed;
        caption.setText("seed " + newSeed + " ...");
    }

    void show(GeneratedCharacter made) {
        replace(made);
        caption.setText("seed " + seed);
    }

    void failed() {
        replace(null);
        caption.setText("seed " + seed + " failed");
    }

    long seed() {
        return seed;
    }

    boolean hasCharacter() {
        return character != null;
    }

    private void replace(GeneratedCharacter next) {
        if (character != null) {
            character.dispose();
        }
        character = next;
        walk.show(next);
    }

    @Override
    public void dispose() {
        replace(null);
    }
}
