package io.charagen.desktop.demo;

import com.badlogic.gdx.ApplicationListener;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;

/** Opens the demo in a desktop window (LWJGL 3) and returns when it is closed. */
public final class DemoLauncher {

    /** The frame rate the demo asks for; frames come no faster than this. */
    public static final int FPS = 60;

    private DemoLauncher() {
    }

    /** The window the demo runs in: {@code settings}' size, {@value #FPS} frames a second, no sound. */
    public static Lwjgl3ApplicationConfiguration configuration(DemoSettings settings) {
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle("charagen demo - generated villagers");
        config.setWindowedMode(settings.width(), settings.height());
        config.setWindowSizeLimits(DemoSettings.MIN_WIDTH, DemoSettings.MIN_HEIGHT, -1, -1);
        config.setForegroundFPS(FPS);
        config.setIdleFPS(FPS);
        config.useVsync(true);
        config.disableAudio(true);
        config.setOpenGLEmulation(Lwjgl3ApplicationConfiguration.GLEmulation.GL20, 2, 0);
        return config;
    }

    /** Runs the demo; returns when its window closes, or throws what made it stop. */
    public static void run(DemoSettings settings, DemoObserver observer) {
        DemoApp app = new DemoApp(settings, observer);
        open(app, settings);
        if (app.failureOrNull() != null) {
            throw new IllegalStateException(DemoErrors.message(app.failureOrNull()), app.failureOrNull());
        }
    }

    /** Opens {@code listener} (a {@link DemoApp}, or something wrapping one) in the demo's window. */
    public static void open(ApplicationListener listener, DemoSettings settings) {
        new Lwjgl3Application(listener, configuration(settings));
    }
}
