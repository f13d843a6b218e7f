package io.charagen.desktop.editor;

import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.ProgressBar;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.utils.Align;

/** What the window shows while the models load, or why they could not be. */
final class LoadingView extends Table {

    private final Skin skin;
    private final ProgressBar progress;
    private final Label message;

    LoadingView(Skin skin, String models) {
        super(skin);
        this.skin = skin;
        setName("loading");
        setFillParent(true);
        setBackground("background");
        progress = new ProgressBar(0, 1, 0.001f, false, skin);
        progress.setName("loading-progress");
        message = new Label("reading the models ...", skin, "dim");
        message.setName("loading-message");
        message.setWrap(true);
        message.setAlignment(Align.center);
        add(new Label("charagen editor", skin, "title")).padBottom(16).row();
        add(new Label(models, skin, "dim")).padBottom(12).row();
        add(progress).width(360).padBottom(10).row();
        add(message).width(720);
    }

    void progress(float fraction, int loaded, int total) {
        progress.setValue(fraction);
        message.setText("reading the models: " + loaded + " of " + total + " loaded ...");
    }

    void starting() {
        progress.setValue(1);
        message.setText("starting the generator ...");
    }

    void failed(String why) {
        progress.setVisible(false);
        message.setStyle(skin.get(Label.LabelStyle.class));
        message.setText("The editor cannot start: " + why + "\nClose the window and start it again with other models.");
        message.setColor(StatusLine.ERROR);
    }
}
