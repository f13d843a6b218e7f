package io.charagen.desktop.demo;

import com.badlogic.gdx.scenes.scene2d.Stage;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.ProgressBar;
import com.badlogic.gdx.scenes.scene2d.ui.Skin;
import com.badlogic.gdx.scenes.scene2d.ui.Table;

/** The plate in the top left corner: what the demo is doing and how far the villagers have come. */
final class Hud {

    private final Table plate;
    private final Label status;
    private final Label hint;
    private final ProgressBar bar;

    Hud(Stage stage, Skin skin) {
        plate = new Table(skin);
        plate.setName("hud");
        plate.setBackground(skin.newDrawable("white", 0.09f, 0.1f, 0.12f, 0.82f));
        plate.pad(8, 12, 10, 12).defaults().left();
        plate.add(new Label("Charagen village", skin, "title")).row();
        status = new Label("", skin);
        status.setName("hud-status");
        plate.add(status).padTop(2).row();
        bar = new ProgressBar(0, 1, 0.001f, false, skin);
        bar.setName("hud-progress");
        bar.setAnimateDuration(0.25f);
        plate.add(bar).width(220).padTop(6).row();
        hint = new Label("", skin, "dim");
        hint.setName("hud-hint");
        plate.add(hint).padTop(4);
        stage.addActor(plate);
    }

    void loading(float progress) {
        set("Loading the models...", progress, "");
    }

    void generating(Villagers villagers) {
        float sum = 0;
        for (Npc npc : villagers.all()) {
            sum += npc.state() == Npc.State.FAILED ? 1 : npc.progress();
        }
        int ready = villagers.ready();
        int total = villagers.total();
        String failed = villagers.failedCount() > 0 ? ", " + villagers.failedCount() + " failed" : "";
        if (ready + villagers.failedCount() < total) {
            set("Villagers arriving: " + ready + " of " + total + " here" + failed, sum / total,
                    ready > 0 ? "Click a villager to meet them" : "Each one is drawn by the networks as you watch");
        } else {
            set("All " + ready + " villagers are here" + failed, 1, "Click a villager to meet them");
        }
    }

    void failed(String message) {
        set("Something went wrong", 0, message);
    }

    private void set(String text, float progress, String hintText) {
        bar.setValue(progress);
        if (!status.textEquals(text) || !hint.textEquals(hintText)) {
            status.setText(text);
            hint.setText(hintText);
            hint.setVisible(!hintText.isEmpty());
            plate.pack();
        }
        place();
    }

    /** Keeps the plate in the top left corner (also after the window is resized). */
    void place() {
        plate.setPosition(10, plate.getStage().getHeight() - plate.getHeight() - 10);
    }
}
