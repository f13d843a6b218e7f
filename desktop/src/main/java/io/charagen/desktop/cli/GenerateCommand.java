package io.charagen.desktop.cli;

import io.charagen.desktop.character.FaceOrder;
import io.charagen.desktop.character.RecordModels;
import io.charagen.generator.character.Character;
import io.charagen.generator.character.CharacterPipeline;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.LayerMix;
import io.charagen.generator.checkpoint.CheckpointException;
import io.charagen.generator.encoder.HeadEncoderBundle;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.model.ModelSource;
import io.charagen.generator.projection.ProjectionOptions;
import io.charagen.generator.io.WriteAccess;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.rpgmaker.ActorLook;
import io.charagen.generator.rpgmaker.ActorsFile;
import io.charagen.generator.rpgmaker.CharacterExport;
import io.charagen.generator.rpgmaker.ExportFolder;
import io.charagen.generator.rpgmaker.Names;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code charagen generate}: complete characters, exported for RPG Maker MV/MZ. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Makes characters: a walking sprite sheet cleaned up to pixel art, and faces that match it "
                + "(the sprite's head projected into the portrait model, styled by an archetype, one face per "
                + "expression), exported for RPG Maker MV/MZ.",
                "Writes $Name.png (sheet), Name.png (faces), Name.gif (walking preview) and Name.json (the record "
                        + "that regenerates it); with --count, 8-character sheets and Name_k files.",
                "Without a portrait model (no --portrait-model and none in assets/models) it makes the sprite only: "
                        + "everything but the faces.",
                "Where the portrait model ships a head encoder (<model>.encoder.json beside it, or --portrait-encoder "
                        + "PATH), one pass of it predicts the portrait's w from the sprite, refined by --steps "
                        + "projection steps (default 0); without one, the head is projected from w_avg (default "
                        + ProjectionOptions.DEFAULT_STEPS + " steps).",
                "With --project and --actor, also sets the project's actors to them in data/Actors.json."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--name", paramLabel = "NAME", description = "The character's name, used for its files.")
    String name;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the (first) character, 0 <= N < 2^32 "
            + "(default: a random one, printed and recorded).")
    Long seed;

    @Option(names = "--count", defaultValue = "1", paramLabel = "K",
            description = "Make K characters from seeds N..N+K-1 (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--psi", defaultValue = "0.7", paramLabel = "F", description = "Truncation psi of the sprite (default ${DEFAULT-VALUE}).")
    double psi;

    @Option(names = "--archetype", paramLabel = "A", description = "Archetype preset (hero, heroine, villain, elder, ...).")
    String archetype;

    @Option(names = "--expressions", split = ",", paramLabel = "E[:S]",
            description = "Expression presets, one face each, optionally with a strength (happy:0.6); 'neutral' "
                    + "without a preset is the portrait unchanged. Default: neutral, then every expression preset of "
                    + "the portrait model, 8 faces at most. Needs a portrait model.")
    List<String> expressions;

    @ArgGroup(exclusive = true)
    Destination destination;

    static final class Destination {
        @Option(names = "--out", paramLabel = "DIR", description = "Write into DIR (characters/, faces/, previews "
                + "and records); default: ./generated.")
        Path out;

        @Option(names = "--project", paramLabel = "DIR", description = "Write into an RPG Maker MV/MZ project's "
                + "img/characters and img/faces (replaced files are backed up first).")
        Path project;
    }

    @Option(names = "--actor", paramLabel = "N", description = "With --project: set actor N (N..N+K-1 with --count) in "
            + "data/Actors.json to the character: characterName/characterIndex and faceName/faceIndex; every other byte "
            + "of the file stays. It is backed up first. Close the RPG Maker editor first, or reload the project after.")
    Integer actor;

    @Option(names = "--actor-face", paramLabel = "E", description = "The expression whose face the actors show "
            + "(default: neutral). Without a portrait model the actors keep their faces.")
    String actorFace;

    @Mixin
    ModelOptions models;

    @Mixin
    EncoderOption encoder;

    @Option(names = "--palette", defaultValue = "32", paramLabel = "N", description = "Colours in the sprite's palette (default ${DEFAULT-VALUE}).")
    int palette;

    @Option(names = "--outline", paramLabel = "#RRGGBB", description = "Draw a 1-px outline in this colour.")
    String outline;

    @Option(names = "--mix-seed", paramLabel = "N", description = "Take the sprite layers of --mix-groups from this "
            + "second seed (style mixing).")
    Long mixSeed;

    @Option(names = "--mix-groups", split = ",", paramLabel = "G", description = "Sprite layer groups taken from "
            + "--mix-seed (the model card's groups; without them pose, expression, identity).")
    List<String> mixGroups;

    @Option(names = "--steps", paramLabel = "N", description = "Projection steps, 0 to 100000. With a head encoder, the "
            + "steps that refine its prediction (default 0: none); without one, the steps of the projection from w_avg "
            + "(default: the projector's default, " + ProjectionOptions.DEFAULT_STEPS + "; 0 is refused). "
            + "Needs a portrait model.")
    Integer steps;

    @Option(names = "--record", paramLabel = "FILE", description = "Make the character a record describes again "
            + "(with the same models); --name, --out and --project still apply.")
    Path record;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to run (default ${DEFAULT-VALUE}).")
    DeviceOption device;

    @Option(names = "--force", description = "Replace files that already exist (in a project, after backing them up).")
    boolean force;

    @Override
    public Integer call() throws Exception {
        CharacterRecord fromRecord = record == null ? null : CharacterRecord.read(record);
        String characterName = name != null ? name : fromRecord != null ? fromRecord.spec().name() : null;
        if (characterName == null) {
            throw new IllegalArgumentException("give the character a --name");
        }
        String stem = Names.fileStem(characterName);
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("--count " + count + ": expected 1 to 64");
        }
        ExportFolder folder = destination != null && destination.project != null
                ? ExportFolder.rpgMakerProject(destination.project)
                : ExportFolder.plain(destination != null && destination.out != null ? destination.out : Path.of("generated"));
        Optional<Path> portraitFile = portraitFile(fromRecord);
        String noFaces = portraitFile.isPresent() ? null : fromRecord != null ? "the record was made without a portrait model"
                : "no portrait model in " + Home.models() + " and no --portrait-model";
        if (noFaces != null) {
            requireNoFaceOptions(noFaces, fromRecord == null);
        }
        // The faces are known now unless they are the portrait model's defaults (or there are none).
        List<String> faces = actor == null || portraitFile.isEmpty() ? null
                : fromRecord != null ? fromRecord.spec().expressions().stream().map(ExpressionChoice::name).toList()
                : expressions != null ? expressions.stream().map(e -> ExpressionChoice.parse(e).name()).toList() : null;
        ActorsFile actors = actorsToSet(folder, stem, faces);
        List<Path> existing = CharacterExport.existing(folder, stem, count, portraitFile.isPresent());
        if (!force && !existing.isEmpty()) {
            throw new FileAlreadyExistsException(existing.get(0).toString(), null, "already exists"
                    + (existing.size() > 1 ? " (and " + (existing.size() - 1) + " more of this export's files)" : "")
                    + "; use --force to replace" + (folder.isProject() ? " (a backup is made first)" : "")
                    + "; nothing was made or written");
        }
        ModelSource sprite = models.sprite();
        ModelSource portrait = portraitFile.isPresent() ? ModelOptions.openPortrait(portraitFile.get()) : null;
        if (fromRecord != null) {
            RecordModels.requireSame(fromRecord, sprite.ref(), portrait != null ? portrait.ref() : null);
        }
        HeadEncoderBundle portraitEncoder = portrait == null ? null : encoderFor(portrait, fromRecord);
        if (fromRecord != null) {
            RecordModels.requireSameEncoder(fromRecord, portraitEncoder != null ? portraitEncoder.ref() : null);
        }
        if (noFaces != null) {
            System.err.println("charagen: " + noFaces + ": faces skipped (the sheet, walk preview and record are written)");
        }
        ProgressBar progress = ProgressBar.forStderr();
        List<Character> characters = new ArrayList<>();
        List<ActorLook> looks;
        try (CharacterPipeline pipeline = CharacterPipeline.open(sprite, portrait, portraitEncoder, models.presetLibrary(),
                device.toDevice())) {
            CharacterSpec first = fromRecord != null ? fromRecord.spec().withNameAndSeed(stem, fromRecord.spec().seed())
                    : spec(pipeline, stem);
            looks = actors == null ? null : portrait == null ? CharacterExport.actorLooks(stem, count)
                    : CharacterExport.actorLooks(stem, count, faceSlot(first));
            if (portrait != null) {
                System.err.printf("charagen: sprite model %s, portrait model %s%s; seed %d%n", sprite.ref().describe(),
                        portrait.ref().describe(), pipeline.hasPerceptualTerm() ? " (with its discriminator)" : "", first.seed());
                System.err.println("charagen: " + portraitStart(portraitEncoder, sprite, first.projectionSteps()));
            } else {
                System.err.printf("charagen: sprite model %s, no portrait model; seed %d%n", sprite.ref().describe(), first.seed());
            }
            for (int i = 0; i < count; i++) {
                long characterSeed = (first.seed() + i) & NumpyRandomState.MAX_SEED;
                String label = CharacterExport.characterName(stem, i, count);
                progress.character(label + (count > 1 ? " (" + (i + 1) + "/" + count + ")" : ""));
                Character character = pipeline.make(first.withNameAndSeed(label, characterSeed), progress, null);
                System.err.println("charagen: " + label + ": " + character.cleanupSummary());
                if (pipeline.hasPortraitModel()) {
                    System.err.println("charagen: " + label + ": " + character.headSummary());
                }
                System.err.println("charagen: " + label + ": " + timings(character));
                characters.add(character);
            }
        }
        ExportFolder.Plan plan = CharacterExport.plan(folder, stem, characters.stream().map(Character::art).toList());
        if (actors != null) {
            actors.addTo(plan, actor, looks);
        }
        for (Path written : folder.commit(plan, force)) {
            System.err.println("charagen: wrote " + written);
        }
        if (actors != null) {
            for (int k = 0; k < looks.size(); k++) {
                ActorLook look = looks.get(k);
                String face = look.setsFace() ? String.format("face %s #%d", look.faceName(), look.faceIndex())
                        : "face unchanged (no portrait model)";
                System.err.printf("charagen: actor %d (%s): character %s #%d, %s%n", actor + k, actors.name(actor + k),
                        look.characterName(), look.characterIndex(), face);
            }
            System.err.println("charagen: if the RPG Maker editor has this project open, close it without saving or reopen"
                    + " the project: it keeps its own copy of the actors and would write it over these on save");
        }
        return 0;
    }

    /**
     * The portrait model's file; empty when the characters are made without one: none given and none
     * in assets/models, or a record made without one and none given (the default is not used then).
     */
    private Optional<Path> portraitFile(CharacterRecord fromRecord) throws CheckpointException {
        if (fromRecord != null && !fromRecord.hasPortraitModel() && !models.portraitGiven()) {
            return Optional.empty();
        }
        Optional<Path> file = models.optionalPortraitPath();
        if (file.isEmpty() && fromRecord != null) {
            throw new CheckpointException("the record was made with portrait model " + fromRecord.portraitModel().describe()
                    + ", but there is no portrait model in " + Home.models() + "; give it with --portrait-model PATH");
        }
        return file;
    }

    /**
     * The head encoder that starts the portraits: the option's choice, except that a record made
     * without one is made again without one (an encoder beside the model is then left alone); null for none.
     */
    private HeadEncoderBundle encoderFor(ModelSource portrait, CharacterRecord fromRecord) throws CheckpointException {
        if (fromRecord != null && fromRecord.portraitEncoder() == null && !encoder.namesFile()) {
            return null;
        }
        return encoder.resolve(portrait).orElse(null);
    }

    /** How the portraits' w is found, one line, with a note when the encoder was trained on another sprite model. */
    private static String portraitStart(HeadEncoderBundle portraitEncoder, ModelSource sprite, int steps) {
        if (portraitEncoder == null) {
            return "no head encoder: each head is projected from w_avg in " + steps + " steps";
        }
        String line = "head encoder " + portraitEncoder.ref().describe() + " predicts each portrait's w"
                + (steps == 0 ? " (no projection steps)" : ", refined in " + steps + " projection steps");
        ModelRef trainedOn = portraitEncoder.card().sprite();
        return trainedOn.sha256().equals(sprite.ref().sha256()) ? line : line + "; note: it was trained on sprite model "
                + trainedOn.describe() + ", not this one, so its portraits may match less well";
    }

    /**
     * Without a portrait model there are no faces: an option that chooses them is a usage error.
     *
     * @param why       why there is no portrait model, for the message
     * @param couldGive whether --portrait-model PATH would make faces (not for a record made without one)
     */
    private void requireNoFaceOptions(String why, boolean couldGive) {
        String option = expressions != null ? "--expressions" : steps != null ? "--steps" : actorFace != null ? "--actor-face"
                : encoder.namesFile() ? EncoderOption.OPTION : null;
        if (option != null) {
            throw new IllegalArgumentException(option + ": no faces are made (" + why + "); "
                    + (couldGive ? "give a portrait model with --portrait-model PATH, or " : "") + "leave out " + option);
        }
    }

    /**
     * With --actor: the project's Actors.json, checked (it parses, the actors exist, the file can be
     * replaced, the face exists where {@code faces} are known) before any model is loaded or file
     * written; null without --actor.
     */
    private ActorsFile actorsToSet(ExportFolder folder, String stem, List<String> faces) throws IOException, JsonFormatException {
        if (actor == null) {
            if (actorFace != null) {
                throw new IllegalArgumentException("--actor-face goes with --actor N");
            }
            return null;
        }
        if (!folder.isProject()) {
            throw new IllegalArgumentException("--actor " + actor + " needs --project DIR: only an RPG Maker project has actors");
        }
        ActorsFile actors = ActorsFile.read(folder);
        actors.requireActors(actor, count);
        CharacterExport.actorLooks(stem, count, 0); // the names follow RPG Maker's rules
        if (faces != null) {
            ActorLook.faceSlot(faces, actorFace);
        }
        WriteAccess.requireReplaceable(actors.file());
        return actors;
    }

    /** The slot of the actors' face in each character's face sheet. */
    private int faceSlot(CharacterSpec spec) {
        return ActorLook.faceSlot(spec.expressions().stream().map(ExpressionChoice::name).toList(), actorFace);
    }

    private CharacterSpec spec(CharacterPipeline pipeline, String stem) {
        long firstSeed = seed != null ? seed : new SecureRandom().nextLong() & NumpyRandomState.MAX_SEED;
        List<ExpressionChoice> faces = new ArrayList<>();
        if (expressions != null) {
            expressions.forEach(e -> faces.add(ExpressionChoice.parse(e)));
        } else if (pipeline.hasPortraitModel()) {
            // The neutral face first (a preset of that name, or the portrait unchanged), then the rest.
            List<String> available = new ArrayList<>(pipeline.expressionNames());
            available.remove(ExpressionChoice.BASE);
            available.add(ExpressionChoice.BASE);
            FaceOrder.sorted(available).stream().limit(CharacterSpec.MAX_FACES).forEach(n -> faces.add(new ExpressionChoice(n, null)));
        }
        Integer outlineRgb = null;
        if (outline != null) {
            if (!outline.matches("#?[0-9a-fA-F]{6}")) {
                throw new IllegalArgumentException("--outline '" + outline + "': expected a colour #RRGGBB");
            }
            outlineRgb = HexFormat.fromHexDigits(outline.replace("#", ""));
        }
        if ((mixSeed == null) != (mixGroups == null)) {
            throw new IllegalArgumentException("--mix-seed and --mix-groups go together: give both or neither");
        }
        LayerMix mix = mixSeed == null ? null : new LayerMix(mixSeed, mixGroups);
        return new CharacterSpec(stem, firstSeed, psi, archetype, faces, palette, outlineRgb, projectionSteps(pipeline), mix);
    }

    /** --steps, or its default: 0 with a head encoder (its w as it is), the projector's default without one. */
    private int projectionSteps(CharacterPipeline pipeline) {
        boolean encoded = pipeline.portraitEncoder() != null;
        if (steps == null) {
            return encoded ? 0 : ProjectionOptions.DEFAULT_STEPS;
        }
        if (steps < 0 || steps > CharacterSpec.MAX_PROJECTION_STEPS) {
            throw new IllegalArgumentException("--steps " + steps + ": expected 0 to " + CharacterSpec.MAX_PROJECTION_STEPS);
        }
        if (steps == 0 && !encoded && pipeline.hasPortraitModel()) {
            throw new IllegalArgumentException("--steps 0: there is no head encoder for the portrait model, so each face"
                    + " would be w_avg's whatever the sprite; give 1 or more steps, or an encoder with "
                    + EncoderOption.OPTION + " PATH");
        }
        return steps;
    }

    private static String timings(Character character) {
        StringBuilder out = new StringBuilder("times");
        character.stageNanos().forEach((stage, nanos) -> out.append(String.format(" %s %.2f s,", stage.label(), nanos / 1e9)));
        out.setLength(out.length() - 1);
        if (character.faces().isEmpty()) {
            return out.toString();
        }
        return out + switch (character.record().portraitPath()) {
            case ENCODER -> " (head encoder, no projection steps)";
            case ENCODER_REFINEMENT -> String.format(" (head encoder and %d projection steps)", character.projectionSteps());
            case PROJECTION -> String.format(" (%d projection steps)", character.projectionSteps());
        };
    }
}
