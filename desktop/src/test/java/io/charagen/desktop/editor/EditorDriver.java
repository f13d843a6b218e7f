package io.charagen.desktop.editor;

import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.ui.CheckBox;
import com.badlogic.gdx.scenes.scene2d.ui.SelectBox;
import com.badlogic.gdx.scenes.scene2d.ui.Slider;
import com.badlogic.gdx.scenes.scene2d.ui.TextField;
import io.charagen.desktop.ui.Screenshots;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Starts the editor on the fixture models and drives it like a user, one step per frame (a step
 * that waits returns false until its condition holds): the candidate grid, picking a candidate,
 * every kind of control, export to an RPG Maker MV project as one of its actors, saving and loading
 * the record. Saves
 * three screenshots; prints each step with its time; exits 1 (with the reason) when a step fails
 * or runs out of time. {@link EditorUiTest} runs it under Xvfb.
 *
 * <p>Arguments: sprite model, portrait model, presets folder, cache folder, MV project folder,
 * record file, screenshot folder.
 */
public final class EditorDriver implements EditorApp.FrameHook {

    static final int WIDTH = 1280;
    static final int HEIGHT = 800;
    static final int STEPS = 3;
    static final int PICKED = 3;
    static final float PSI = 0.5f;
    static final String ARCHETYPE = "hero";
    static final String EXPRESSION = "angry";
    static final double STRENGTH = 1.2;
    static final long MIX_SEED = 7;
    static final String NAME = "Harold";
    static final int ACTOR = 1;
    private static final double STEP_SECONDS = 240;

    private record Step(String what, Predicate<EditorApp> action) {
    }

    private final Path project;
    private final Path record;
    private final Path screenshots;
    private final List<Step> steps = new ArrayList<>();
    private final long started = System.nanoTime();
    private int current;
    private long stepStarted = System.nanoTime();
    private int framesInStep;
    private String failure;
    private String mixGroup;
    private String lastProgress = "";

    private EditorDriver(Path project, Path record, Path screenshots) {
        this.project = project;
        this.record = record;
        this.screenshots = screenshots;
        script();
    }

    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("usage: EditorDriver SPRITE PORTRAIT PRESETS CACHE PROJECT RECORD SCREENSHOTS");
            System.exit(64);
        }
        EditorSettings settings = new EditorSettings(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), "cpu", STEPS,
                Path.of(args[3]), WIDTH, HEIGHT);
        EditorDriver driver = new EditorDriver(Path.of(args[4]), Path.of(args[5]), Path.of(args[6]));
        EditorApp app = new EditorApp(settings);
        app.afterEachFrame(driver);
        EditorWindow.open(app);
        if (driver.failure != null) {
            System.out.println("DRIVER FAILED: " + driver.failure);
            System.exit(1);
        }
        System.out.println("DRIVER DONE in " + seconds(driver.started));
        System.exit(0);
    }

    private void script() {
        step("editor started", app -> {
            if (app.failure() != null) {
                throw new IllegalStateException("the editor did not start: " + app.failure());
            }
            return app.view() != null;
        });
        step("candidate grid and first sprite made", app -> app.view().grid().isComplete()
                && app.view().live().record(app.view().form().spec()) != null && framesInStep > 3);
        step("screenshot 1 (grid)", app -> screenshot("editor-1-grid.png"));
        step("pick candidate " + PICKED, app -> {
            input(app).click("candidate-" + PICKED);
            return expectText(app, "seed", Integer.toString(PICKED));
        });
        step("psi " + PSI, app -> {
            input(app).find("psi", Slider.class).setValue(PSI);
            return true;
        });
        step("archetype " + ARCHETYPE, app -> {
            input(app).find("archetype", SelectBox.class).setSelected(ARCHETYPE);
            return true;
        });
        step("expression " + EXPRESSION + " at " + STRENGTH, app -> {
            UiInput ui = input(app);
            ui.click("expression-" + EXPRESSION);
            if (!ui.find("expression-" + EXPRESSION, CheckBox.class).isChecked()) {
                throw new IllegalStateException("the click did not tick " + EXPRESSION);
            }
            ui.find("strength-" + EXPRESSION, Slider.class).setValue((float) STRENGTH);
            return true;
        });
        step("mix with seed " + MIX_SEED, app -> {
            UiInput ui = input(app);
            ui.click("mix");
            ui.type("mix-seed", Long.toString(MIX_SEED));
            Actor group = ui.findFirst("mix-group-");
            mixGroup = group.getName().substring("mix-group-".length());
            ui.click(group);
            return true;
        });
        step("name " + NAME, app -> {
            input(app).type("name", NAME);
            return true;
        });
        step("whole character with the edits", app -> finishedMatchesControls(app) && framesInStep > 3);
        step("check the edited spec", app -> {
            CharacterSpec spec = app.view().live().finished().record().spec();
            require(spec.seed() == PICKED, "seed " + spec.seed());
            require(Math.abs(spec.psi() - PSI) < 1e-9, "psi " + spec.psi());
            require(ARCHETYPE.equals(spec.archetype()), "archetype " + spec.archetype());
            require(spec.expressions().contains(new ExpressionChoice(EXPRESSION, STRENGTH)), "faces " + spec.expressions());
            require(spec.mix() != null && spec.mix().seed() == MIX_SEED && spec.mix().groups().equals(List.of(mixGroup)),
                    "mix " + spec.mix());
            require(app.view().live().finished().hasPortraits(), "no portraits");
            return true;
        });
        step("screenshot 2 (edited)", app -> screenshot("editor-2-edit.png"));
        step("export to the MV project as actor " + ACTOR, app -> {
            UiInput ui = input(app);
            ui.type("project", project.toString());
            SelectBox<?> actors = ui.find("actor", SelectBox.class);
            require(actors.getItems().size > ACTOR, "the actor chooser lists " + actors.getItems());
            actors.setSelectedIndex(ACTOR);
            ui.click("export");
            return expectStatus(app, "exported " + NAME, false);
        });
        step("a second export is refused", app -> {
            input(app).click("export");
            return expectStatus(app, "already exists", true);
        });
        step("save the record", app -> {
            UiInput ui = input(app);
            ui.type("record-path", record.toString());
            ui.click("save-record");
            return expectStatus(app, "saved the record of " + NAME, false);
        });
        step("a bad seed is reported", app -> {
            input(app).type("seed", "12x");
            return expectStatus(app, "seed '12x'", true);
        });
        step("move away from the record", app -> {
            UiInput ui = input(app);
            ui.type("seed", "11");
            ui.find("psi", Slider.class).setValue(1.0f);
            ui.find("archetype", SelectBox.class).setSelected(SpecForm.NO_ARCHETYPE);
            ui.click("mix");
            return true;
        });
        step("the faces on show stay while the new character is made", app -> {
            if (app.view().live().finished() != null) {
                return false; // the debounce has not asked for the new spec yet
            }
            input(app).find("portrait-" + ExpressionChoice.BASE, PixelImage.class);
            return true;
        });
        step("load the record", app -> {
            input(app).click("load-record");
            return expectStatus(app, "loaded " + NAME, false);
        });
        step("the controls show the record", app -> {
            UiInput ui = input(app);
            require(ui.find("seed", TextField.class).getText().equals(Integer.toString(PICKED)), "seed field");
            require(Math.abs(ui.find("psi", Slider.class).getValue() - PSI) < 1e-4, "psi slider");
            require(ARCHETYPE.equals(ui.find("archetype", SelectBox.class).getSelected()), "archetype");
            require(ui.find("mix", CheckBox.class).isChecked(), "mix box");
            require(ui.find("expression-" + EXPRESSION, CheckBox.class).isChecked(), "expression box");
            return true;
        });
        step("whole character again", app -> finishedMatchesControls(app) && framesInStep > 3);
        step("screenshot 3 (record loaded)", app -> screenshot("editor-3-reloaded.png"));
        step("exit", app -> {
            Gdx.app.exit();
            return true;
        });
    }

    private void step(String what, Predicate<EditorApp> action) {
        steps.add(new Step(what, action));
    }

    @Override
    public void afterFrame(EditorApp app) {
        if (failure != null || current >= steps.size()) {
            return;
        }
        logProgress(app);
        Step step = steps.get(current);
        framesInStep++;
        try {
            if (step.action().test(app)) {
                System.out.println("step '" + step.what() + "' done after " + seconds(stepStarted) + " (total "
                        + seconds(started) + ")");
                current++;
                stepStarted = System.nanoTime();
                framesInStep = 0;
            } else if ((System.nanoTime() - stepStarted) / 1e9 > STEP_SECONDS) {
                fail("step '" + step.what() + "' timed out after " + STEP_SECONDS + " s; status: " + status(app));
            }
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            fail("step '" + step.what() + "': " + e.getMessage() + "; status: " + status(app));
        }
    }

    /** Prints the whole character's progress as it changes, for timings. */
    private void logProgress(EditorApp app) {
        if (app.view() != null && !app.view().live().progressText().equals(lastProgress)) {
            lastProgress = app.view().live().progressText();
            System.out.println("  progress '" + lastProgress + "' at " + seconds(started) + ", " + Gdx.graphics.getFramesPerSecond() + " fps");
        }
    }

    private void fail(String why) {
        failure = why;
        Gdx.app.exit();
    }

    private static String status(EditorApp app) {
        return app.view() == null ? "(no editor)" : "'" + app.view().status().getText() + "'";
    }

    private static UiInput input(EditorApp app) {
        return new UiInput(app.stage());
    }

    /** Whether the whole character on show is the one the controls describe (its name aside). */
    private static boolean finishedMatchesControls(EditorApp app) {
        EditorView view = app.view();
        return !view.isSettling() && view.live().finished(view.form().spec()) != null;
    }

    private boolean screenshot(String name) {
        Path saved = Screenshots.save(screenshots.resolve(name), true);
        System.out.println("screenshot " + saved);
        return true;
    }

    private static boolean expectText(EditorApp app, String field, String text) {
        String shown = new UiInput(app.stage()).find(field, TextField.class).getText();
        require(shown.equals(text), field + " shows '" + shown + "', expected '" + text + "'");
        return true;
    }

    private static boolean expectStatus(EditorApp app, String part, boolean error) {
        StatusLine status = app.view().status();
        String text = status.getText().toString();
        require(text.contains(part) && status.showsError() == error, "status '" + text + "' (error: " + status.showsError()
                + "), expected " + (error ? "an error" : "a message") + " with '" + part + "'");
        System.out.println("status: " + text);
        return true;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException(what);
        }
    }

    private static String seconds(long since) {
        return String.format("%.1f s", (System.nanoTime() - since) / 1e9);
    }
}
