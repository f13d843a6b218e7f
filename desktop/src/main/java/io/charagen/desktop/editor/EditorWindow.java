package io.charagen.desktop.editor;

import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;

/** Opens the editor's desktop window; returns when it closes. */
public final class EditorWindow {

    private EditorWindow() {
    }

    public static void open(EditorApp app) {
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle("charagen editor");
        config.setWindowedMode(app.settings().windowWidth(), app.settings().windowHeight());
        config.setWindowSizeLimits(640, 480, -1, -1);
        config.useVsync(true);
        // The walk cycles change 4 times a second; 30 frames leave the CPU to the networks.
        config.setForegroundFPS(30);
        config.setIdleFPS(15);
        config.disableAudio(true);
        new Lwjgl3Application(app, config);
    }
}
