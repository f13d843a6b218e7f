package io.charagen.desktop.cli;

import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.model.LayerGroups;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.nn.discriminator.Discriminator;
import io.charagen.generator.preset.BlendMode;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetFiles;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetMaker;
import io.charagen.generator.projection.ProjectionListener;
import io.charagen.generator.projection.ProjectionOptions;
import io.charagen.generator.projection.Projector;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code charagen preset}: an archetype or expression preset from a seed, an image or two labelled folders. */
@Command(name = "preset", mixinStandardHelpOptions = true,
        description = {"Makes an archetype or expression preset for one model: its w values from a seed, from an "
                + "image (projected into the model's W+), or from two folders of labelled images (per layer, the "
                + "mean projection of the first minus that of the second, applied with mode add).",
                "Writes NAME.json and NAME.npy into --out (default: presets/<model>/<kind>s/)."})
final class PresetCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "PATH", description = "The model the preset is for (.pkl or bundle .json).")
    Path model;

    @Option(names = "--model-kind", defaultValue = "portrait", paramLabel = "sprite|portrait",
            description = "The model's role, for snapshots that do not record it (default ${DEFAULT-VALUE}).")
    String modelKind;

    @Option(names = "--kind", required = true, paramLabel = "archetype|expression", description = "What the preset sets.")
    String kind;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Preset name: lowercase letters, digits, '_' or '-'.")
    String name;

    @ArgGroup(exclusive = true, multiplicity = "1")
    From from;

    static final class From {
        @Option(names = "--seed", paramLabel = "N", description = "The mapped w of seed N.")
        Long seed;

        @Option(names = "--image", paramLabel = "FILE", description = "The projection of an image (its alpha masks the loss).")
        Path image;

        @Option(names = "--from-folders", arity = "2", paramLabel = "DIR",
                description = "Two folders of images: WITH the label, WITHOUT it.")
        List<Path> folders;
    }

    @Option(names = "--psi", defaultValue = "0.7", paramLabel = "F", description = "Truncation psi for --seed (default ${DEFAULT-VALUE}).")
    double psi;

    @ArgGroup(exclusive = true)
    Layers layers;

    static final class Layers {
        @Option(names = "--layer-group", paramLabel = "G", description = "A layer group of the model's card (or of "
                + "the default pose/expression/identity split for models whose card names none).")
        String group;

        @Option(names = "--layers", split = ",", paramLabel = "I", description = "Explicit ws layer indices.")
        List<Integer> indices;
    }

    @Option(names = "--mode", paramLabel = "replace|lerp|add", description = "How it applies (default: add for "
            + "--from-folders, else replace for archetypes and lerp for expressions).")
    String mode;

    @Option(names = "--strength", defaultValue = "1", paramLabel = "S", description = "Strength for lerp and add (default ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--description", paramLabel = "TEXT", description = "A line saying what the preset does.")
    String description;

    @Option(names = "--steps", paramLabel = "N", description = "Projection steps for --image/--from-folders.")
    Integer steps;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write into.")
    Path out;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to run (default ${DEFAULT-VALUE}).")
    DeviceOption device;

    @Option(names = "--force", description = "Replace a preset that already exists.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PresetKind presetKind = switch (kind) {
            case "archetype" -> PresetKind.ARCHETYPE;
            case "expression" -> PresetKind.EXPRESSION;
            default -> throw new IllegalArgumentException("--kind '" + kind + "': expected archetype or expression");
        };
        if (!Preset.NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("--name '" + name + "': use 1-64 lowercase letters, digits, '_' or '-'");
        }
        ModelKind role = ModelKind.fromCardName(modelKind).orElseThrow(() ->
                new IllegalArgumentException("--model-kind '" + modelKind + "': expected sprite or portrait"));
        BlendMode blend = blendMode(presetKind);
        if (layers == null) {
            throw new IllegalArgumentException("say which layers the preset touches: --layer-group G or --layers I,J,...");
        }
        ModelSource source = ModelOptions.open(model, role, "--model");
        if (layers.group != null) {
            LayerGroups.of(source.card()).layers(layers.group);
        }
        Path folder = out != null ? out : Home.presets().resolve(source.ref().name()).resolve(presetKind.folder());
        ProjectionOptions options = steps != null ? ProjectionOptions.defaults().withSteps(steps) : ProjectionOptions.defaults();
        ProgressBar progress = ProgressBar.forStderr();
        Discriminator discriminator = null;
        boolean projects = from.seed == null;
        if (projects && source.hasPaletteOutput()) {
            throw new IllegalArgumentException("--model " + model + ": the model '" + source.card().name()
                    + "' draws through a palette output, which cannot be projected (argmax has no gradient);"
                    + " make its presets with --seed");
        }
        try (Generator generator = source.createGenerator(device.toDevice())) {
            if (source.discriminatorRecord().isPresent() && projects) {
                discriminator = Discriminator.create(source.discriminatorRecord().get(), generator.device());
            }
            PresetMaker maker = new PresetMaker(generator, source.ref(),
                    projects ? new Projector(generator, discriminator) : null);
            PresetMaker.Target target = new PresetMaker.Target(name, presetKind, layers.group, layers.indices, blend,
                    strength, description);
            ProjectionListener listener = progress.projection();
            Preset preset;
            if (from.seed != null) {
                preset = maker.fromSeed(target, from.seed, psi);
            } else if (from.image != null) {
                preset = maker.fromImage(target, from.image, options, listener, null);
            } else {
                preset = maker.fromLabelledFolders(target, from.folders.get(0), from.folders.get(1), options, listener, null);
            }
            Path written = PresetFiles.write(folder, preset, force);
            System.err.println("charagen: wrote " + written);
        } finally {
            if (discriminator != null) {
                discriminator.close();
            }
        }
        return 0;
    }

    private BlendMode blendMode(PresetKind presetKind) {
        if (mode == null) {
            return from.folders != null ? BlendMode.ADD : presetKind == PresetKind.ARCHETYPE ? BlendMode.REPLACE : BlendMode.LERP;
        }
        try {
            return BlendMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode '" + mode + "': expected replace, lerp or add");
        }
    }
}
