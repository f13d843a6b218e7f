package io.charagen.generator.model;

import java.util.Objects;

/**
 * Which model something was made for: its name and the sha256 of its weights file (a bundle's
 * .safetensors, or a snapshot's .pkl). Presets and character records name their models this way,
 * so a preset is never applied to a network it was not made for.
 */
public record ModelRef(String name, String sha256) {

    public ModelRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** "name (sha256 first 12 hex digits)" for messages. */
    public String describe() {
        return "'" + name + "' (sha256 " + sha256.substring(0, Math.min(12, sha256.length())) + "...)";
    }
}
