package io.charagen.desktop.demo;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.InputMultiplexer;
import com.badlogic.gdx.assets.AssetManager;
import com.badlogic.gdx.assets.loaders.resolvers.AbsoluteFileHandleResolver;
import com.badlogic.gdx.graphics.Color;
import com.badlogic.gdx.graphics.g2d.SpriteBatch;
import com.badlogic.gdx.math.Rectangle;
import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.math.Vector3;
import com.badlogic.gdx.scenes.scene2d.Stage;
import com.badlogic.gdx.scenes.scene2d.actions.Actions;
import com.badlogic.gdx.utils.ScreenUtils;
import com.badlogic.gdx.utils.viewport.FitViewport;
import com.badlogic.gdx.utils.viewport.ScreenViewport;
import io.charagen.core.CharacterGenerator;
import io.charagen.core.GeneratorSettings;
import io.charagen.core.assets.CharagenModel;
import io.charagen.core.assets.CharagenModelLoader;
import io.charagen.desktop.ui.EditorSkin;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.encoder.EncoderChoice;
import io.charagen.generator.preset.PresetLibrary;

import java.util.List;
import java.util.function.Consumer;

/**
 * The demo scene: a small village map where generated villagers turn up one by one, walk about,
 * and show their portrait when clicked. The models load through the {@link AssetManager}; a
 * {@link CharacterGenerator} makes the villagers off the render thread.
 */
public final class DemoApp extends ApplicationAdapter {

    private static final Color LETTERBOX = Color.valueOf("16261a");

    private final DemoSettings settings;
    private final DemoObserver observer;
    private final Vector3 point = new Vector3();
    private final Rectangle box = new Rectangle();
    private EditorSkin skin;
    private SpriteBatch batch;
    private TileArt art;
    private TileMap map;
    private MapView mapView;
    private Occupancy occupancy;
    private NpcPainter painter;
    private FitViewport world;
    private Stage stage;
    private Hud hud;
    private AssetManager assets;
    private String spriteFile;
    private String portraitFile;
    private CharacterGenerator generator;
    private Villagers villagers;
    private PortraitDialog dialog;
    private Npc hovered;
    private float time;
    private Throwable failure;
    private Consumer<DemoApp> frameHook;

    public DemoApp(DemoSettings settings, DemoObserver observer) {
        this.settings = settings;
        this.observer = observer;
    }

    @Override
    public void create() {
        skin = new EditorSkin();
        batch = new SpriteBatch();
        art = new TileArt();
        map = TileMap.generate(settings.columns(), settings.rows(), settings.firstSeed());
        mapView = new MapView(map, art);
        occupancy = new Occupancy(map);
        painter = new NpcPainter(art, skin.font());
        world = new FitViewport(map.columns() * TileMap.TILE, map.rows() * TileMap.TILE);
        stage = new Stage(new ScreenViewport(), batch);
        hud = new Hud(stage, skin);
        Gdx.input.setInputProcessor(new InputMultiplexer(stage, new MapInput()));

        assets = new AssetManager(new AbsoluteFileHandleResolver());
        assets.setLoader(CharagenModel.class, new CharagenModelLoader(new AbsoluteFileHandleResolver()));
        spriteFile = settings.spriteModel().toAbsolutePath().toString();
        portraitFile = settings.portraitModel().toAbsolutePath().toString();
        assets.load(spriteFile, CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.SPRITE));
        assets.load(portraitFile, CharagenModel.class, CharagenModelLoader.Parameters.of(ModelKind.PORTRAIT));
        hud.loading(0);
    }

    @Override
    public void resize(int width, int height) {
        world.update(width, height, true);
        stage.getViewport().update(width, height, true);
        hud.place();
        if (dialog != null) {
            dialog.setPosition((stage.getWidth() - dialog.getWidth()) / 2f, (stage.getHeight() - dialog.getHeight()) / 2f);
        }
    }

    @Override
    public void render() {
        float delta = Math.min(Gdx.graphics.getDeltaTime(), 0.1f); // no leaps after a stall
        time += delta;
        if (failure == null) {
            try {
                advance(delta);
            } catch (RuntimeException e) {
                fail(e);
            }
        }
        ScreenUtils.clear(LETTERBOX);
        world.apply();
        batch.setProjectionMatrix(world.getCamera().combined);
        batch.begin();
        mapView.draw(batch, time);
        if (villagers != null) {
            villagers.draw(batch, painter, time, dialog == null ? hovered : null);
        }
        batch.end();
        stage.getViewport().apply();
        stage.act(delta);
        stage.draw();
        if (frameHook != null) {
            frameHook.accept(this);
        }
    }

    /** Loads the models, then starts and follows the villagers. */
    private void advance(float delta) {
        if (generator == null) {
            if (!assets.update()) {
                hud.loading(assets.getProgress());
                return;
            }
            startVillagers();
        }
        villagers.update(delta);
        hovered = npcAtScreen(Gdx.input.getX(), Gdx.input.getY());
        hud.generating(villagers);
    }

    private void startVillagers() {
        CharagenModel sprite = assets.get(spriteFile, CharagenModel.class);
        CharagenModel portrait = assets.get(portraitFile, CharagenModel.class);
        GeneratorSettings generatorSettings = new GeneratorSettings()
                .device(settings.device())
                .portraitEncoder(settings.portraitEncoder() != null ? EncoderChoice.file(settings.portraitEncoder())
                        : EncoderChoice.none())
                .queueCapacity(Math.max(32, settings.npcs()));
        if (settings.cache() != null) {
            generatorSettings.diskCache(settings.cache(), DemoSettings.CACHE_BYTES);
        }
        generator = CharacterGenerator.start(sprite, portrait, new PresetLibrary(settings.presets()), generatorSettings);
        VillagerSpecs specs = new VillagerSpecs(settings.firstSeed(), settings.steps(), generator.archetypes(),
                generator.expressions());
        villagers = new Villagers(map, occupancy, specs, settings.npcs(), settings.firstSeed());
        long first = System.nanoTime();
        villagers.request(generator, observer);
        observer.requested(settings.npcs(), first);
    }

    private void fail(Throwable e) {
        failure = e;
        String message = DemoErrors.message(e);
        System.err.println("charagen demo: " + message);
        hud.failed(message);
        Gdx.app.exit();
    }

    /** Takes clicks that no window took: a click on a villager opens its portrait. */
    private final class MapInput extends InputAdapter {
        private Npc pressed;

        @Override
        public boolean touchDown(int screenX, int screenY, int pointer, int button) {
            if (button != Input.Buttons.LEFT) {
                return false;
            }
            pressed = npcAtScreen(screenX, screenY);
            return pressed != null;
        }

        @Override
        public boolean touchUp(int screenX, int screenY, int pointer, int button) {
            Npc npc = pressed;
            pressed = null;
            if (npc != null && npcAtScreen(screenX, screenY) == npc) {
                open(npc);
                return true;
            }
            return false;
        }
    }

    private Npc npcAtScreen(int screenX, int screenY) {
        if (villagers == null) {
            return null;
        }
        world.unproject(point.set(screenX, screenY, 0));
        return villagers.at(point.x, point.y);
    }

    /** Opens {@code npc}'s portrait window; it stops walking and faces the viewer until it is closed. */
    void open(Npc npc) {
        if (dialog != null) {
            dialog.close();
        }
        npc.walker().hold();
        PortraitDialog opened = new PortraitDialog(npc, skin, () -> {
            npc.walker().release();
            dialog = null;
        });
        dialog = opened;
        opened.setPosition(Math.round((stage.getWidth() - opened.getWidth()) / 2f),
                Math.round((stage.getHeight() - opened.getHeight()) / 2f));
        opened.getColor().a = 0;
        opened.addAction(Actions.fadeIn(0.12f));
        stage.addActor(opened);
        stage.setKeyboardFocus(opened);
    }

    // What a test driver needs (same package).

    void onFrame(Consumer<DemoApp> hook) {
        frameHook = hook;
    }

    List<Npc> npcs() {
        return villagers == null ? List.of() : villagers.all();
    }

    /** The portrait window that is open, or null. */
    PortraitDialog dialog() {
        return dialog;
    }

    Stage stage() {
        return stage;
    }

    /** The middle of {@code npc}'s sprite in input coordinates (pixels from the window's top left). */
    Vector2 screenPosition(Npc npc) {
        npc.bounds(box);
        world.project(point.set(box.x + box.width / 2f, box.y + box.height / 2f, 0));
        return new Vector2(point.x, Gdx.graphics.getHeight() - point.y);
    }

    /** The failure that ended the demo, or null. */
    public Throwable failureOrNull() {
        return failure;
    }

    @Override
    public void dispose() {
        if (generator != null) {
            generator.dispose();
        }
        if (villagers != null) {
            villagers.dispose();
        }
        if (generator != null) {
            try {
                // Let the worker finish its step and free its networks before the process ends.
                generator.awaitStopped(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (assets != null) {
            assets.dispose();
        }
        if (stage != null) {
            stage.dispose();
        }
        if (batch != null) {
            batch.dispose();
        }
        if (art != null) {
            art.dispose();
        }
        if (skin != null) {
            skin.dispose();
        }
    }
}
