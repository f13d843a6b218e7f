package io.charagen.generator.character;

import io.charagen.generator.sheet.CharacterFrames;

import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One generated character: the cleaned walk frames, a face per expression, and what it took to
 * make them.
 *
 * @param canvas         the sprite network's raw output as pixels (before clean-up)
 * @param headTarget     the head crop the projection aimed at, at the portrait model's resolution; null
 *                       without a portrait model
 * @param faces          expression name to portrait, in the spec's order; empty without a portrait model
 * @param paletteColours colours in the sprite's shared palette after clean-up
 * @param projectionSteps steps of the head's projection; 0 without a portrait model, and with a head encoder alone
 * @param cleanupSummary what the clean-up did, one line
 * @param headSummary    where the head was found, one line (or that there was no head crop)
 * @param stageNanos     wall time of each stage
 */
public record Character(CharacterRecord record, BufferedImage canvas, CharacterFrames frames, BufferedImage headTarget,
                        Map<String, BufferedImage> faces, int paletteColours, int projectionSteps,
                        String cleanupSummary, String headSummary, Map<PipelineListener.Stage, Long> stageNanos) {

    public Character {
        faces = Collections.unmodifiableMap(new LinkedHashMap<>(faces));
        stageNanos = Collections.unmodifiableMap(new EnumMap<>(stageNanos));
    }

    public String name() {
        return record.spec().name();
    }

    /** What is exported, cached and shown of this character. */
    public CharacterArt art() {
        return new CharacterArt(record, frames, faces);
    }
}
