package io.charagen.desktop.editor;

import com.badlogic.gdx.Input;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.Group;
import com.badlogic.gdx.scenes.scene2d.Stage;
import com.badlogic.gdx.scenes.scene2d.ui.TextField;

/**
 * Drives scene2d widgets through the stage's input path, as a mouse and keyboard would: a click is
 * a touch down and up at the actor's centre in screen coordinates, typing goes through keyTyped.
 */
final class UiInput {

    private final Stage stage;

    UiInput(Stage stage) {
        this.stage = stage;
    }

    /** The actor named {@code name}, or an error saying it is not on the stage. */
    <T extends Actor> T find(String name, Class<T> type) {
        Actor actor = stage.getRoot().findActor(name);
        if (actor == null) {
            throw new IllegalStateException("no actor named '" + name + "' on the stage");
        }
        return type.cast(actor);
    }

    /** The first actor whose name starts with {@code prefix}, in depth-first order. */
    Actor findFirst(String prefix) {
        Actor found = findFirst(stage.getRoot(), prefix);
        if (found == null) {
            throw new IllegalStateException("no actor named '" + prefix + "...' on the stage");
        }
        return found;
    }

    private static Actor findFirst(Group group, String prefix) {
        for (Actor child : group.getChildren()) {
            if (child.getName() != null && child.getName().startsWith(prefix)) {
                return child;
            }
            if (child instanceof Group g) {
                Actor found = findFirst(g, prefix);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Clicks the middle of {@code actor}; fails when something else is there (covered, off screen). */
    void click(Actor actor) {
        Vector2 centre = actor.localToStageCoordinates(new Vector2(actor.getWidth() / 2, actor.getHeight() / 2));
        Actor hit = stage.hit(centre.x, centre.y, true);
        if (hit == null || !hit.isDescendantOf(actor)) {
            throw new IllegalStateException("'" + actor.getName() + "' is not what a click at its centre " + centre
                    + " reaches (that is " + (hit == null ? "nothing" : hit + " named " + hit.getName()) + ")");
        }
        Vector2 screen = stage.stageToScreenCoordinates(centre.cpy());
        stage.touchDown((int) screen.x, (int) screen.y, 0, Input.Buttons.LEFT);
        stage.touchUp((int) screen.x, (int) screen.y, 0, Input.Buttons.LEFT);
    }

    void click(String name) {
        click(find(name, Actor.class));
    }

    /** Clicks into the field, selects its text and types {@code text} over it. */
    void type(String fieldName, String text) {
        TextField field = find(fieldName, TextField.class);
        click(field);
        if (stage.getKeyboardFocus() != field) {
            throw new IllegalStateException("clicking '" + fieldName + "' did not give it the keyboard focus");
        }
        field.selectAll();
        for (char c : text.toCharArray()) {
            stage.keyTyped(c);
        }
        if (!field.getText().equals(text)) {
            throw new IllegalStateException("typed '" + text + "' into '" + fieldName + "' but it holds '" + field.getText() + "'");
        }
    }
}
