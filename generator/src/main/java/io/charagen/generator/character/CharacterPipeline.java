package io.charagen.generator.character;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.character.PipelineListener.Stage;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.image.ImageConversion;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.model.LayerGroups;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.pixelart.CleanupOptions;
import io.charagen.generator.pixelart.CleanupResult;
import io.charagen.generator.pixelart.SpriteCleanup;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetSource;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.SheetLayout;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The character pipeline of DESIGN.md: seed to sprite sheet (archetype blended in), clean-up to
 * pixel art, head crop, projection into the portrait network, portrait styled by the archetype,
 * one face per expression. It holds both networks (and the portrait snapshot's discriminator, for
 * the projector's perceptual term) until closed; one pipeline makes any number of characters, and
 * each character's native memory is freed before the next.
 *
 * <p>A pipeline opened without a portrait model makes sprites only: its characters stop after the
 * clean-up and have no faces, and their specs name no expressions.
 *
 * <p>A pipeline opened with a head encoder for its portrait model starts each portrait from the
 * encoder's prediction and refines it with the spec's projection steps (0: none); one without
 * projects every head from w_avg, and needs at least one step.
 */
public final class CharacterPipeline implements AutoCloseable {

    private final ModelSource spriteModel;
    private final PresetSource presets;
    private final Generator sprite;
    private final SheetLayout layout;
    private final LayerGroups spriteGroups;
    private final Optional<PortraitSide> portrait; // empty: a sprite-only pipeline

    private CharacterPipeline(ModelSource spriteModel, PresetSource presets, Generator sprite,
                              Optional<PortraitSide> portrait) {
        this.spriteModel = spriteModel;
        this.presets = presets;
        this.sprite = sprite;
        this.portrait = portrait;
        this.layout = SheetLayout.forCard(spriteModel.card());
        this.spriteGroups = LayerGroups.of(spriteModel.card());
    }

    /**
     * Builds the networks on {@code device}, without a head encoder (every head is projected from w_avg).
     *
     * @param portraitModel the portrait model, or null for a pipeline that makes sprites only
     */
    public static CharacterPipeline open(ModelSource spriteModel, ModelSource portraitModel, PresetSource presets,
                                         Device device) throws CheckpointException {
        return open(spriteModel, portraitModel, null, presets, device);
    }

    /**
     * Builds the networks on {@code device}, the head encoder's included.
     *
     * @param portraitModel   the portrait model, or null for a pipeline that makes sprites only
     * @param portraitEncoder the head encoder paired with the portrait model (see
     *                        {@link io.charagen.generator.encoder.EncoderChoice}), or null for none
     * @throws CheckpointException when the encoder was made for another portrait model
     */
    public static CharacterPipeline open(ModelSource spriteModel, ModelSource portraitModel,
                                         HeadEncoderBundle portraitEncoder, PresetSource presets, Device device)
            throws CheckpointException {
        if (portraitEncoder != null && portraitModel == null) {
            throw new IllegalArgumentException("the head encoder " + portraitEncoder.cardFile() + " needs the portrait"
                    + " model it predicts for; a sprite-only pipeline has none");
        }
        Generator sprite = spriteModel.createGenerator(device);
        PortraitSide portrait = null;
        try {
            if (portraitModel != null) {
                portrait = PortraitSide.open(portraitModel, portraitEncoder, device);
            }
            return new CharacterPipeline(spriteModel, presets, sprite, Optional.ofNullable(portrait));
        } catch (CheckpointException | RuntimeException e) {
            sprite.close();
            if (portrait != null) {
                portrait.close();
            }
            throw e;
        }
    }

    public ModelSource spriteModel() {
        return spriteModel;
    }

    /** The portrait model, or null for a pipeline that makes sprites only. */
    public ModelSource portraitModel() {
        return portrait.map(PortraitSide::model).orElse(null);
    }

    /** Whether the pipeline has a portrait model, so that its characters have faces. */
    public boolean hasPortraitModel() {
        return portrait.isPresent();
    }

    /** The head encoder that starts each portrait (its name and weights' sha256), or null for none. */
    public ModelRef portraitEncoder() {
        return portrait.map(PortraitSide::encoderRef).orElse(null);
    }

    public SheetLayout layout() {
        return layout;
    }

    /** Whether projections get the perceptual term (the portrait model came with a discriminator). */
    public boolean hasPerceptualTerm() {
        return portrait.map(PortraitSide::hasPerceptualTerm).orElse(false);
    }

    /** The expression presets there are for the portrait model; none without one. */
    public List<String> expressionNames() {
        return portrait.map(p -> presets.names(PresetKind.EXPRESSION, p.model().ref())).orElse(List.of());
    }

    /** The archetype presets there are for both models (for the sprite model, where there is no portrait model). */
    public List<String> archetypeNames() {
        List<String> spriteNames = presets.names(PresetKind.ARCHETYPE, spriteModel.ref());
        return portrait.map(p -> {
            List<String> both = new ArrayList<>(presets.names(PresetKind.ARCHETYPE, p.model().ref()));
            both.retainAll(spriteNames);
            return both;
        }).orElse(spriteNames);
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
        SpecPresets used = SpecPresets.find(spec, presets, spriteModel.ref(), portraitRef(), true);
        List<Integer> mixLayers = mixLayers(spec);
        Map<Stage, Long> times = new EnumMap<>(Stage.class);
        CleanupResult cleaned = drawSprite(spec, used.spriteArchetype(), mixLayers, times, progress, stop).cleaned();
        CharacterRecord record = new CharacterRecord(spec, spriteModel.ref(), portraitRef(), portraitEncoder(),
                sprite.device().getDeviceType(), 0);
        return new CharacterArt(record, cleaned.frames(), Map.of());
    }

    /**
     * Makes one character; without a portrait model, its sprite only (no head crop, projection or
     * faces). Presets are looked up first, so a missing one fails before any work.
     *
     * @throws IllegalArgumentException when the spec asks for faces and there is no portrait model, or
     *                                  the reverse; for 0 projection steps without a head encoder
     * @throws CancellationException    when {@code cancelled} turns true (checked between stages and steps)
     */
    public Character make(CharacterSpec spec, PipelineListener listener, BooleanSupplier cancelled)
            throws PresetException {
        requireFacesMatch(spec);
        PipelineListener progress = listener == null ? PipelineListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        SpecPresets used = SpecPresets.find(spec, presets, spriteModel.ref(), portraitRef(), false);
        List<Integer> mixLayers = mixLayers(spec);
        Map<Stage, Long> times = new EnumMap<>(Stage.class);

        Sprite drawn = drawSprite(spec, used.spriteArchetype(), mixLayers, times, progress, stop);
        CleanupResult cleaned = drawn.cleaned();
        CharacterFrames frames = cleaned.frames();
        PortraitSide.Faces faces = portrait.map(p -> p.draw(spec, frames, used, times, progress, stop))
                .orElse(PortraitSide.Faces.NONE);

        CharacterRecord record = new CharacterRecord(spec, spriteModel.ref(), portraitRef(), portraitEncoder(),
                sprite.device().getDeviceType(), faces.projectionLoss());
        return new Character(record, drawn.canvas(), frames, faces.headTarget(), faces.faces(), cleaned.palette().length,
                faces.projectionSteps(), cleaned.report().summary(), faces.headSummary(), times);
    }

    /** A spec names faces exactly when there is a portrait model to draw them, and has steps unless an encoder starts them. */
    private void requireFacesMatch(CharacterSpec spec) {
        if (spec.hasFaces() && portrait.isEmpty()) {
            throw new IllegalArgumentException("the spec of '" + spec.name() + "' asks for faces (" + spec.expressions()
                    + "), but there is no portrait model to draw them; leave out the expressions for a sprite only");
        }
        if (!spec.hasFaces() && portrait.isPresent()) {
            throw new IllegalArgumentException("the spec of '" + spec.name() + "' asks for no faces: a character made with"
                    + " a portrait model has 1 to " + CharacterSpec.MAX_FACES);
        }
        if (spec.hasFaces() && spec.projectionSteps() == 0 && portraitEncoder() == null) {
            throw new IllegalArgumentException("the spec of '" + spec.name() + "' asks for 0 projection steps, which"
                    + " needs a head encoder for the portrait model: without one the face would be w_avg's, whatever"
                    + " the sprite; give 1 or more steps");
        }
    }

    private ModelRef portraitRef() {
        return portrait.map(p -> p.model().ref()).orElse(null);
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

    static long finish(Stage stage, long start, Map<Stage, Long> times, PipelineListener progress,
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

    /** The images of several ws [num_ws * w_dim], drawn in one batch, in order. */
    static List<BufferedImage> synthesizeAll(Generator generator, List<float[]> wsList) {
        int n = wsList.size();
        int size = generator.numWs() * generator.wDim();
        float[] batch = new float[n * size];
        for (int i = 0; i < n; i++) {
            System.arraycopy(wsList.get(i), 0, batch, i * size, size);
        }
        try (NDManager scope = NDManager.newBaseManager(generator.device())) {
            NDArray images = generator.synthesize(scope.create(batch, new Shape(n, generator.numWs(), generator.wDim())));
            float[] pixels = images.toFloatArray();
            long[] shape = images.getShape().getShape();
            List<BufferedImage> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(ImageConversion.toImage(pixels, shape, i));
            }
            return out;
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

    /** The portrait network (null without a portrait model), for tests in this package. */
    Generator portraitNetwork() {
        return portrait.map(PortraitSide::network).orElse(null);
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
        portrait.ifPresent(PortraitSide::close);
    }
}
