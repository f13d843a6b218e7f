package io.charagen.generator.rpgmaker;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.charagen.generator.json.ArrayMembers;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.JsonStrings;
import io.charagen.generator.json.StrictJson;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An RPG Maker MV/MZ project's {@code data/Actors.json}, read and checked, and the same file with
 * some actors' looks changed.
 *
 * <p>The editors write {@code [}, {@code null}, then one actor object per line in a fixed key order,
 * UTF-8, with no newline at the end. A change here replaces only the values of {@code characterName},
 * {@code characterIndex}, {@code faceName} and {@code faceIndex} of the chosen actors, in the text
 * itself: every other byte (key order, spacing, names and notes in any script, fields that plugins
 * added) stays as it was, so a diff shows one changed line per actor. A look that keeps the face
 * ({@link ActorLook#setsFace()} false) replaces only {@code characterName} and {@code characterIndex}.
 *
 * <p>Checked on reading: the file is UTF-8 JSON, its top level is an array whose first element is
 * null, and element N is an object with {@code "id": N} (the engine looks actors up by position).
 */
public final class ActorsFile {

    /** The file's name in the project's {@code data/} folder. */
    public static final String FILE_NAME = "Actors.json";
    /** The four fields a look sets, in the editors' order. */
    public static final List<String> LOOK_FIELDS = List.of("characterIndex", "characterName", "faceIndex", "faceName");

    private static final long MAX_BYTES = 64L << 20;

    private final Path file;
    private final String text;
    private final JsonArray actors;
    private final List<ArrayMembers.Element> elements;

    private ActorsFile(Path file, String text, JsonArray actors, List<ArrayMembers.Element> elements) {
        this.file = file;
        this.text = text;
        this.actors = actors;
        this.elements = elements;
    }

    /**
     * Reads and checks the Actors.json of {@code project}.
     *
     * @throws IllegalArgumentException if {@code project} is not an RPG Maker project
     * @throws JsonFormatException      if the file is missing, not UTF-8, not valid JSON, or not an
     *                                  array of actors as the editors write it; the message names
     *                                  the file and, where it can, the element
     */
    public static ActorsFile read(ExportFolder project) throws JsonFormatException {
        if (!project.isProject()) {
            throw new IllegalArgumentException(project.root() + " is not an RPG Maker MV/MZ project; only a project has actors");
        }
        Path file = project.root().resolve(project.relativeTarget(ExportFolder.Kind.DATA, FILE_NAME));
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new JsonFormatException(file + ": not a regular file (a folder or a link); charagen edits only the file itself");
        }
        String text = StrictJson.readText(file, MAX_BYTES, "the actors of an RPG Maker project");
        JsonElement root = StrictJson.parse(text, file.toString());
        if (!root.isJsonArray()) {
            throw new JsonFormatException(file + ": expected an array of actors ([null, {\"id\":1, ...}, ...]) at the top"
                    + " level, found " + (root.isJsonObject() ? "an object" : root.toString()));
        }
        JsonArray actors = root.getAsJsonArray();
        if (actors.isEmpty() || !actors.get(0).isJsonNull()) {
            throw new JsonFormatException(file + ": the first element must be null (RPG Maker numbers actors from 1), found "
                    + (actors.isEmpty() ? "an empty array" : abbreviated(actors.get(0))));
        }
        for (int id = 1; id < actors.size(); id++) {
            JsonElement actor = actors.get(id);
            if (!actor.isJsonObject()) {
                throw new JsonFormatException(file + ": element " + id + " must be an actor object, found " + abbreviated(actor));
            }
            JsonElement actorId = actor.getAsJsonObject().get("id");
            if (integer(actorId) == null || integer(actorId) != id) {
                throw new JsonFormatException(file + ": element " + id + " has \"id\": " + actorId + "; expected " + id
                        + " (RPG Maker finds actor N at position N)");
            }
        }
        return new ActorsFile(file, text, actors, ArrayMembers.of(text));
    }

    /** The file (absolute). */
    public Path file() {
        return file;
    }

    /** How many actors the file has (numbered 1 to this). */
    public int count() {
        return actors.size() - 1;
    }

    /** The {@code name} of actor {@code id} (1 to {@link #count()}), or "" where it has none. */
    public String name(int id) {
        JsonElement name = actor(id).get("name");
        return name != null && name.isJsonPrimitive() && name.getAsJsonPrimitive().isString() ? name.getAsString() : "";
    }

    /** The file's bytes as read. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Checks that actors {@code first} to {@code first + howMany - 1} exist and have each of the four
     * look fields once, of the type the editors write.
     *
     * @throws IllegalArgumentException if an actor does not exist (a wrong number from the user)
     * @throws JsonFormatException      if an actor's look fields are missing, repeated or of another type
     */
    public void requireActors(int first, int howMany) throws JsonFormatException {
        if (howMany < 1) {
            throw new IllegalArgumentException("no actors to set: " + howMany + " asked for");
        }
        long last = (long) first + howMany - 1;
        if (first < 1 || last > count()) {
            throw new IllegalArgumentException(file + " has no actor " + (first < 1 || first > count() ? first : count() + 1)
                    + ": its actors are " + (count() == 0 ? "none" : "1 to " + count())
                    + (howMany > 1 ? " (" + howMany + " actors from " + first + " were asked for)" : ""));
        }
        for (int id = first; id <= (int) last; id++) {
            ArrayMembers.Element element = elements.get(id);
            for (String field : LOOK_FIELDS) {
                JsonElement value = actor(id).get(field);
                boolean isName = field.endsWith("Name");
                boolean right = isName ? value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString()
                        : integer(value) != null;
                if (!right || element.repeated().contains(field)) {
                    throw new JsonFormatException(file + ": actor " + id + " (" + name(id) + ") "
                            + (value == null ? "has no \"" + field + "\""
                            : element.repeated().contains(field) ? "has \"" + field + "\" more than once"
                            : "has \"" + field + "\": " + value + "; expected " + (isName ? "a string" : "a whole number"))
                            + "; the RPG Maker editor writes all four of " + LOOK_FIELDS + " once for every actor");
                }
            }
        }
    }

    /**
     * The file's bytes with actors {@code first}, {@code first + 1}, ... set to {@code looks}; all
     * else byte for byte as read.
     *
     * @throws IllegalArgumentException if an actor does not exist
     * @throws JsonFormatException      as {@link #requireActors}
     */
    public byte[] withLooks(int first, List<ActorLook> looks) throws JsonFormatException {
        requireActors(first, looks.size());
        record Replacement(ArrayMembers.Span span, String literal) {
        }
        List<Replacement> replacements = new ArrayList<>();
        for (int k = 0; k < looks.size(); k++) {
            ActorLook look = looks.get(k);
            Map<String, ArrayMembers.Span> members = elements.get(first + k).members();
            replacements.add(new Replacement(members.get("characterName"), JsonStrings.quote(look.characterName())));
            replacements.add(new Replacement(members.get("characterIndex"), Integer.toString(look.characterIndex())));
            if (look.setsFace()) {
                replacements.add(new Replacement(members.get("faceName"), JsonStrings.quote(look.faceName())));
                replacements.add(new Replacement(members.get("faceIndex"), Integer.toString(look.faceIndex())));
            }
        }
        replacements.sort(Comparator.comparingInt(r -> r.span().start()));
        StringBuilder out = new StringBuilder(text.length() + 64 * looks.size());
        int copied = 0;
        for (Replacement r : replacements) {
            out.append(text, copied, r.span().start()).append(r.literal());
            copied = r.span().end();
        }
        String edited = out.append(text, copied, text.length()).toString();
        requireOnlyLooksChanged(edited, first, looks);
        return edited.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Adds the edit that sets actors {@code first}, {@code first + 1}, ... to {@code looks} to a plan
     * of the project this file was read from; the commit checks that the file still holds the bytes
     * read here, backs it up and replaces it after the plan's other files.
     */
    public ExportFolder.Plan addTo(ExportFolder.Plan plan, int first, List<ActorLook> looks) throws JsonFormatException {
        return plan.replace(ExportFolder.Kind.DATA, FILE_NAME, bytes(), withLooks(first, looks));
    }

    /** Parses the edited text again and compares it with what was read: a guard against a wrong span. */
    private void requireOnlyLooksChanged(String edited, int first, List<ActorLook> looks) throws JsonFormatException {
        JsonArray expected = actors.deepCopy();
        for (int k = 0; k < looks.size(); k++) {
            JsonObject actor = expected.get(first + k).getAsJsonObject();
            ActorLook look = looks.get(k);
            actor.addProperty("characterName", look.characterName());
            actor.addProperty("characterIndex", look.characterIndex());
            if (look.setsFace()) {
                actor.addProperty("faceName", look.faceName());
                actor.addProperty("faceIndex", look.faceIndex());
            }
        }
        if (!expected.equals(StrictJson.parse(edited, file + " (as edited)"))) {
            throw new IllegalStateException(file + ": the edit would change more than the actors' looks; nothing was written");
        }
    }

    private JsonObject actor(int id) {
        if (id < 1 || id > count()) {
            throw new IllegalArgumentException(file + " has no actor " + id + ": its actors are 1 to " + count());
        }
        return actors.get(id).getAsJsonObject();
    }

    /** The value as an int when it is a whole JSON number that fits one; null otherwise. */
    private static Integer integer(JsonElement value) {
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return null;
        }
        try {
            return new BigDecimal(((JsonPrimitive) value).getAsString()).intValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return null;
        }
    }

    private static String abbreviated(JsonElement value) {
        String shown = value.toString();
        return shown.length() > 60 ? shown.substring(0, 57) + "..." : shown;
    }
}
