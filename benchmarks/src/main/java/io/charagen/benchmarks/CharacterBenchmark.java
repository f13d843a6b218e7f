package io.charagen.benchmarks;

import ai.djl.Device;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.charagen.generator.character.Character;
import io.charagen.generator.character.CharacterPipeline;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.PipelineListener.Stage;
import io.charagen.generator.checkpoint.ModelCard;
import io.charagen.generator.checkpoint.ModelKind;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.encoder.PortraitEncoders;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetLibrary;
import io.charagen.generator.rpgmaker.CharacterExport;
import io.charagen.generator.rpgmaker.ExportFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where a whole character's time goes on the CPU, for each way of finding its portrait: the sprite
 * pass, clean-up, head crop, the portrait's w (the head encoder's pass and any projection steps),
 * the faces (one synthesis pass for all of them) and the export (sheet, faces, GIF and record
 * encoded and written to a temporary folder). A character is what the demo asks for per villager:
 * every expression the presets have, seed and psi 0.7, no archetype.
 *
 * <p>Paths: {@code encoder} (the head encoder's w as it is, 0 steps), {@code refine} (the encoder's
 * w and {@code refineSteps} projection steps) and {@code projection} (no encoder, {@code
 * projectionSteps} steps from w_avg, the way a portrait model without an encoder works). Each path
 * opens its own pipeline; its first character is cold (engine warm-up, w statistics) and is left out
 * of the medians.
 *
 * <p>Settings (key=value): sprite, portrait (a path, .pkl or bundle .json, or a {@link
 * BenchmarkModel} name), presets (folder), encoder (a card path; default: the one beside the
 * portrait model), paths, refineSteps, projectionSteps, seed, characters (per path).
 */
public final class CharacterBenchmark {

    private static final List<Stage> STAGES = List.of(Stage.SPRITE, Stage.CLEANUP, Stage.HEAD_CROP, Stage.PROJECTION,
            Stage.PORTRAITS);

    private CharacterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of(
                "sprite", "assets/models/sprite-lpc.json",
                "portrait", "assets/models/portrait-dicebear.json",
                "presets", "presets",
                "encoder", "",
                "paths", "encoder,refine",
                "refineSteps", "20",
                "projectionSteps", "100",
                "seed", "0",
                "characters", "6"));
        System.out.println("== CharacterBenchmark: whole characters through the pipeline on CPU");
        MachineInfo.print();
        System.out.println("settings: " + o);
        ModelSource sprite = model(o.getList("sprite").get(0), ModelKind.SPRITE);
        ModelSource portrait = model(o.getList("portrait").get(0), ModelKind.PORTRAIT);
        PresetLibrary presets = new PresetLibrary(Path.of(o.getList("presets").get(0)));
        Path temp = Files.createTempDirectory("charagen-bench");
        for (String path : o.getList("paths")) {
            HeadEncoderBundle encoder = path.equals("projection") ? null : encoder(o, portrait);
            int steps = switch (path) {
                case "encoder" -> 0;
                case "refine" -> o.getInt("refineSteps");
                case "projection" -> o.getInt("projectionSteps");
                default -> throw new IllegalArgumentException("paths: '" + path + "' is not encoder, refine or projection");
            };
            runPath(path, steps, sprite, portrait, encoder, presets, o, temp.resolve(path));
        }
    }

    private static void runPath(String path, int steps, ModelSource sprite, ModelSource portrait, HeadEncoderBundle encoder,
                                PresetLibrary presets, Options o, Path out) throws Exception {
        long openStart = System.nanoTime();
        try (CharacterPipeline pipeline = CharacterPipeline.open(sprite, portrait, encoder, presets, Device.cpu())) {
            List<ExpressionChoice> faces = faces(pipeline.expressionNames());
            System.out.printf("%n-- path %s: %s, %d projection steps; sprite %s, portrait %s, %d faces (%s); models "
                            + "loaded in %.0f ms%n", path, encoder == null ? "no head encoder" : "head encoder " + encoder.card().name(),
                    steps, sprite.ref().name(), portrait.ref().name(), faces.size(),
                    String.join(", ", faces.stream().map(ExpressionChoice::name).toList()), (System.nanoTime() - openStart) / 1e6);
            Map<Stage, List<Double>> warm = new EnumMap<>(Stage.class);
            List<Double> totals = new ArrayList<>();
            List<Double> exports = new ArrayList<>();
            for (int c = 0; c < o.getInt("characters"); c++) {
                CharacterSpec spec = new CharacterSpec("Bench", o.getInt("seed") + c, 0.7, null, faces, 32, null, steps);
                long start = System.nanoTime();
                Character character = pipeline.make(spec, null, null);
                double total = (System.nanoTime() - start) / 1e6;
                long exportStart = System.nanoTime();
                ExportFolder folder = ExportFolder.plain(out.resolve("c" + c));
                folder.commit(CharacterExport.plan(folder, "Bench", List.of(character.art())), false);
                double export = (System.nanoTime() - exportStart) / 1e6;
                Map<Stage, Long> t = character.stageNanos();
                StringBuilder line = new StringBuilder(String.format("character %d (seed %d)%s:", c + 1, spec.seed(),
                        c == 0 ? " cold" : ""));
                for (Stage stage : STAGES) {
                    line.append(String.format(" %s %.0f ms,", stage.label(), t.get(stage) / 1e6));
                }
                System.out.println(line + String.format(" whole character %.0f ms; export %.0f ms", total, export));
                if (c > 0) {
                    STAGES.forEach(s -> warm.computeIfAbsent(s, k -> new ArrayList<>()).add(t.get(s) / 1e6));
                    totals.add(total);
                    exports.add(export);
                }
            }
            if (totals.isEmpty()) {
                return;
            }
            StringBuilder line = new StringBuilder("median of " + totals.size() + " warm characters:");
            for (Stage stage : STAGES) {
                line.append(String.format(" %s %.0f ms,", stage.label(), median(warm.get(stage))));
            }
            double whole = median(totals);
            System.out.println(line + String.format(" whole character %.0f ms (fastest %.0f), export %.0f ms", whole,
                    totals.stream().mapToDouble(Double::doubleValue).min().orElse(0), median(exports)));
            System.out.printf("path %s: %.2f villagers per second (the demo's villager: this character, no export)%n",
                    path, 1000 / whole);
        }
    }

    /** What the demo asks for: the portrait as found (neutral) and then every expression preset. */
    private static List<ExpressionChoice> faces(List<String> expressions) {
        List<ExpressionChoice> faces = new ArrayList<>(List.of(new ExpressionChoice(ExpressionChoice.BASE, null)));
        expressions.stream().filter(e -> !e.equals(ExpressionChoice.BASE) && faces.size() < CharacterSpec.MAX_FACES)
                .forEach(e -> faces.add(new ExpressionChoice(e, null)));
        return faces;
    }

    private static HeadEncoderBundle encoder(Options o, ModelSource portrait) throws Exception {
        List<String> given = o.getList("encoder");
        if (given.isEmpty()) {
            return PortraitEncoders.find(portrait).orElseThrow(() -> new IllegalArgumentException("portrait "
                    + portrait.path() + " has no head encoder beside it; give encoder=PATH or paths=projection"));
        }
        return PortraitEncoders.forPortrait(Path.of(given.get(0)), portrait);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * The sprite training canvas's layout (4 x 4 cells of 64, 48 x 48 frames, a flat background):
     * a random-weight network draws no flat background, so every pixel counts as figure and the
     * clean-up and head crop do their full work, as they would on a trained model's sheet.
     */
    private static ModelCard withTrainingLayout(ModelCard card) {
        JsonObject layout = JsonParser.parseString("{\"version\": 1, \"canvas\": [256, 256], \"cell\": [64, 64], "
                + "\"rows\": [\"down\", \"left\", \"right\", \"up\"], \"columns\": [{\"pattern\": 0}, "
                + "{\"pattern\": 1}, {\"pattern\": 2}, {\"pattern\": null}], \"frame_window\": {\"x\": 8, "
                + "\"y\": 14, \"width\": 48, \"height\": 48}, \"background\": [0, 255, 121]}").getAsJsonObject();
        return new ModelCard(card.name(), card.kind(), card.architecture(), card.generatorKwargs(), card.resolution(),
                card.zDim(), card.wDim(), card.numWs(), card.imgChannels(), card.layerGroups(), layout, null, null, null,
                null);
    }

    private static ModelSource model(String nameOrPath, ModelKind kind) throws Exception {
        Path path = Path.of(nameOrPath);
        if (Files.isRegularFile(path)) {
            return ModelSource.open(path, kind);
        }
        BenchmarkModel model = BenchmarkModel.named(nameOrPath);
        NetworkRecord network = model.randomWeights(1);
        ModelCard card = ModelCard.forGenerator(model.name(), kind, network);
        if (kind == ModelKind.SPRITE && card.resolution() == 256) {
            card = withTrainingLayout(card);
        }
        return new ModelSource(path, card, false, new ModelRef(model.name(), "0".repeat(64)), network, null);
    }
}
