package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.ProgressBar;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.utils.Align;
import io.charagen.core.GeneratedCharacter;
import io.charagen.generator.sheet.Direction;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The edited character as it is now: walking in the four directions, its portraits with their
 * expression names, and how far the projection (which the portraits wait for) has come. Shows the
 * characters it is given; {@link LiveCharacter} owns them.
 */
final class PreviewPanel extends Table {

    /** Boxes of the walks and the portraits, in screen pixels. */
    static final int WALK_BOX = 144;
    static final int PORTRAIT_SIZE = 128;

    private final Skin skin;
    private final Label caption;
    private final Map<Direction, WalkPreview> walks = new EnumMap<>(Direction.class);
    private final Table portraits;
    private final ProgressBar progress;
    private final Label progressLabel;

    PreviewPanel(Skin skin) {
        super(skin);
        this.skin = skin;
        setName("preview");
        top().left();

        caption = new Label("", skin, "dim");
        caption.setName("preview-caption");
        add(new Label("Walk", skin, "title")).left();
        add(caption).left().padLeft(12).expandX().row();

        Table walkRow = new Table();
        for (Direction direction : Direction.values()) {
            WalkPreview walk = new WalkPreview(direction, WALK_BOX);
            walk.setName("walk-" + direction.name().toLowerCase(Locale.ROOT));
            walks.put(direction, walk);
            Table cell = new Table(skin);
            cell.setBackground("panel");
            cell.add(walk).pad(6).row();
            cell.add(new Label(direction.name().toLowerCase(Locale.ROOT), skin, "dim")).padBottom(4);
            walkRow.add(cell).padRight(8);
        }
        add(walkRow).colspan(2).left().padTop(4).padBottom(10).row();

        Table projectionRow = new Table();
        progress = new ProgressBar(0, 1, 0.001f, false, skin);
        progress.setName("projection-progress");
        progressLabel = new Label("", skin, "dim");
        progressLabel.setName("projection-label");
        projectionRow.add(new Label("Portraits", skin, "title")).padRight(12);
        projectionRow.add(progress).width(220).padRight(10);
        projectionRow.add(progressLabel).left();
        add(projectionRow).colspan(2).left().row();

        portraits = new Table();
        portraits.setName("portraits");
        add(portraits).colspan(2).left().top().padTop(6).minHeight(PORTRAIT_SIZE + 24).row();
        showNoPortraits("portraits follow the sprite");
    }

    void caption(String text) {
        caption.setText(text);
    }

    /** Walks with {@code character}'s sheet (null: shows none). */
    void showWalk(GeneratedCharacter character) {
        walks.values().forEach(walk -> walk.show(character));
    }

    GeneratedCharacter walkShown() {
        return walks.get(Direction.DOWN).character();
    }

    void showPortraits(GeneratedCharacter character) {
        portraits.clearChildren();
        for (String expression : character.expressions()) {
            PixelImage image = new PixelImage(character.portrait(expression), PORTRAIT_SIZE);
            image.setName("portrait-" + expression);
            Table cell = new Table(skin);
            cell.setBackground("panel");
            cell.add(image).pad(4).row();
            cell.add(new Label(expression, skin, "dim")).padBottom(4);
            portraits.add(cell).padRight(8).top();
        }
    }

    /** Empties the portrait row, saying why. */
    void showNoPortraits(String why) {
        portraits.clearChildren();
        Label label = new Label(why, skin, "dim");
        label.setAlignment(Align.left);
        portraits.add(label).left().height(PORTRAIT_SIZE);
    }

    /** {@code done} of {@code total} units of a stage; the label says which. */
    void progress(String label, int done, int total) {
        progress.setValue(total > 0 ? (float) done / total : 0);
        progressLabel.setText(label);
    }
}
