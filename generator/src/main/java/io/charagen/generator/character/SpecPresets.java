package io.charagen.generator.character;

import io.charagen.generator.model.ModelRef;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetException;
import io.charagen.generator.preset.PresetKind;
import io.charagen.generator.preset.PresetSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The presets a spec uses, found before any work so that a missing one fails first: the archetype
 * of each model and, for a whole character, one expression preset per face ({@value
 * ExpressionChoice#BASE} without a preset of that name is the portrait unchanged, mapped to null).
 *
 * <p>Without a portrait model ({@code portrait} null) only the sprite's archetype is looked up: the
 * spec's archetype then needs a preset for the sprite model alone.
 *
 * @param spriteArchetype   null when the spec names no archetype
 * @param portraitArchetype null when the spec names no archetype, or there is no portrait model
 * @param expressions       face name to preset (or null), in face order; empty for a sprite only
 */
public record SpecPresets(Preset spriteArchetype, Preset portraitArchetype, Map<String, Preset> expressions) {

    public SpecPresets {
        expressions = Collections.unmodifiableMap(new LinkedHashMap<>(expressions));
    }

    /**
     * Looks up what {@code spec} uses; {@code spriteOnly} leaves out the expressions.
     *
     * @param portrait the portrait model, or null for none (then only the sprite's presets are looked up)
     */
    public static SpecPresets find(CharacterSpec spec, PresetSource presets, ModelRef sprite, ModelRef portrait,
                                   boolean spriteOnly) throws PresetException {
        Preset spriteArchetype = null;
        Preset portraitArchetype = null;
        if (spec.archetype() != null) {
            spriteArchetype = presets.find(PresetKind.ARCHETYPE, spec.archetype(), sprite);
            if (portrait != null) {
                portraitArchetype = presets.find(PresetKind.ARCHETYPE, spec.archetype(), portrait);
            }
        }
        Map<String, Preset> expressions = new LinkedHashMap<>();
        if (!spriteOnly && portrait != null) {
            boolean neutralPreset = presets.names(PresetKind.EXPRESSION, portrait).contains(ExpressionChoice.BASE);
            for (ExpressionChoice choice : spec.expressions()) {
                boolean plain = choice.name().equals(ExpressionChoice.BASE) && !neutralPreset;
                expressions.put(choice.name(), plain ? null : presets.find(PresetKind.EXPRESSION, choice.name(), portrait));
            }
        }
        return new SpecPresets(spriteArchetype, portraitArchetype, expressions);
    }

    /** The sprite model's presets used (its archetype, if any). */
    public List<Preset> spriteSide() {
        return spriteArchetype == null ? List.of() : List.of(spriteArchetype);
    }

    /** The portrait model's presets used: archetype, then the expressions that have one. */
    public List<Preset> portraitSide() {
        List<Preset> used = new ArrayList<>();
        if (portraitArchetype != null) {
            used.add(portraitArchetype);
        }
        expressions.values().stream().filter(Objects::nonNull).forEach(used::add);
        return used;
    }
}
