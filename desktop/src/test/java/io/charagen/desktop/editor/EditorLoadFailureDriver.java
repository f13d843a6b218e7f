package io.charagen.desktop.editor;

import com.badlogic.gdx.Gdx;
import io.charagen.desktop.ui.Screenshots;

import java.nio.file.Path;

/**
 * Starts the editor on a sprite model that cannot be read and waits for the loading screen to say
 * why; prints "LOAD FAILURE: message" and saves a screenshot. Exits 1 when the editor started
 * anyway or said nothing within the time. {@link EditorUiTest} runs it under Xvfb.
 *
 * <p>Arguments: sprite model, portrait model, presets folder, cache folder, screenshot file.
 */
public final class EditorLoadFailureDriver implements EditorApp.FrameHook {

    private static final long TIMEOUT_NANOS = 120_000_000_000L;

    private final Path screenshot;
    private final long started = System.nanoTime();
    private int framesSinceFailure;
    private String outcome;

    private EditorLoadFailureDriver(Path screenshot) {
        this.screenshot = screenshot;
    }

    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: EditorLoadFailureDriver SPRITE PORTRAIT PRESETS CACHE SCREENSHOT");
            System.exit(64);
        }
        EditorSettings settings = new EditorSettings(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), "cpu", 1,
                Path.of(args[3]), EditorDriver.WIDTH, EditorDriver.HEIGHT);
        EditorLoadFailureDriver driver = new EditorLoadFailureDriver(Path.of(args[4]));
        EditorApp app = new EditorApp(settings);
        app.afterEachFrame(driver);
        EditorWindow.open(app);
        System.out.println(driver.outcome);
        System.exit(driver.outcome != null && driver.outcome.startsWith("LOAD FAILURE: ") ? 0 : 1);
    }

    @Override
    public void afterFrame(EditorApp app) {
        if (outcome != null) {
            return;
        }
        if (app.view() != null) {
            outcome = "the editor started on a model it should have refused";
        } else if (app.failure() != null && ++framesSinceFailure > 3) {
            Screenshots.save(screenshot, true);
            outcome = "LOAD FAILURE: " + app.failure();
        } else if (System.nanoTime() - started > TIMEOUT_NANOS) {
            outcome = "no failure reported in time";
        }
        if (outcome != null) {
            Gdx.app.exit();
        }
    }
}
