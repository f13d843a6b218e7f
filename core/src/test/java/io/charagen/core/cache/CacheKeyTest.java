package io.charagen.core.cache;

import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.character.LayerMix;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.preset.BlendMode;
import io.charagen.generator.preset.Preset;
import io.charagen.generator.preset.PresetKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CacheKeyTest {

    static final ModelRef SPRITE = new ModelRef("s", "1".repeat(64));
    static final ModelRef PORTRAIT = new ModelRef("p", "2".repeat(64));

    static CharacterSpec spec(String name, long seed, double psi, Double happy, int steps) {
        return new CharacterSpec(name, seed, psi, "hero", List.of(new ExpressionChoice("neutral", null),
                new ExpressionChoice("happy", happy)), 32, null, steps);
    }

    static Preset preset(ModelRef model, PresetKind kind, String name, float value) {
        return new Preset(name, kind, model, "identity", null, BlendMode.REPLACE, 1.0, 2, 2,
                new float[]{value, 0, 0, 0}, null, null);
    }

    static CacheKey full(CharacterSpec spec, float archetypeValue) {
        return CacheKey.of(false, "cpu", SPRITE, PORTRAIT, spec, List.of(preset(SPRITE, PresetKind.ARCHETYPE, "hero", archetypeValue)),
                List.of(preset(PORTRAIT, PresetKind.EXPRESSION, "happy", 1)));
    }

    @Test
    void theNameDoesNotCountButEverythingThatDecidesPixelsDoes() {
        CacheKey base = full(spec("A", 1, 0.7, null, 5), 1);
        assertEquals(base, full(spec("Someone else", 1, 0.7, null, 5), 1));
        assertNotEquals(base, full(spec("A", 2, 0.7, null, 5), 1), "seed");
        assertNotEquals(base, full(spec("A", 1, 0.71, null, 5), 1), "psi");
        assertNotEquals(base, full(spec("A", 1, 0.7, 0.5, 5), 1), "expression strength");
        assertNotEquals(base, full(spec("A", 1, 0.7, null, 6), 1), "projection steps");
        assertNotEquals(base, full(spec("A", 1, 0.7, null, 5), 1.5f), "a preset's w values");
        assertNotEquals(base, full(spec("A", 1, 0.7, null, 5).withMix(new LayerMix(2, List.of("pose"))), 1), "mix");
        assertNotEquals(base, CacheKey.of(false, "gpu", SPRITE, PORTRAIT, spec("A", 1, 0.7, null, 5),
                List.of(preset(SPRITE, PresetKind.ARCHETYPE, "hero", 1)), List.of(preset(PORTRAIT, PresetKind.EXPRESSION, "happy", 1))), "device");
        assertNotEquals(base, CacheKey.of(true, "cpu", SPRITE, PORTRAIT, spec("A", 1, 0.7, null, 5),
                List.of(preset(SPRITE, PresetKind.ARCHETYPE, "hero", 1)), List.of()), "preview or character");
    }

    @Test
    void theHeadEncoderCountsForCharactersAndNotForPreviews() {
        ModelRef encoder = new ModelRef("p.encoder", "4".repeat(64));
        List<Preset> archetype = List.of(preset(SPRITE, PresetKind.ARCHETYPE, "hero", 1));
        CharacterSpec spec = spec("A", 1, 0.7, null, 0);
        CacheKey projected = CacheKey.of(false, "cpu", SPRITE, PORTRAIT, spec, archetype, List.of());
        assertEquals(projected, CacheKey.of(false, "cpu", SPRITE, PORTRAIT, null, spec, archetype, List.of()));
        assertNotEquals(projected, CacheKey.of(false, "cpu", SPRITE, PORTRAIT, encoder, spec, archetype, List.of()));
        assertNotEquals(CacheKey.of(false, "cpu", SPRITE, PORTRAIT, encoder, spec, archetype, List.of()),
                CacheKey.of(false, "cpu", SPRITE, PORTRAIT, new ModelRef("p.encoder", "5".repeat(64)), spec, archetype,
                        List.of()), "another encoder's weights");
        assertEquals(CacheKey.of(true, "cpu", SPRITE, PORTRAIT, spec, archetype, List.of()),
                CacheKey.of(true, "cpu", SPRITE, PORTRAIT, encoder, spec, archetype, List.of()), "a sprite preview");
    }

    @Test
    void aSpritePreviewIgnoresWhatOnlyTheFacesDependOn() {
        List<Preset> archetype = List.of(preset(SPRITE, PresetKind.ARCHETYPE, "hero", 1));
        CacheKey preview = CacheKey.of(true, "cpu", SPRITE, PORTRAIT, spec("A", 1, 0.7, null, 5), archetype, List.of());
        assertEquals(preview, CacheKey.of(true, "cpu", SPRITE, new ModelRef("other", "3".repeat(64)),
                spec("A", 1, 0.7, 0.9, 50), archetype, List.of(preset(PORTRAIT, PresetKind.EXPRESSION, "happy", 1))));
    }
}
