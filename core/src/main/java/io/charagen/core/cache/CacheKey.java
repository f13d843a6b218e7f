package io.charagen.core.cache;

import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.preset.Preset;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What a cached character is filed under: a sha256 over everything that decides its pixels (the
 * models' sha256 and the portrait's head encoder's, the device type, the spec without its name, and the content of every preset it
 * uses), so a changed preset or model can never bring back a stale character. A sprite-only preview
 * leaves out what only the faces depend on, so every full character's sprite is also a preview.
 */
public record CacheKey(String hex) {

    /** Bump when what is cached, or how it is keyed, changes. */
    static final String VERSION = "charagen-cache/2";

    public CacheKey {
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("cache key '" + hex + "': expected 64 lowercase hex digits");
        }
    }

    /** The key of a character whose portraits are projected from w_avg (no head encoder). */
    public static CacheKey of(boolean spriteOnly, String deviceType, ModelRef spriteModel, ModelRef portraitModel,
                              CharacterSpec spec, List<Preset> spritePresets, List<Preset> portraitPresets) {
        return of(spriteOnly, deviceType, spriteModel, portraitModel, null, spec, spritePresets, portraitPresets);
    }

    /**
     * @param portraitEncoder the head encoder that starts the portraits, or null for none; ignored for a preview
     * @param spritePresets   the sprite model's presets the spec uses (its archetype)
     * @param portraitPresets the portrait model's presets it uses (archetype, expressions); ignored for a preview
     */
    public static CacheKey of(boolean spriteOnly, String deviceType, ModelRef spriteModel, ModelRef portraitModel,
                              ModelRef portraitEncoder, CharacterSpec spec, List<Preset> spritePresets,
                              List<Preset> portraitPresets) {
        MessageDigest sha = sha256();
        Fields f = new Fields(sha);
        f.text(VERSION).text(spriteOnly ? "sprite" : "character").text(deviceType).text(spriteModel.sha256());
        f.number(spec.seed()).number(Double.doubleToLongBits(spec.psi())).text(String.valueOf(spec.archetype()));
        f.number(spec.paletteSize()).number(spec.outlineRgb() == null ? -1 : spec.outlineRgb());
        if (spec.mix() == null) {
            f.text("no mix");
        } else {
            f.number(spec.mix().seed()).text(String.join(",", spec.mix().groups()));
        }
        spritePresets.forEach(p -> f.preset(p));
        if (!spriteOnly) {
            f.text(portraitModel.sha256()).text(portraitEncoder == null ? "no encoder" : portraitEncoder.sha256())
                    .number(spec.projectionSteps());
            for (ExpressionChoice e : spec.expressions()) {
                f.text(e.name()).number(e.strength() == null ? Long.MIN_VALUE : Double.doubleToLongBits(e.strength()));
            }
            portraitPresets.forEach(p -> f.preset(p));
        }
        return new CacheKey(HexFormat.of().formatHex(sha.digest()));
    }

    @Override
    public String toString() {
        return hex;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** Length-prefixed fields, so that no two field lists hash the same bytes. */
    private record Fields(MessageDigest sha) {
        Fields text(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            number(bytes.length);
            sha.update(bytes);
            return this;
        }

        Fields number(long n) {
            sha.update(ByteBuffer.allocate(Long.BYTES).putLong(n).array());
            return this;
        }

        void preset(Preset p) {
            text(p.kind().key()).text(p.name()).text(p.model().sha256()).text(String.valueOf(p.layerGroup()))
                    .text(String.valueOf(p.layers())).text(p.mode().name()).number(Double.doubleToLongBits(p.strength()));
            float[] w = p.w();
            ByteBuffer values = ByteBuffer.allocate(w.length * Float.BYTES);
            values.asFloatBuffer().put(w);
            number(w.length);
            sha.update(values.array());
        }
    }
}
