package io.charagen.desktop.ui;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Application;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3ApplicationConfiguration;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.scenes.scene2d.Actor;
import com.badlogic.gdx.scenes.scene2d.Stage;
import com.badlogic.gdx.scenes.scene2d.ui.CheckBox;
import com.badlogic.gdx.scenes.scene2d.ui.ImageButton;
import com.badlogic.gdx.scenes.scene2d.ui.Label;
import com.badlogic.gdx.scenes.scene2d.ui.List;
import com.badlogic.gdx.scenes.scene2d.ui.ProgressBar;
import com.badlogic.gdx.scenes.scene2d.ui.ScrollPane;
import com.badlogic.gdx.scenes.scene2d.ui.SelectBox;
import com.badlogic.gdx.scenes.scene2d.ui.Slider;
import com.badlogic.gdx.scenes.scene2d.ui.Table;
import com.badlogic.gdx.scenes.scene2d.ui.TextButton;
import com.badlogic.gdx.scenes.scene2d.ui.TextField;
import com.badlogic.gdx.scenes.scene2d.ui.Window;
import com.badlogic.gdx.scenes.scene2d.utils.ChangeListener;
import com.badlogic.gdx.utils.ScreenUtils;
import com.badlogic.gdx.utils.viewport.ScreenViewport;

import java.nio.file.Path;

/**
 * A window with one of each widget in {@link EditorSkin}: clicks a button through the stage's
 * input (as a mouse would), moves a slider, saves a screenshot to the path in its first argument
 * (which must not exist) and exits; exit code 2 when the click did not arrive or a second
 * screenshot replaced the first. {@link SkinSmokeUiTest} runs it under Xvfb.
 */
public final class SkinSmokeApp extends ApplicationAdapter {

    static final int WIDTH = 800;
    static final int HEIGHT = 600;
    /** Frames drawn before the simulated click, and before the screenshot. */
    private static final int CLICK_FRAME = 3;
    private static final int SCREENSHOT_FRAME = 6;

    private final Path screenshot;
    private EditorSkin skin;
    private Stage stage;
    private TextButton generate;
    private Label status;
    private Slider scale;
    private int frame;
    private int clicks;
    private boolean failed;

    private SkinSmokeApp(Path screenshot) {
        this.screenshot = screenshot;
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: SkinSmokeApp SCREENSHOT.png");
            System.exit(64);
        }
        SkinSmokeApp app = new SkinSmokeApp(Path.of(args[0]));
        Lwjgl3ApplicationConfiguration config = new Lwjgl3ApplicationConfiguration();
        config.setTitle("EditorSkin smoke test");
        config.setWindowedMode(WIDTH, HEIGHT);
        config.setResizable(false);
        config.useVsync(false);
        config.setForegroundFPS(30);
        config.disableAudio(true);
        config.setOpenGLEmulation(Lwjgl3ApplicationConfiguration.GLEmulation.GL20, 2, 0);
        new Lwjgl3Application(app, config);
        System.exit(app.failed ? 2 : 0);
    }

    @Override
    public void create() {
        System.out.println("GL_RENDERER " + Gdx.gl.glGetString(GL20.GL_RENDERER));
        System.out.println("GL_VERSION " + Gdx.gl.glGetString(GL20.GL_VERSION));
        System.out.println("back buffer " + Gdx.graphics.getBackBufferWidth() + "x" + Gdx.graphics.getBackBufferHeight());
        skin = new EditorSkin();
        stage = new Stage(new ScreenViewport());
        Gdx.input.setInputProcessor(stage);

        Table root = new Table(skin);
        root.setFillParent(true);
        root.setBackground("background");
        root.pad(16).defaults().pad(6).left();
        root.add(new Label("EditorSkin", skin, "title")).colspan(3);
        root.row();
        root.add(controls()).top().growY();
        root.add(lists()).top().growY();
        root.add(window()).top().expand();
        stage.addActor(root);
    }

    private Table controls() {
        Table table = new Table(skin).top();
        table.defaults().pad(5).left().fillX();
        generate = new TextButton("Generate", skin);
        status = new Label("not clicked yet", skin, "dim");
        generate.addListener(new ChangeListener() {
            @Override
            public void changed(ChangeEvent event, Actor actor) {
                clicks++;
                status.setText("clicked " + clicks + "x");
            }
        });
        TextButton toggle = new TextButton("Toggle on", skin, "toggle");
        toggle.setChecked(true);
        TextButton disabled = new TextButton("Disabled", skin);
        disabled.setDisabled(true);
        table.add(generate);
        table.add(status).row();
        table.add(toggle);
        table.add(disabled).row();
        CheckBox mirror = new CheckBox("Mirror sprite", skin);
        mirror.setChecked(true);
        table.add(mirror);
        table.add(new CheckBox("Walk cycle", skin)).row();
        table.add(new Label("Scale", skin));
        scale = new Slider(0f, 1f, 0.01f, false, skin);
        table.add(scale).width(170).row();
        table.add(new Label("Progress", skin));
        ProgressBar progress = new ProgressBar(0f, 1f, 0.01f, false, skin);
        progress.setValue(0.62f);
        table.add(progress).width(170).row();
        table.add(new Label("Name", skin));
        TextField name = new TextField("Harold the Brave", skin);
        table.add(name).width(170).row();
        table.add(new Label("Seed", skin));
        TextField seed = new TextField("", skin);
        seed.setMessageText("random");
        table.add(seed).width(170).row();
        table.add(new Label("Model", skin));
        SelectBox<String> model = new SelectBox<>(skin);
        model.setItems("sprite (sg2-64)", "portrait (sg3t-64)");
        table.add(model).width(170).row();
        table.add(new Label("Tools", skin));
        Table tools = new Table();
        tools.defaults().padRight(6);
        tools.add(new ImageButton(skin.iconButton(skin.newDrawable("circle", EditorPalette.TEXT), "default")));
        ImageButton checkedTool = new ImageButton(skin.iconButton(skin.newDrawable("circle", EditorPalette.TEXT), "toggle"));
        checkedTool.setChecked(true);
        tools.add(checkedTool);
        table.add(tools).row();
        stage.setKeyboardFocus(name);
        return table;
    }

    private Table lists() {
        Table table = new Table(skin).top();
        table.defaults().pad(5).left();
        table.add(new Label("Characters", skin)).row();
        List<String> characters = new List<>(skin);
        characters.setItems("Harold", "Mira", "Old Tom", "Captain Vex", "Lyra", "Brann", "Sable", "Quill",
                "Orrin", "Thessaly", "Wick", "Nettle");
        characters.setSelectedIndex(1);
        table.add(new ScrollPane(characters, skin)).width(180).height(220);
        return table;
    }

    private Window window() {
        Window window = new Window("Layers", skin);
        window.defaults().pad(4).left();
        window.add(new CheckBox("Body", skin)).row();
        window.add(new CheckBox("Hair", skin)).row();
        window.add(new Label("Opacity", skin)).row();
        window.add(new Slider(0f, 100f, 1f, false, skin)).width(150).row();
        window.add(new TextButton("Apply", skin)).right();
        window.pack();
        return window;
    }

    @Override
    public void render() {
        frame++;
        ScreenUtils.clear(EditorPalette.BACKGROUND);
        stage.act(Gdx.graphics.getDeltaTime());
        if (frame == CLICK_FRAME) {
            click(generate);
            scale.setValue(0.7f);
        }
        stage.draw();
        if (frame == SCREENSHOT_FRAME) {
            finish();
        }
    }

    /** Presses and releases the left button over the actor's middle, through the stage's input. */
    private void click(Actor actor) {
        Vector2 point = actor.localToStageCoordinates(new Vector2(actor.getWidth() / 2f, actor.getHeight() / 2f));
        stage.stageToScreenCoordinates(point);
        stage.touchDown((int) point.x, (int) point.y, 0, Input.Buttons.LEFT);
        stage.touchUp((int) point.x, (int) point.y, 0, Input.Buttons.LEFT);
    }

    private void finish() {
        Path saved = Screenshots.save(screenshot);
        System.out.println("screenshot " + saved);
        try {
            Screenshots.save(screenshot);
            System.err.println("a second screenshot replaced the first");
            failed = true;
        } catch (IllegalStateException expected) {
            System.out.println("second screenshot refused: " + expected.getMessage());
        }
        System.out.println("clicks: " + clicks + ", slider: " + scale.getValue());
        if (clicks != 1) {
            System.err.println("expected the simulated click to change the button once, got " + clicks);
            failed = true;
        }
        Gdx.app.exit();
    }

    @Override
    public void dispose() {
        stage.dispose();
        skin.dispose();
    }
}
