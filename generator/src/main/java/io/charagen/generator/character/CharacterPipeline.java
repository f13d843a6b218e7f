package io.charagen.generator.character;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.character.PipelineListener.Stage;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.image.ImageConversion;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.model.LayerGroups;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.nn.discriminator.Discriminator;
import io.charagen.generator.pixelart.CleanupOptions;
import io.charagen.generator.pixelart.CleanupResult;
import io.charagen.generator.pixelart.SpriteCleanup;
import io.charagen.generator.portrait.HeadCrop;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetSource;
import io.charagen.generator.projection.ProjectionOptions;
import io.charagen.generator.projection.ProjectionResult;
import io.charagen.generator.projection.Projector;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.SheetLayout;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The character pipeline of DESIGN.md: seed to sprite sheet (archetype blended in), clean-up to
 * pixel art, head crop, projection into the portrait network, portrait styled by the archetype,
 * one face per expression. It holds both networks (and the portrait snapshot's discriminator, for
 * the projector's perceptual term) until closed; one pipeline makes any number of characters, and
 * each character's native memory is freed before the next.
 */
public final class CharacterPipeline implements AutoCloseable {

    private final ModelSource spriteModel;
    private final ModelSource portraitModel;
    private final PresetSource presets;
    private final Generator sprite;
    private final Generator portrait;
    private final Discriminator discriminator;
    private final SheetLayout layout;
    private final LayerGroups spriteGroups;
    private final LayerGroups portraitGroups;
    private final List<Integer> identityLayers;
    private final Projector projector; // keeps the portrait model's w statistics between characters

    private CharacterPipeline(ModelSource spriteModel, ModelSource portraitModel, PresetSource presets,
                              Generator sprite, Generator portrait, Discriminator discriminator) {
        this.spriteModel = spriteModel;
        this.portraitModel = portraitModel;
        this.presets = presets;
        this.sprite = sprite;
        this.portrait = portrait;
        this.discriminator = discriminator;
        this.projector = new Projector(portrait, discriminator);
        this.layout = SheetLayout.forCard(spriteModel.card());
        this.spriteGroups = LayerGroups.of(spriteModel.card());
        this.portraitGroups = LayerGroups.of(portraitModel.card());
        try {
            this.identityLayers = portraitGroups.layers(LayerGroups.IDENTITY);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(portraitModel.path() + ": " + e.getMessage()
                    + "; a portrait model's card must name the layers that carry identity");
        }
    }

    /** Builds both networks on {@code device}. */
    public static CharacterPipeline open(ModelSource spriteModel, ModelSource portraitModel, PresetSource presets,
                                         Device device) throws CheckpointException {
        Generator sprite = Generator.create(spriteModel.generator(), device);
        Generator portrait = null;
        Discriminator discriminator = null;
        try {
            portrait = Generator.create(portraitModel.generator(), device);
            if (portraitModel.discriminatorRecord().isPresent()) {
                discriminator = Discriminator.create(portraitModel.discriminatorRecord().get(), device);
            }
            return new CharacterPipeline(spriteModel, portraitModel, presets, sprite, portrait, discriminator);
        } catch (CheckpointException | RuntimeException e) {
            sprite.close();
            if (portrait != null) {
                portrait.close();
            }
            if (discriminator != null) {
                discriminator.close();
            }
            throw e;
        }
    }

    public ModelSource spriteModel() {
        return spriteModel;
    }

    public ModelSource portraitModel() {
        return portraitModel;
    }

    public SheetLayout layout() {
        return layout;
    }

    /** Whether projections get the perceptual term (the portrait model came with a discriminator). */
    public boolean hasPerceptualTerm() {
        return discriminator != null;
    }

    /** The expression presets there are for the portrait model. */
    public List<String> expressionNames() {
        return presets.names(PresetKind.EXPRESSION, portraitModel.ref());
    }

    /** The archetype presets there are for both models. */
    public List<String> archetypeNames() {
        List<String> names = new ArrayList<>(presets.names(PresetKind.ARCHETYPE, portraitModel.ref()));
        names.retainAll(presets.names(PresetKind.ARCHETYPE, spriteModel.ref()));
        return names;
    }

    /** The layer groups of the sprite model, which {@link LayerMix} names. */
    public List<String> spriteLayerGroups() {
        return List.copyOf(spriteGroups.all().keySet());
    }

    /**
     * Only the sprite of {@code spec} (its first two stages, no projection and no faces): the quick
     * preview a candidate grid shows. The frames are those {@link #make} would give.
     */
    public CharacterArt makeSprite(CharacterSpec spec, PipelineListener listener, BooleanSupplier cancelled)
            throws PresetException {
        PipelineListener progress = listener == null ? PipelineListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        SpecPresets used = SpecPresets.find(spec, presets, spriteModel.ref(), portraitModel.ref(), true);
        List<Integer> mixLayers = mixLayers(spec);
        Map<Stage, Long> times = new EnumMap<>(Stage.class);
        CleanupResult cleaned = drawSprite(spec, used.spriteArchetype(), mixLayers, times, progress, stop).cleaned();
        CharacterRecord record = new CharacterRecord(spec, spriteModel.ref(), portraitModel.ref(),
                sprite.device().getDeviceType(), 0);
        return new CharacterArt(record, cleaned.frames(), Map.of());
    }

    /**
     * Makes one character. Presets are looked up first, so a missing one fails before any work.
     *
     * @throws CancellationException when {@code cancelled} turns true (checked between stages and steps)
     */
    public Character make(CharacterSpec spec, PipelineListener listener, BooleanSupplier cancelled)
            throws PresetException {
        PipelineListener progress = listener == null ? PipelineListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        SpecPresets used = SpecPresets.find(spec, presets, spriteModel.ref(), portraitModel.ref(), false);
        Preset portraitArchetype = used.portraitArchetype();
        Map<String, Preset> expressions = used.expressions();
        List<Integer> mixLayers = mixLayers(spec);
        Map<Stage, Long> times = new EnumMap<>(Stage.class);

        Sprite drawn = drawSprite(spec, used.spriteArchetype(), mixLayers, times, progress, stop);
        BufferedImage canvas = drawn.canvas();
        CleanupResult cleaned = drawn.cleaned();
        CharacterFrames frames = cleaned.frames();
        long start = System.nanoTime();

        HeadCrop.Result head;
        try {
            head = HeadCrop.find(frames.standingFront(), portrait.resolution(), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("seed " + spec.seed() + ": " + e.getMessage()
                    + " (the sprite model drew no figure there; try another seed or psi)", e);
        }
        start = finish(Stage.HEAD_CROP, start, times, progress, stop);

        ProjectionOptions options = ProjectionOptions.defaults().withSteps(spec.projectionSteps()).withSeed(spec.seed());
        ProjectionResult projection = projector.project(toChw(head.image()), head.mask(), options,
                (step, steps, loss, lr, noise) -> progress.progress(Stage.PROJECTION, step, steps,
                        String.format("loss %.4f", loss)), stop);
        times.put(Stage.PROJECTION, System.nanoTime() - start);
        start = System.nanoTime();

        float[] styled = projection.ws();
        if (portraitArchetype != null) {
            List<Integer> rest = new ArrayList<>(portraitArchetype.layersIn(portraitGroups));
            rest.removeAll(identityLayers);
            portraitArchetype.applyTo(styled, rest, portraitArchetype.strength());
        }
        Map<String, BufferedImage> faces = new LinkedHashMap<>();
        int done = 0;
        for (ExpressionChoice choice : spec.expressions()) {
            if (stop.getAsBoolean()) {
                throw new CancellationException("cancelled while drawing portraits");
            }
            float[] ws = styled.clone();
            Preset expression = expressions.get(choice.name());
            if (expression != null) {
                expression.applyTo(ws, expression.layersIn(portraitGroups),
                        choice.strength() != null ? choice.strength() : expression.strength());
            }
            faces.put(choice.name(), synthesize(portrait, ws));
            progress.progress(Stage.PORTRAITS, ++done, spec.expressions().size(), choice.name());
        }
        times.put(Stage.PORTRAITS, System.nanoTime() - start);

        CharacterRecord record = new CharacterRecord(spec, spriteModel.ref(), portraitModel.ref(),
                sprite.device().getDeviceType(), projection.finalLoss());
        return new Character(record, canvas, frames, head.image(), faces, cleaned.palette().length,
                projection.steps(), cleaned.report().summary(), head.summary(), times);
    }

    /** The sprite network's canvas and its clean-up. */
    private record Sprite(BufferedImage canvas, CleanupResult cleaned) { }

    /** Stages 1 and 2: seed (mixed, archetype blended) to canvas, then clean-up to frames. */
    private Sprite drawSprite(CharacterSpec spec, Preset archetype, List<Integer> mixLayers, Map<Stage, Long> times,
                              PipelineListener progress, BooleanSupplier stop) {
        long start = System.nanoTime();
        float[] spriteWs = map(sprite, spec.seed(), spec.psi());
        if (spec.mix() != null) {
            float[] other = map(sprite, spec.mix().seed(), spec.psi());
            int wDim = sprite.wDim();
            for (int layer : mixLayers) {
                System.arraycopy(other, layer * wDim, spriteWs, layer * wDim, wDim);
            }
        }
        if (archetype != null) {
            archetype.applyTo(spriteWs, spriteGroups);
        }
        BufferedImage canvas = synthesize(sprite, spriteWs);
        start = finish(Stage.SPRITE, start, times, progress, stop);

        CleanupResult cleaned = SpriteCleanup.clean(canvas, layout,
                CleanupOptions.defaults().withPaletteSize(spec.paletteSize()).withOutline(spec.outlineRgb()));
        finish(Stage.CLEANUP, start, times, progress, stop);
        return new Sprite(canvas, cleaned);
    }

    /** The sprite ws layers the spec's mix takes from its second seed (checked before any work). */
    private List<Integer> mixLayers(CharacterSpec spec) {
        if (spec.mix() == null) {
            return List.of();
        }
        List<Integer> layers = new ArrayList<>();
        for (String group : spec.mix().groups()) {
            if (!spriteGroups.all().containsKey(group)) {
                throw new IllegalArgumentException("mix group '" + group + "': the sprite model " + spriteModel.ref().describe()
                        + " has the layer groups " + String.join(", ", spriteGroups.all().keySet()));
            }
            layers.addAll(spriteGroups.layers(group));
        }
        return layers;
    }

    private static long finish(Stage stage, long start, Map<Stage, Long> times, PipelineListener progress,
                               BooleanSupplier stop) {
        long now = System.nanoTime();
        times.put(stage, now - start);
        progress.progress(stage, 1, 1, "");
        if (stop.getAsBoolean()) {
            throw new CancellationException("cancelled after the " + stage.label() + " stage");
        }
        return now;
    }

    /** ws [num_ws * w_dim] of {@code seed}: z = RandomState(seed).randn(1, z_dim), truncated by psi. */
    static float[] map(Generator generator, long seed, double psi) {
        try (NDManager scope = NDManager.newBaseManager(generator.device())) {
            NDArray z = scope.create(NumpyRandomState.gaussianLatent(seed, generator.zDim()), new Shape(1, generator.zDim()));
            return generator.map(z, null, psi, null).toFloatArray();
        }
    }

    /** The image of ws [num_ws * w_dim] as pixels. */
    static BufferedImage synthesize(Generator generator, float[] ws) {
        try (NDManager scope = NDManager.newBaseManager(generator.device())) {
            NDArray image = draw(generator, ws, scope);
            return ImageConversion.toImage(image.toFloatArray(), image.getShape().getShape(), 0);
        }
    }

    /**
     * The network's output [1, C, H, W] for ws [num_ws * w_dim], on {@code scope}: drawn with all
     * its checkpoint stores (a StyleGAN3 input's transform included), never moved.
     */
    static NDArray draw(Generator generator, float[] ws, NDManager scope) {
        NDArray w = scope.create(ws, new Shape(1, generator.numWs(), generator.wDim()));
        return generator.synthesize(w);
    }

    /** The sprite network, for tests in this package. */
    Generator spriteNetwork() {
        return sprite;
    }

    /** The portrait network, for tests in this package. */
    Generator portraitNetwork() {
        return portrait;
    }

    /** RGB pixels to [3 * H * W] floats in [-1, 1], the inverse of ImageConversion. */
    static float[] toChw(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] chw = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int p = y * w + x;
                chw[p] = ((rgb >> 16) & 0xff) / 127.5f - 1f;
                chw[w * h + p] = ((rgb >> 8) & 0xff) / 127.5f - 1f;
                chw[2 * w * h + p] = (rgb & 0xff) / 127.5f - 1f;
            }
        }
        return chw;
    }

    @Override
    public void close() {
        sprite.close();
        portrait.close();
        if (discriminator != null) {
            discriminator.close();
        }
    }
}
