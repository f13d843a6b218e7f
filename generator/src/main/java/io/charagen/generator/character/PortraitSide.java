package io.charagen.generator.character;

import ai.djl.Device;
import io.charagen.generator.character.PipelineListener.Stage;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.encoder.HeadEncoder;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.encoder.PortraitEncoders;
import io.charagen.generator.model.LayerGroups;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.nn.discriminator.Discriminator;
import io.charagen.generator.portrait.HeadCrop;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.projection.ProjectionOptions;
import io.charagen.generator.projection.ProjectionResult;
import io.charagen.generator.projection.Projector;
import io.charagen.generator.sheet.CharacterFrames;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The portrait half of the character pipeline (stages 3 to 6 of DESIGN.md: head crop, projection,
 * portrait, expressions): the portrait network, its snapshot's discriminator for the projector's
 * perceptual term, its layer groups, and the head encoder paired with it, if one is used. A pipeline
 * without a portrait model has none of this, and its characters have no faces.
 *
 * <p>With a head encoder, the encoder's w (on every layer) is the portrait's start, refined by the
 * spec's projection steps (0: used as it is, without the projector); without one, the head crop is
 * projected from w_avg.
 */
final class PortraitSide implements AutoCloseable {

    /** What the portrait stages made of one character. */
    record Faces(BufferedImage headTarget, Map<String, BufferedImage> faces, int projectionSteps, double projectionLoss,
                 String headSummary) {

        /** A character without a portrait model: no head crop, no projection, no faces. */
        static final Faces NONE = new Faces(null, Map.of(), 0, 0, "no portrait model: no head crop, projection or faces");

        Faces {
            faces = Collections.unmodifiableMap(new LinkedHashMap<>(faces));
        }
    }

    private final ModelSource model;
    private final Generator network;
    private final Discriminator discriminator;
    private final LayerGroups groups;
    private final List<Integer> identityLayers;
    private final Projector projector; // keeps the portrait model's w statistics between characters
    private final HeadEncoder encoder;  // null: projection from w_avg

    private PortraitSide(ModelSource model, Generator network, Discriminator discriminator, HeadEncoder encoder) {
        this.model = model;
        this.network = network;
        this.discriminator = discriminator;
        this.encoder = encoder;
        this.projector = new Projector(network, discriminator);
        this.groups = LayerGroups.of(model.card());
        try {
            this.identityLayers = groups.layers(LayerGroups.IDENTITY);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(model.path() + ": " + e.getMessage()
                    + "; a portrait model's card must name the layers that carry identity");
        }
    }

    /**
     * Builds the portrait network (and the discriminator its snapshot has, and the head encoder) on
     * {@code device}.
     *
     * @param encoder the head encoder to use, or null for projection from w_avg
     * @throws CheckpointException for a model with a palette output: the head crop is projected into
     *                             the portrait network, which needs gradients through its image; for an
     *                             encoder made for another portrait model
     */
    static PortraitSide open(ModelSource model, HeadEncoderBundle encoder, Device device) throws CheckpointException {
        if (model.hasPaletteOutput()) {
            throw new CheckpointException(model.path() + ": the portrait model '" + model.card().name()
                    + "' draws through a palette output, which cannot be projected (argmax has no gradient);"
                    + " a portrait model must draw RGB");
        }
        if (encoder != null) {
            PortraitEncoders.requirePaired(encoder, model);
        }
        Generator network = model.createGenerator(device);
        Discriminator discriminator = null;
        HeadEncoder headEncoder = null;
        try {
            if (model.discriminatorRecord().isPresent()) {
                discriminator = Discriminator.create(model.discriminatorRecord().get(), device);
            }
            if (encoder != null) {
                headEncoder = HeadEncoder.load(encoder, device);
            }
            return new PortraitSide(model, network, discriminator, headEncoder);
        } catch (CheckpointException | RuntimeException e) {
            network.close();
            if (discriminator != null) {
                discriminator.close();
            }
            if (headEncoder != null) {
                headEncoder.close();
            }
            throw e;
        }
    }

    ModelSource model() {
        return model;
    }

    Generator network() {
        return network;
    }

    boolean hasPerceptualTerm() {
        return discriminator != null;
    }

    /** The head encoder in use, or null for projection from w_avg. */
    ModelRef encoderRef() {
        return encoder == null ? null : encoder.ref();
    }

    /**
     * Stages 3 to 6 for the cleaned {@code frames} of {@code spec}: the head crop, its projection (or
     * the encoder's w, refined or not), the portrait styled by the archetype, and one face per expression.
     *
     * @throws CancellationException when {@code stop} turns true (checked between stages and steps)
     */
    Faces draw(CharacterSpec spec, CharacterFrames frames, SpecPresets used, Map<Stage, Long> times,
               PipelineListener progress, BooleanSupplier stop) {
        long start = System.nanoTime();
        HeadCrop.Result head;
        try {
            head = HeadCrop.find(frames.standingFront(), network.resolution(), null);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("seed " + spec.seed() + ": " + e.getMessage()
                    + " (the sprite model drew no figure there; try another seed or psi)", e);
        }
        start = CharacterPipeline.finish(Stage.HEAD_CROP, start, times, progress, stop);

        HeadWs found = headWs(spec, frames, head, progress, stop);
        times.put(Stage.PROJECTION, System.nanoTime() - start);
        start = System.nanoTime();

        float[] styled = found.ws();
        Preset archetype = used.portraitArchetype();
        if (archetype != null) {
            List<Integer> rest = new ArrayList<>(archetype.layersIn(groups));
            rest.removeAll(identityLayers);
            archetype.applyTo(styled, rest, archetype.strength());
        }
        List<float[]> faceWs = new ArrayList<>();
        for (ExpressionChoice choice : spec.expressions()) {
            float[] ws = styled.clone();
            Preset expression = used.expressions().get(choice.name());
            if (expression != null) {
                expression.applyTo(ws, expression.layersIn(groups),
                        choice.strength() != null ? choice.strength() : expression.strength());
            }
            faceWs.add(ws);
        }
        if (stop.getAsBoolean()) {
            throw new CancellationException("cancelled before drawing portraits");
        }
        // One synthesis pass for every face: on the CPU a batch costs less than its faces one by one.
        List<BufferedImage> drawn = CharacterPipeline.synthesizeAll(network, faceWs);
        Map<String, BufferedImage> faces = new LinkedHashMap<>();
        for (int i = 0; i < drawn.size(); i++) {
            String name = spec.expressions().get(i).name();
            faces.put(name, drawn.get(i));
            progress.progress(Stage.PORTRAITS, i + 1, drawn.size(), name);
        }
        times.put(Stage.PORTRAITS, System.nanoTime() - start);
        return new Faces(head.image(), faces, found.steps(), found.loss(), head.summary());
    }

    /** The portrait's ws before presets, the projection steps run and the loss (0 without projection). */
    private record HeadWs(float[] ws, int steps, double loss) { }

    /** Stage 4: the encoder's w as it is, or projected (from it, or from w_avg without an encoder). */
    private HeadWs headWs(CharacterSpec spec, CharacterFrames frames, HeadCrop.Result head,
                          PipelineListener progress, BooleanSupplier stop) {
        float[] start = encoder == null ? null : encoder.startWs(frames, network.numWs());
        if (start != null && spec.projectionSteps() == 0) {
            progress.progress(Stage.PROJECTION, 1, 1, "head encoder");
            return new HeadWs(start, 0, 0);
        }
        ProjectionOptions options = ProjectionOptions.defaults().withSteps(spec.projectionSteps()).withSeed(spec.seed());
        ProjectionResult projection = projector.project(CharacterPipeline.toChw(head.image()), head.mask(), start, options,
                (step, steps, loss, lr, noise) -> progress.progress(Stage.PROJECTION, step, steps,
                        String.format("loss %.4f", loss)), stop);
        return new HeadWs(projection.ws(), projection.steps(), projection.finalLoss());
    }

    @Override
    public void close() {
        network.close();
        if (discriminator != null) {
            discriminator.close();
        }
        if (encoder != null) {
            encoder.close();
        }
    }
}
