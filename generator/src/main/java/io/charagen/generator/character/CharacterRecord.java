package io.charagen.generator.character;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.StrictJson;
import io.charagen.generator.latent.NumpyRandomState;
import io.charagen.generator.model.ModelRef;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The JSON record written beside an exported character (format {@value #FORMAT}): the models (by
 * sha256), the spec and the presets used, so that {@code charagen generate --record FILE} draws the
 * same character again. Results it reports (projection loss) are for reading only.
 *
 * <p>A character made without a portrait model (a sprite only) has {@code "portrait_model": null}
 * and no expressions ({@code "expressions": []}); its {@code projection_steps} are not used.
 *
 * <p>A character with faces records how its portrait w was found, {@code "portrait_path"}
 * ({@link PortraitPath}: {@code "projection"}, {@code "encoder"} or {@code "encoder+refinement"}), and
 * with an encoder, {@code "portrait_encoder"} (its name and the sha256 of its weights); {@code
 * projection_steps} are then the refinement's. A record without {@code "portrait_path"} (written before
 * encoders) means projection. With the encoder alone nothing is projected, so there is no projection loss.
 *
 * @param portraitModel   null for a character made without a portrait model, which then has no expressions
 * @param portraitEncoder the head encoder that predicted the portrait's start, or null for projection from w_avg
 */
public record CharacterRecord(CharacterSpec spec, ModelRef spriteModel, ModelRef portraitModel, ModelRef portraitEncoder,
                              String device, double projectionLoss) {

    public CharacterRecord {
        if (portraitEncoder != null && portraitModel == null) {
            throw new IllegalArgumentException("a character made without a portrait model has no portrait encoder, but "
                    + portraitEncoder.describe() + " is given");
        }
        if (portraitModel == null && spec.hasFaces()) {
            throw new IllegalArgumentException("a character made without a portrait model has no faces, but the spec asks"
                    + " for " + spec.expressions());
        }
        if (portraitModel != null && !spec.hasFaces()) {
            throw new IllegalArgumentException("a character made with portrait model " + portraitModel.describe()
                    + " has 1 to " + CharacterSpec.MAX_FACES + " faces, but the spec asks for none");
        }
    }

    /** A character whose portrait (if any) was projected from w_avg, without a head encoder. */
    public CharacterRecord(CharacterSpec spec, ModelRef spriteModel, ModelRef portraitModel, String device,
                           double projectionLoss) {
        this(spec, spriteModel, portraitModel, null, device, projectionLoss);
    }

    /** Whether the character was made with a portrait model (and so has faces). */
    public boolean hasPortraitModel() {
        return portraitModel != null;
    }

    /** How the portrait w was found; null for a character without a portrait model. */
    public PortraitPath portraitPath() {
        return portraitModel == null ? null : PortraitPath.of(portraitEncoder, spec.projectionSteps());
    }

    public static final String FORMAT = "charagen-character/1";
    private static final long MAX_BYTES = 1 << 20;
    private static final Set<String> FIELDS = Set.of("format", "name", "seed", "psi", "archetype", "expressions",
            "palette_size", "outline", "projection_steps", "mix", "sprite_model", "portrait_model", "portrait_path",
            "portrait_encoder", "device", "projection_loss");
    // serializeNulls: the only null written is a missing portrait model, which the record says outright
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create();

    /** The same record for a character named {@code newName}. */
    public CharacterRecord withName(String newName) {
        return new CharacterRecord(spec.withNameAndSeed(newName, spec.seed()), spriteModel, portraitModel, portraitEncoder,
                device, projectionLoss);
    }

    public String toJson() {
        JsonObject out = new JsonObject();
        out.addProperty("format", FORMAT);
        out.addProperty("name", spec.name());
        out.addProperty("seed", spec.seed());
        out.addProperty("psi", spec.psi());
        if (spec.archetype() != null) {
            out.addProperty("archetype", spec.archetype());
        }
        JsonArray expressions = new JsonArray();
        for (ExpressionChoice e : spec.expressions()) {
            JsonObject choice = new JsonObject();
            choice.addProperty("name", e.name());
            if (e.strength() != null) {
                choice.addProperty("strength", e.strength());
            }
            expressions.add(choice);
        }
        out.add("expressions", expressions);
        out.addProperty("palette_size", spec.paletteSize());
        if (spec.outlineRgb() != null) {
            out.addProperty("outline", String.format("#%06x", spec.outlineRgb()));
        }
        out.addProperty("projection_steps", spec.projectionSteps());
        if (spec.mix() != null) {
            JsonObject mix = new JsonObject();
            mix.addProperty("seed", spec.mix().seed());
            JsonArray groups = new JsonArray();
            spec.mix().groups().forEach(groups::add);
            mix.add("groups", groups);
            out.add("mix", mix);
        }
        out.add("sprite_model", model(spriteModel));
        out.add("portrait_model", portraitModel == null ? JsonNull.INSTANCE : model(portraitModel));
        PortraitPath path = portraitPath();
        if (path != null) {
            out.addProperty("portrait_path", path.key());
        }
        if (portraitEncoder != null) {
            out.add("portrait_encoder", model(portraitEncoder));
        }
        out.addProperty("device", device);
        if (path != PortraitPath.ENCODER) {
            out.addProperty("projection_loss", projectionLoss);
        }
        return GSON.toJson(out) + "\n";
    }

    private static JsonObject model(ModelRef ref) {
        JsonObject m = new JsonObject();
        m.addProperty("name", ref.name());
        m.addProperty("sha256", ref.sha256());
        return m;
    }

    /** Reads a record strictly; errors name the file and field. */
    public static CharacterRecord read(Path file) throws IOException {
        String source = file.toString();
        try {
            JsonFields f = JsonFields.of(StrictJson.parseObject(StrictJson.readText(file, MAX_BYTES, "a character record"),
                    source), source);
            f.allowOnly(FIELDS);
            if (!FORMAT.equals(f.string("format"))) {
                throw f.error("format", "is '" + f.string("format") + "', expected '" + FORMAT + "'");
            }
            List<ExpressionChoice> expressions = new ArrayList<>();
            JsonArray array = f.array("expressions");
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isJsonObject()) {
                    throw f.error("expressions[" + i + "]", "must be an object with 'name' and optional 'strength'");
                }
                JsonFields e = new JsonFields(array.get(i).getAsJsonObject(), "expressions[" + i + "].", source);
                e.allowOnly(Set.of("name", "strength"));
                expressions.add(new ExpressionChoice(e.string("name"), e.has("strength") ? e.number("strength", -4, 4) : null));
            }
            Integer outline = null;
            String outlineText = f.optionalString("outline");
            if (outlineText != null) {
                if (!outlineText.matches("#[0-9a-fA-F]{6}")) {
                    throw f.error("outline", "is '" + outlineText + "', expected #rrggbb");
                }
                outline = HexFormat.fromHexDigits(outlineText.substring(1));
            }
            CharacterSpec spec;
            try {
                spec = new CharacterSpec(f.string("name"), f.longInteger("seed", 0, NumpyRandomState.MAX_SEED),
                        f.number("psi", -2, 2), f.optionalString("archetype"), expressions,
                        f.integer("palette_size", 2), outline, f.integer("projection_steps", 0),
                        f.has("mix") ? mix(f.nested("mix")) : null);
            } catch (IllegalArgumentException e) {
                throw new JsonFormatException(source + ": " + e.getMessage(), e);
            }
            ModelRef portrait = f.required("portrait_model").isJsonNull() ? null : modelRef(f.nested("portrait_model"));
            if (portrait == null && spec.hasFaces()) {
                throw f.error("expressions", "names faces, but 'portrait_model' is null (a sprite only): expected []");
            }
            if (portrait != null && !spec.hasFaces()) {
                throw f.error("expressions", "is empty: a character made with a portrait model has 1 to "
                        + CharacterSpec.MAX_FACES + " faces");
            }
            ModelRef encoder = portraitEncoder(f, portrait, spec);
            return new CharacterRecord(spec, modelRef(f.nested("sprite_model")), portrait, encoder,
                    f.string("device"), f.has("projection_loss") ? f.number("projection_loss", 0, Double.MAX_VALUE) : 0);
        } catch (JsonFormatException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * The record's encoder (null: projection), checked against its {@code portrait_path}, which a record
     * written before encoders leaves out (it means projection).
     */
    private static ModelRef portraitEncoder(JsonFields f, ModelRef portrait, CharacterSpec spec) throws JsonFormatException {
        if (portrait == null) {
            for (String field : List.of("portrait_path", "portrait_encoder")) {
                if (f.has(field)) {
                    throw f.error(field, "is given, but 'portrait_model' is null (a sprite only, without a portrait)");
                }
            }
            return null;
        }
        ModelRef encoder = f.has("portrait_encoder") ? modelRef(f.nested("portrait_encoder")) : null;
        String key = f.has("portrait_path") ? f.string("portrait_path") : PortraitPath.PROJECTION.key();
        PortraitPath path;
        try {
            path = PortraitPath.fromKey(key);
        } catch (IllegalArgumentException e) {
            throw f.error("portrait_path", "is '" + key + "', expected projection, encoder or encoder+refinement");
        }
        PortraitPath made = PortraitPath.of(encoder, spec.projectionSteps());
        if (path != made) {
            throw f.error("portrait_path", "is '" + path.key() + "', but the record " + (encoder == null
                    ? "names no 'portrait_encoder'" : "names a 'portrait_encoder' and " + spec.projectionSteps()
                    + " projection steps") + ": expected '" + made.key() + "'");
        }
        return encoder;
    }

    private static LayerMix mix(JsonFields m) throws JsonFormatException {
        m.allowOnly(Set.of("seed", "groups"));
        JsonArray array = m.array("groups");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!array.get(i).isJsonPrimitive() || !array.get(i).getAsJsonPrimitive().isString()) {
                throw m.error("groups[" + i + "]", "must be a layer group name");
            }
            groups.add(array.get(i).getAsString());
        }
        try {
            return new LayerMix(m.longInteger("seed", 0, NumpyRandomState.MAX_SEED), groups);
        } catch (IllegalArgumentException e) {
            throw m.error("groups", e.getMessage());
        }
    }

    private static ModelRef modelRef(JsonFields m) throws JsonFormatException {
        m.allowOnly(Set.of("name", "sha256"));
        String sha = m.string("sha256");
        if (!sha.matches("[0-9a-f]{64}")) {
            throw m.error("sha256", "is '" + sha + "', expected 64 lowercase hex digits");
        }
        return new ModelRef(m.string("name"), sha);
    }
}
