package io.charagen.desktop.ui;

import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.TextButton;
import com.badlogic.gdx.scenes.scene2d.utils.ChangeListener;

/** Text buttons as the editor and the demo make them: skinned, named for test drivers, one action. */
public final class Buttons {

    private Buttons() {
    }

    /** A button labelled {@code text}, named {@code name}, that runs {@code action} when clicked. */
    public static TextButton of(Skin skin, String text, String name, Runnable action) {
        TextButton button = new TextButton(text, skin);
        button.setName(name);
        button.addListener(new ChangeListener() {
            @Override
            public void changed(ChangeEvent event, Actor actor) {
                action.run();
            }
        });
        return button;
    }
}
