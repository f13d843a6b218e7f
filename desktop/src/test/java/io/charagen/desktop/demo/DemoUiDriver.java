package io.charagen.desktop.demo;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputProcessor;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.scenes.scene2d.Actor;
import io.charagen.desktop.ui.Screenshots;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;

/**
 * Drives the demo as a user would, for {@link DemoUiTest}: waits until every villager is delivered
 * and walking, screenshots the map, clicks one villager through the window's input processor,
 * screenshots its portrait window, steps to the next expression and closes the window with its
 * buttons, then exits. What it saw goes to {@code demo-ui.properties} beside the screenshots; the
 * exit code is 0 when every step went as expected.
 *
 * <p>Arguments: screenshot folder, cache folder, presets folder.
 */
public final class DemoUiDriver {

    static final int WIDTH = 960;
    static final int HEIGHT = 720;
    static final int NPCS = 4;
    static final int STEPS = 3;
    /** After the last villager arrives, how long to wait at most for all of them to take a step. */
    private static final float SETTLE_SECONDS = 8f;
    private static final float GIVE_UP_SECONDS = 480f;

    private enum Phase { WAIT_FOR_VILLAGERS, CLICKED, NEXT_EXPRESSION, CLOSED, DONE }

    private final Path out;
    private final Properties seen = new Properties();
    private Phase phase = Phase.WAIT_FOR_VILLAGERS;
    private float elapsed;
    private float sinceAllReady = -1;
    private int framesInPhase;
    private String clicked;
    private String firstExpression;
    private String problem;
    private boolean arrivingShot;

    private DemoUiDriver(Path out) {
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        Path fixtures = Path.of(System.getProperty("charagen.fixtures"));
        DemoSettings settings = new DemoSettings(fixtures.resolve("sg2-64.pkl"), fixtures.resolve("sg3t-64.pkl"),
                Path.of(args[2]), "cpu", NPCS, 1, STEPS, Path.of(args[1]), WIDTH, HEIGHT);
        Files.createDirectories(out);
        DemoApp app = new DemoApp(settings, new DemoObserver() {
            private long start;

            @Override
            public void requested(int npcs, long nanoTime) {
                start = nanoTime;
            }

            @Override
            public void delivered(String name, int ready, int total, long nanoTime) {
                System.out.printf("driver: %s delivered (%d of %d) %.1f s after the first request%n", name, ready, total,
                        (nanoTime - start) / 1e9);
            }
        });
        DemoUiDriver driver = new DemoUiDriver(out);
        app.onFrame(driver::frame);
        DemoLauncher.open(app, settings);
        driver.writeSeen();
        if (app.failure() != null) {
            System.err.println("driver: the demo failed: " + DemoErrors.message(app.failure()));
            System.exit(3);
        }
        if (driver.problem != null || driver.phase != Phase.DONE) {
            System.err.println("driver: " + (driver.problem != null ? driver.problem : "stopped in phase " + driver.phase));
            System.exit(2);
        }
        System.out.println("driver: all steps done");
        System.exit(0);
    }

    private void frame(DemoApp app) {
        elapsed += Gdx.graphics.getDeltaTime();
        framesInPhase++;
        if (app.failure() != null) {
            return; // the demo exits by itself
        }
        if (elapsed > GIVE_UP_SECONDS) {
            stop("gave up after " + GIVE_UP_SECONDS + " s in phase " + phase);
            return;
        }
        switch (phase) {
            case WAIT_FOR_VILLAGERS -> waitForVillagers(app);
            case CLICKED -> checkDialog(app);
            case NEXT_EXPRESSION -> checkNextExpression(app);
            case CLOSED -> checkClosed(app);
            default -> { }
        }
    }

    private void waitForVillagers(DemoApp app) {
        if (!arrivingShot && app.npcs().stream().anyMatch(n -> n.state() == Npc.State.GENERATING && n.progress() > 0.3f)
                && app.npcs().stream().anyMatch(n -> !n.isReady())) {
            screenshot("demo-arriving.png"); // markers with progress, for people to look at
            arrivingShot = true;
        }
        if (app.npcs().size() < NPCS || !app.npcs().stream().allMatch(Npc::isReady)) {
            return;
        }
        sinceAllReady = sinceAllReady < 0 ? 0 : sinceAllReady + Gdx.graphics.getDeltaTime();
        boolean allWalked = app.npcs().stream().allMatch(n -> n.walker().steps() > 0);
        if (!allWalked && sinceAllReady < SETTLE_SECONDS) {
            return;
        }
        seen.setProperty("walked", Long.toString(app.npcs().stream().filter(n -> n.walker().steps() > 0).count()));
        screenshot("demo-map.png");
        // A villager standing still (if any), so the click lands where it is drawn this frame.
        Npc target = app.npcs().stream().min(Comparator.comparing(n -> n.walker().moving())).orElseThrow();
        Vector2 at = app.screenPosition(target);
        clicked = target.name();
        seen.setProperty("clicked", clicked);
        seen.setProperty("clickedAt", Math.round(at.x) + "," + Math.round(at.y));
        System.out.println("driver: clicking " + clicked + " at " + at);
        click(Math.round(at.x), Math.round(at.y));
        next(Phase.CLICKED);
    }

    private void checkDialog(DemoApp app) {
        PortraitDialog dialog = app.dialog();
        if (dialog == null) {
            stop("clicking " + clicked + " opened no portrait window");
            return;
        }
        if (framesInPhase < 15) {
            return; // let it fade in
        }
        seen.setProperty("dialogOf", dialog.npc().name());
        firstExpression = dialog.expression();
        seen.setProperty("firstExpression", firstExpression);
        seen.setProperty("expressions", String.join(",", dialog.npc().character().expressions()));
        screenshot("demo-portrait.png");
        clickActor(app, "portrait-next");
        next(Phase.NEXT_EXPRESSION);
    }

    private void checkNextExpression(DemoApp app) {
        PortraitDialog dialog = app.dialog();
        if (dialog == null) {
            stop("the next-expression button closed the window");
            return;
        }
        if (framesInPhase < 3) {
            return;
        }
        seen.setProperty("nextExpression", dialog.expression());
        screenshot("demo-portrait-next.png");
        clickActor(app, "portrait-close");
        next(Phase.CLOSED);
    }

    private void checkClosed(DemoApp app) {
        seen.setProperty("closed", Boolean.toString(app.dialog() == null
                && app.stage().getRoot().findActor(PortraitDialog.NAME) == null));
        next(Phase.DONE);
        Gdx.app.exit();
    }

    private void next(Phase phase) {
        this.phase = phase;
        framesInPhase = 0;
    }

    private void stop(String why) {
        problem = why;
        phase = Phase.DONE;
        Gdx.app.exit();
    }

    /** Presses and releases the left button at window pixel (x, y) through the app's input processor. */
    private static void click(int x, int y) {
        InputProcessor input = Gdx.input.getInputProcessor();
        input.touchDown(x, y, 0, Input.Buttons.LEFT);
        input.touchUp(x, y, 0, Input.Buttons.LEFT);
    }

    private void clickActor(DemoApp app, String name) {
        Actor actor = app.stage().getRoot().findActor(name);
        if (actor == null) {
            stop("no actor named " + name);
            return;
        }
        Vector2 p = actor.localToStageCoordinates(new Vector2(actor.getWidth() / 2f, actor.getHeight() / 2f));
        app.stage().stageToScreenCoordinates(p);
        click(Math.round(p.x), Math.round(p.y));
    }

    private void screenshot(String file) {
        Path saved = Screenshots.save(out.resolve(file), true);
        System.out.println("driver: screenshot " + saved);
    }

    private void writeSeen() {
        try (Writer w = Files.newBufferedWriter(out.resolve("demo-ui.properties"))) {
            seen.store(w, "what DemoUiDriver saw");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
