package io.charagen.generator.preset;

import java.util.Locale;

/** What a preset sets: a character's look (archetype) or one of its faces (expression). */
public enum PresetKind {
    ARCHETYPE, EXPRESSION;

    /** The name in preset files ("archetype", "expression"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The folder its presets live in, under a model's preset folder ("archetypes", "expressions"). */
    public String folder() {
        return key() + "s";
    }
}
