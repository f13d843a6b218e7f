package io.charagen.desktop.demo;

import com.badlogic.gdx.Input;
import com.badlogic.gdx.graphics.g2d.Animation;
import com.badlogic.gdx.graphics.g2d.TextureRegion;
import com.badlogic.gdx.scenes.scene2d.InputEvent;
import com.badlogic.gdx.scenes.scene2d.InputListener;
import com.badlogic.gdx.scenes.scene2d.ui.Image;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.scenes.scene2d.ui.TextButton;
import com.badlogic.gdx.scenes.scene2d.ui.Window;
import com.badlogic.gdx.scenes.scene2d.utils.ClickListener;
import com.badlogic.gdx.scenes.scene2d.utils.TextureRegionDrawable;
import com.badlogic.gdx.utils.Scaling;
import io.charagen.core.GeneratedCharacter;
import io.charagen.desktop.ui.Buttons;
import io.charagen.generator.sheet.Direction;

import java.util.List;

/**
 * The window a clicked villager opens: its portrait with one expression at a time (the arrows, a
 * click on the face or the arrow keys step through them), its walk, name, archetype and seed.
 * Closed by its button or Escape; {@code onClose} runs once it is gone.
 */
final class PortraitDialog extends Window {

    static final String NAME = "portrait-dialog";
    /** Portraits are drawn this many screen pixels across (RPG Maker's faces are 144). */
    private static final float PORTRAIT_SIZE = 192;

    private final Npc npc;
    private final List<String> expressions;
    private final Image portrait;
    private final Label expressionLabel;
    private final Runnable onClose;
    private int index;

    PortraitDialog(Npc npc, Skin skin, Runnable onClose) {
        super("Villager", skin, "dialog");
        this.npc = npc;
        this.onClose = onClose;
        GeneratedCharacter character = npc.character();
        this.expressions = character.expressions();
        setName(NAME);
        setModal(true);
        setMovable(true);
        setKeepWithinStage(true);
        pad(36, 16, 14, 16);
        getTitleLabel().setName("portrait-title");

        portrait = new Image(new TextureRegionDrawable(character.portrait(expressions.get(0))), Scaling.fit);
        portrait.setName("portrait-image");
        portrait.addListener(new ClickListener() {
            @Override
            public void clicked(InputEvent event, float x, float y) {
                show(index + 1);
            }
        });
        expressionLabel = new Label("", skin);
        expressionLabel.setName("portrait-expression");

        Table side = new Table(skin);
        side.defaults().left().padBottom(6);
        Label nameLabel = new Label(npc.name(), skin, "title");
        nameLabel.setName("portrait-name");
        side.add(nameLabel).row();
        String archetype = npc.spec().archetype();
        side.add(new Label((archetype != null ? capitalised(archetype) : "Villager") + ", seed " + npc.spec().seed(), skin, "dim")).row();
        int previewScale = npc.scale() * 2;
        side.add(new WalkPreview(character)).size(character.frameWidth() * previewScale, character.frameHeight() * previewScale)
                .padTop(10).padBottom(14).row();
        side.add(new Label("Expression", skin, "dim")).padBottom(2).row();
        side.add(expressionLabel).padBottom(10).row();
        Table arrows = new Table();
        TextButton previous = Buttons.of(skin, "<", "portrait-previous", () -> show(index - 1));
        TextButton next = Buttons.of(skin, ">", "portrait-next", () -> show(index + 1));
        arrows.add(previous).width(44).padRight(6);
        arrows.add(next).width(44);
        side.add(arrows).row();

        add(portrait).size(PORTRAIT_SIZE).padRight(18).top();
        add(side).top().left().minWidth(170);
        row();
        TextButton close = Buttons.of(skin, "Close", "portrait-close", this::close);
        add(close).colspan(2).right().padTop(10).width(90);

        addListener(new InputListener() {
            @Override
            public boolean keyDown(InputEvent event, int keycode) {
                switch (keycode) {
                    case Input.Keys.ESCAPE, Input.Keys.ENTER, Input.Keys.SPACE -> close();
                    case Input.Keys.LEFT -> show(index - 1);
                    case Input.Keys.RIGHT -> show(index + 1);
                    default -> {
                        return false;
                    }
                }
                return true;
            }
        });
        show(0);
        pack();
    }


    /** Shows expression {@code i} (wrapping around). */
    void show(int i) {
        index = Math.floorMod(i, expressions.size());
        String expression = expressions.get(index);
        ((TextureRegionDrawable) portrait.getDrawable()).setRegion(npc.character().portrait(expression));
        expressionLabel.setText(capitalised(expression) + "  (" + (index + 1) + "/" + expressions.size() + ")");
    }

    Npc npc() {
        return npc;
    }

    String expression() {
        return expressions.get(index);
    }

    void close() {
        if (getStage() != null) {
            remove();
            onClose.run();
        }
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** The villager walking toward the viewer, as in the game. */
    private static final class WalkPreview extends Image {
        private final Animation<TextureRegion> walk;
        private final TextureRegionDrawable frame;
        private float time;

        WalkPreview(GeneratedCharacter character) {
            this(character.walk(Direction.DOWN));
        }

        private WalkPreview(Animation<TextureRegion> walk) {
            super(new TextureRegionDrawable(walk.getKeyFrame(0)), Scaling.fit);
            this.walk = walk;
            this.frame = (TextureRegionDrawable) getDrawable();
            setName("portrait-walk");
        }

        @Override
        public void act(float delta) {
            super.act(delta);
            time += delta;
            frame.setRegion(walk.getKeyFrame(time));
        }
    }
}
