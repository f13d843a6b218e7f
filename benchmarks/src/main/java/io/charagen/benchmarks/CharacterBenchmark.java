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
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.preset.PresetLibrary;
import io.charagen.generator.projection.ProjectionOptions;
import io.charagen.generator.rpgmaker.CharacterExport;
import io.charagen.generator.rpgmaker.ExportFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Time of each pipeline stage for one character on the CPU: sprite, clean-up, head crop,
 * projection (per step and in total), portraits and export (sheets, faces, GIF and record encoded
 * and written to a temporary folder). A model is a path (.pkl snapshot or bundle .json) or the name
 * of a {@link BenchmarkModel} built with random weights (timings depend on shapes, not on weights;
 * a snapshot brings its discriminator, so its projection includes the perceptual term).
 *
 * <p>Settings (key=value): sprite, portrait, steps, seed, characters (the first one is cold: it
 * includes estimating the w statistics and warming the engine).
 */
public final class CharacterBenchmark {

    private CharacterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of(
                "sprite", "../shared/fixtures/nvlabs/sg2-64.pkl",
                "portrait", "../shared/fixtures/nvlabs/sg3t-64.pkl",
                "steps", Integer.toString(ProjectionOptions.DEFAULT_STEPS),
                "seed", "3",
                "characters", "2"));
        System.out.println("== CharacterBenchmark: one character through the pipeline on CPU");
        MachineInfo.print();
        System.out.println("settings: " + o);
        ModelSource sprite = model(o.getList("sprite").get(0), ModelKind.SPRITE);
        ModelSource portrait = model(o.getList("portrait").get(0), ModelKind.PORTRAIT);
        Path temp = Files.createTempDirectory("charagen-bench");
        try (CharacterPipeline pipeline = CharacterPipeline.open(sprite, portrait, new PresetLibrary(temp), Device.cpu())) {
            System.out.printf("sprite %s (%dx%d), portrait %s (%dx%d)%s%n", sprite.ref().name(), sprite.card().resolution(),
                    sprite.card().resolution(), portrait.ref().name(), portrait.card().resolution(),
                    portrait.card().resolution(), pipeline.hasPerceptualTerm() ? ", perceptual term on (snapshot's D)" : "");
            // One face: the base portrait (expression presets cost one synthesis pass each on top).
            List<ExpressionChoice> faces = List.of(new ExpressionChoice(ExpressionChoice.BASE, null));
            for (int c = 0; c < o.getInt("characters"); c++) {
                CharacterSpec spec = new CharacterSpec("Bench", o.getInt("seed") + c, 0.7, null, faces, 32, null,
                        o.getInt("steps"));
                Character character = pipeline.make(spec, null, null);
                long exportStart = System.nanoTime();
                ExportFolder folder = ExportFolder.plain(temp.resolve("out" + c));
                folder.commit(CharacterExport.plan(folder, "Bench", List.of(character.art())), false);
                long exportNanos = System.nanoTime() - exportStart;
                Map<Stage, Long> t = character.stageNanos();
                double projection = t.get(Stage.PROJECTION) / 1e6;
                System.out.printf("character %d%s: sprite %.0f ms, clean-up %.0f ms, head crop %.1f ms, projection %.0f ms "
                                + "(%d steps, %.1f ms per step), portraits %.0f ms, export %.0f ms%n",
                        c + 1, c == 0 ? " (cold: engine warm-up and w statistics)" : "", t.get(Stage.SPRITE) / 1e6, t.get(Stage.CLEANUP) / 1e6,
                        t.get(Stage.HEAD_CROP) / 1e6, projection, character.projectionSteps(),
                        projection / character.projectionSteps(), t.get(Stage.PORTRAITS) / 1e6, exportNanos / 1e6);
            }
        }
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
