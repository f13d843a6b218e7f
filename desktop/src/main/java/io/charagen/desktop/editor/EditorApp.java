package io.charagen.desktop.editor;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.backends.lwjgl3.Lwjgl3Graphics;
import com.badlogic.gdx.scenes.scene2d.Stage;
import com.badlogic.gdx.utils.GdxRuntimeException;
import com.badlogic.gdx.utils.ScreenUtils;
import com.badlogic.gdx.utils.viewport.ScreenViewport;
import io.charagen.core.CharacterGenerator;
import io.charagen.core.GeneratorSettings;
import io.charagen.desktop.ui.EditorPalette;
import io.charagen.desktop.ui.EditorSkin;
import io.charagen.generator.encoder.EncoderChoice;
import io.charagen.generator.preset.PresetLibrary;

/**
 * The editor application: loads the two models through the AssetManager (showing its progress),
 * then starts a {@link CharacterGenerator} and shows the {@link EditorView}. Open it with
 * {@link EditorWindow}.
 */
public final class EditorApp extends ApplicationAdapter {

    /** Frames are capped here so a stall (a GC, a slow model load) does not jump animations. */
    private static final float MAX_FRAME_SECONDS = 1 / 15f;
    private static final long DISK_CACHE_BYTES = 512L << 20;
    /** How long closing waits for a worker to end its current step (one projection step, usually well under a second). */
    private static final long STOP_WAIT_MILLIS = 30_000;

    /** Called after each frame is drawn, before it is shown (tests drive and screenshot the editor here). */
    interface FrameHook {
        void afterFrame(EditorApp app);
    }

    private final EditorSettings settings;
    private FrameHook hook;
    private EditorSkin skin;
    private Stage stage;
    private ModelLoading loading;
    private LoadingView loadingView;
    private String failure;
    private CharacterGenerator generator;
    private EditorView view;
    /** Stops the workers when the JVM exits some other way than by closing the window (Ctrl-C, SIGTERM). */
    private Thread stopOnExit;

    public EditorApp(EditorSettings settings) {
        this.settings = settings;
    }

    EditorSettings settings() {
        return settings;
    }

    void afterEachFrame(FrameHook frameHook) {
        hook = frameHook;
    }

    @Override
    public void create() {
        skin = new EditorSkin();
        stage = new Stage(new ScreenViewport());
        Gdx.input.setInputProcessor(stage);
        loadingView = new LoadingView(skin, models() + ", presets in " + settings.presets());
        stage.addActor(loadingView);
        try {
            loading = new ModelLoading(settings.spriteModel(), settings.portraitModel());
        } catch (GdxRuntimeException e) {
            fail(e);
        }
    }

    private String models() {
        return "sprite " + settings.spriteModel().getFileName() + ", portrait " + settings.portraitModel().getFileName()
                + (settings.portraitEncoder() != null ? " with " + settings.portraitEncoder().getFileName() : "")
                + " on the " + settings.device();
    }

    @Override
    public void render() {
        float delta = Math.min(Gdx.graphics.getDeltaTime(), MAX_FRAME_SECONDS);
        if (view == null && failure == null && loading != null) {
            pollLoading();
        }
        if (view != null) {
            view.update(delta);
        }
        ScreenUtils.clear(EditorPalette.BACKGROUND);
        stage.act(delta);
        stage.draw();
        if (hook != null) {
            hook.afterFrame(this);
        }
    }

    private void pollLoading() {
        try {
            if (!loading.update()) {
                loadingView.progress(loading.progress(), loading.loaded(), 2);
                return;
            }
            loadingView.starting();
            PresetLibrary presets = new PresetLibrary(settings.presets());
            generator = CharacterGenerator.start(loading.sprite(), loading.portrait(), presets, new GeneratorSettings()
                    .device(settings.device())
                    .portraitEncoder(settings.portraitEncoder() != null ? EncoderChoice.file(settings.portraitEncoder())
                            : EncoderChoice.none())
                    .diskCache(settings.cache(), DISK_CACHE_BYTES));
            stopOnExit = new Thread(this::stopGenerator, "charagen-editor-exit");
            Runtime.getRuntime().addShutdownHook(stopOnExit);
            view = new EditorView(skin, generator, PresetStrengths.of(presets, generator), settings.projectionSteps(),
                    models());
            loadingView.remove();
            stage.addActor(view.root());
            view.start();
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    private void fail(RuntimeException e) {
        failure = Problems.describe(e);
        System.err.println("charagen editor: " + failure);
        loadingView.failed(failure);
    }

    /** The editor, or null while the models load (or when they failed). */
    EditorView view() {
        return view;
    }

    /** Why the editor could not start, or null. */
    String failure() {
        return failure;
    }

    Stage stage() {
        return stage;
    }

    @Override
    public void resize(int width, int height) {
        stage.getViewport().update(width, height, true);
    }

    @Override
    public void dispose() {
        if (Gdx.graphics instanceof Lwjgl3Graphics graphics) {
            graphics.getWindow().setVisible(false); // gone at once, while the workers finish their step
        }
        if (view != null) {
            view.dispose();
        }
        if (generator != null) {
            stopGenerator();
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException exiting) {
                // the JVM is already shutting down; the hook has run or runs now
            }
        }
        if (loading != null) {
            loading.dispose();
        }
        stage.dispose();
        skin.dispose();
    }

    /**
     * Cancels every request and waits for the workers: the JVM must not exit while one is inside
     * PyTorch's native code, or libtorch's teardown crashes it.
     */
    private void stopGenerator() {
        generator.dispose();
        try {
            if (!generator.awaitStopped(STOP_WAIT_MILLIS)) {
                System.err.println("charagen editor: a worker is still busy after " + STOP_WAIT_MILLIS / 1000 + " s; exiting anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
