package io.charagen.core;

import com.badlogic.gdx.Application;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.utils.Disposable;
import io.charagen.core.assets.CharagenModel;
import io.charagen.core.cache.CacheKey;
import io.charagen.core.cache.DiskCache;
import io.charagen.core.cache.MemoryCache;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.SpecPresets;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.model.LayerGroups;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetSet;
import io.charagen.generator.preset.PresetSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Makes characters for a libGDX game or tool, never on the render thread. Requests wait in a
 * bounded queue; worker threads (each with its own networks) draw them; results, progress and
 * errors come back on the render thread through {@code Gdx.app.postRunnable}, as a
 * {@link GeneratedCharacter} whose textures were made there. Finished characters are kept in memory
 * and, when configured, on disk, keyed by the models, the spec and the presets' content, so asking
 * again (in this run or the next) skips the networks.
 *
 * <pre>{@code
 * generator = CharacterGenerator.start(spriteModel, portraitModel, presets,
 *         new GeneratorSettings().diskCache(Path.of("cache/npcs"), 256L << 20));
 * generator.request(spec, (request, npc) -> npcs.add(npc));
 * }</pre>
 *
 * Presets are read once, when the generator starts: presets made later need a new generator.
 */
public final class CharacterGenerator implements Disposable {

    private final Application app;
    private final ModelRef spriteModel;
    private final ModelRef portraitModel;
    private final ModelRef portraitEncoder; // null: portraits projected from w_avg
    private final PresetSet presets;
    private final List<String> spriteLayerGroups;
    private final String deviceType;
    private final int capacity;
    private final MemoryCache memory;
    private final DiskCache disk;
    private final Supplier<CharacterMaker> makers;
    private final Map<Thread, CharacterMaker> makerOfWorker = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor workers;
    private final ExecutorService diskLane;
    private final AtomicInteger pending = new AtomicInteger();
    /** Requests not yet ended, so that dispose can cancel them. */
    final Set<Job> live = ConcurrentHashMap.newKeySet();
    private volatile boolean disposed;

    CharacterGenerator(Application app, ModelRef spriteModel, ModelRef portraitModel, PresetSet presets,
                       List<String> spriteLayerGroups, Supplier<CharacterMaker> makers, GeneratorSettings settings) {
        this(app, spriteModel, portraitModel, null, presets, spriteLayerGroups, makers, settings);
    }

    CharacterGenerator(Application app, ModelRef spriteModel, ModelRef portraitModel, ModelRef portraitEncoder,
                       PresetSet presets, List<String> spriteLayerGroups, Supplier<CharacterMaker> makers,
                       GeneratorSettings settings) {
        if (app == null) {
            throw new IllegalStateException("start a CharacterGenerator once the libGDX application runs (Gdx.app is null)");
        }
        this.app = app;
        this.spriteModel = spriteModel;
        this.portraitModel = portraitModel;
        this.portraitEncoder = portraitEncoder;
        this.presets = presets;
        this.spriteLayerGroups = List.copyOf(spriteLayerGroups);
        this.deviceType = settings.device;
        this.capacity = settings.queueCapacity;
        this.memory = new MemoryCache(settings.memoryCacheBytes);
        this.disk = settings.diskCache == null ? null : new DiskCache(settings.diskCache, settings.diskCacheBytes);
        this.makers = makers;
        AtomicInteger threads = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(settings.workers, settings.workers, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), work -> {
                    Thread t = new Thread(() -> runAndCloseMaker(work), "charagen-worker-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.NORM_PRIORITY - 1); // the render thread comes first where priorities count
                    return t;
                });
        this.diskLane = Executors.newSingleThreadExecutor(work -> {
            Thread t = new Thread(work, "charagen-cache");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * A generator on the character pipeline. The presets of both models and the head encoder the
     * settings choose are read now (on this thread); the networks are built by each worker before its
     * first character.
     *
     * @throws IllegalArgumentException when a preset or the chosen encoder cannot be read, or the encoder
     *                                  was made for another portrait model
     */
    public static CharacterGenerator start(CharagenModel sprite, CharagenModel portrait, PresetSource presets,
                                           GeneratorSettings settings) {
        requireKind(sprite, ModelKind.SPRITE);
        requireKind(portrait, ModelKind.PORTRAIT);
        PresetSet snapshot = snapshot(presets, sprite.ref(), portrait.ref());
        HeadEncoderBundle encoder = encoder(settings, portrait);
        String device = settings.device;
        Supplier<CharacterMaker> makers = () -> {
            try {
                return PipelineMaker.open(sprite.source(), portrait.source(), encoder, snapshot, device);
            } catch (Exception e) {
                throw new IllegalStateException("cannot build the networks of " + sprite + " and " + portrait + ": "
                        + e.getMessage(), e);
            }
        };
        List<String> groups = List.copyOf(LayerGroups.of(sprite.source().card()).all().keySet());
        return new CharacterGenerator(Gdx.app, sprite.ref(), portrait.ref(), encoder == null ? null : encoder.ref(),
                snapshot, groups, makers, settings);
    }

    /** The head encoder the settings choose for {@code portrait}, or null for none. */
    private static HeadEncoderBundle encoder(GeneratorSettings settings, CharagenModel portrait) {
        try {
            return settings.portraitEncoder.resolve(portrait.source()).orElse(null);
        } catch (CheckpointException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void requireKind(CharagenModel model, ModelKind kind) {
        if (model.kind() != kind) {
            throw new IllegalArgumentException(model + " was given where a " + kind.cardName() + " model is needed");
        }
    }

    /** Every preset {@code source} has for either model, read now. */
    static PresetSet snapshot(PresetSource source, ModelRef sprite, ModelRef portrait) {
        List<Preset> all = new ArrayList<>();
        // One model may serve as both (its presets are then listed once).
        for (ModelRef model : sprite.sha256().equals(portrait.sha256()) ? List.of(sprite) : List.of(sprite, portrait)) {
            for (PresetKind kind : PresetKind.values()) {
                for (String name : source.names(kind, model)) {
                    try {
                        all.add(source.find(kind, name, model));
                    } catch (PresetException e) {
                        throw new IllegalArgumentException(e.getMessage(), e);
                    }
                }
            }
        }
        return new PresetSet(all);
    }

    /** Archetypes there are presets of for both models. */
    public List<String> archetypes() {
        List<String> names = new ArrayList<>(presets.names(PresetKind.ARCHETYPE, spriteModel));
        names.retainAll(presets.names(PresetKind.ARCHETYPE, portraitModel));
        return names;
    }

    /** Expression presets of the portrait model ({@value ExpressionChoice#BASE} needs none). */
    public List<String> expressions() {
        return presets.names(PresetKind.EXPRESSION, portraitModel);
    }

    /** The sprite model's layer groups, which a {@link io.charagen.generator.character.LayerMix} names. */
    public List<String> spriteLayerGroups() {
        return spriteLayerGroups;
    }

    public ModelRef spriteModel() {
        return spriteModel;
    }

    public ModelRef portraitModel() {
        return portraitModel;
    }

    /** The head encoder that starts the portraits (name and weights' sha256), or null for none. */
    public ModelRef portraitEncoder() {
        return portraitEncoder;
    }

    /** Requests waiting or running now. */
    public int pending() {
        return pending.get();
    }

    public int queueCapacity() {
        return capacity;
    }

    public MemoryCache memoryCache() {
        return memory;
    }

    /** The disk cache, or null when none was configured. */
    public DiskCache diskCache() {
        return disk;
    }

    /**
     * Asks for a whole character: sprite, projection and a portrait per expression.
     *
     * @throws QueueFullException       when {@link #queueCapacity()} requests are already pending
     * @throws IllegalArgumentException when a preset the spec names does not exist (nothing is queued)
     */
    public GenerationRequest request(CharacterSpec spec, CharacterListener listener) {
        return submit(spec, false, listener);
    }

    /** Asks for the sprite of {@code spec} only: seconds sooner, for previews and candidate grids. */
    public GenerationRequest requestSprite(CharacterSpec spec, CharacterListener listener) {
        return submit(spec, true, listener);
    }

    private GenerationRequest submit(CharacterSpec spec, boolean spriteOnly, CharacterListener listener) {
        if (disposed) {
            throw new IllegalStateException("this character generator was disposed");
        }
        CacheKey key = key(spec, spriteOnly);
        Job job = new Job(this, spec, spriteOnly, key, listener);
        CharacterArt remembered = memory.get(key);
        if (remembered != null) {
            job.markReleased();
            job.deliver(renamed(remembered, spec));
            return job;
        }
        if (pending.incrementAndGet() > capacity) {
            pending.decrementAndGet();
            throw new QueueFullException(capacity);
        }
        try {
            if (disk != null) {
                diskLane.execute(job::lookOnDisk);
            } else {
                workers.execute(job);
            }
        } catch (RejectedExecutionException e) {
            job.cancel();
            throw new IllegalStateException("this character generator was disposed", e);
        }
        return job;
    }

    private CacheKey key(CharacterSpec spec, boolean spriteOnly) {
        try {
            SpecPresets used = SpecPresets.find(spec, presets, spriteModel, portraitModel, spriteOnly);
            if (spec.mix() != null && !spriteLayerGroups.containsAll(spec.mix().groups())) {
                throw new IllegalArgumentException("mix groups " + spec.mix().groups() + ": the sprite model has "
                        + String.join(", ", spriteLayerGroups));
            }
            return CacheKey.of(spriteOnly, deviceType, spriteModel, portraitModel, portraitEncoder, spec, used.spriteSide(),
                    used.portraitSide());
        } catch (PresetException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * A cached character under the name this request gave it, its record naming this generator's
     * portrait model and head encoder: a sprite preview's key leaves them out (its pixels do not depend
     * on them), so a cached preview may have been made by a generator with others.
     */
    CharacterArt renamed(CharacterArt art, CharacterSpec spec) {
        CharacterRecord r = art.record();
        if (r.spec().equals(spec) && Objects.equals(r.portraitModel(), portraitModel)
                && Objects.equals(r.portraitEncoder(), portraitEncoder)) {
            return art;
        }
        CharacterRecord record = new CharacterRecord(spec, r.spriteModel(), portraitModel, portraitEncoder, r.device(),
                r.projectionLoss());
        return new CharacterArt(record, art.frames(), art.faces());
    }

    Application app() {
        return app;
    }

    MemoryCache memory() {
        return memory;
    }

    DiskCache disk() {
        return disk;
    }

    boolean isDisposed() {
        return disposed;
    }

    void release() {
        pending.decrementAndGet();
    }

    void toWorkers(Job job) {
        try {
            workers.execute(job);
        } catch (RejectedExecutionException e) {
            job.cancel(); // disposed meanwhile
        }
    }

    void dropQueued(Job job) {
        workers.remove(job);
    }

    /** This worker's maker, built the first time it is needed. */
    CharacterMaker maker() {
        return makerOfWorker.computeIfAbsent(Thread.currentThread(), t -> makers.get());
    }

    private void runAndCloseMaker(Runnable work) {
        try {
            work.run();
        } finally {
            CharacterMaker maker = makerOfWorker.remove(Thread.currentThread());
            if (maker != null) {
                maker.close();
            }
        }
    }

    /**
     * Cancels every request (listeners hear cancelled on the render thread, if it still runs) and
     * stops the workers; each frees its networks when its current step ends. Does not wait for them.
     */
    @Override
    public void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        for (Job job : List.copyOf(live)) {
            job.cancel();
        }
        workers.shutdown();
        diskLane.shutdown();
    }

    /**
     * Waits up to {@code millis} for the workers to finish after {@link #dispose()}. Call it before
     * the JVM exits: a process that ends while a worker is inside PyTorch can crash in native code.
     */
    public boolean awaitStopped(long millis) throws InterruptedException {
        return workers.awaitTermination(millis, TimeUnit.MILLISECONDS) && diskLane.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
