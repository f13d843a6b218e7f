package io.charagen.core.cache;

import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.sheet.CharacterFrames;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class MemoryCacheTest {

    /** A character of 12 frames of 10 x 10: 4800 bytes of pixels. */
    static CharacterArt art(long seed) {
        BufferedImage[][] frames = new BufferedImage[4][3];
        for (BufferedImage[] row : frames) {
            for (int p = 0; p < 3; p++) {
                row[p] = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
            }
        }
        CharacterSpec spec = new CharacterSpec("N", seed, 0.7, null, List.of(new ExpressionChoice("neutral", null)), 32, null, 5);
        ModelRef model = new ModelRef("m", "c".repeat(64));
        return new CharacterArt(new CharacterRecord(spec, model, model, "cpu", 0), new CharacterFrames(frames, null), Map.of());
    }

    static CacheKey key(int n) {
        byte[] bytes = new byte[32];
        bytes[31] = (byte) n;
        return new CacheKey(HexFormat.of().formatHex(bytes));
    }

    @Test
    void dropsTheLeastRecentlyUsedPastItsByteBound() {
        MemoryCache cache = new MemoryCache(3 * 4800);
        assertEquals(4800, art(0).pixelBytes());
        cache.put(key(1), art(1));
        cache.put(key(2), art(2));
        cache.put(key(3), art(3));
        assertNotNull(cache.get(key(1)), "1 is now the most recently used");
        cache.put(key(4), art(4));
        assertNull(cache.get(key(2)), "2 was the least recently used");
        assertNotNull(cache.get(key(1)));
        assertNotNull(cache.get(key(3)));
        assertNotNull(cache.get(key(4)));
        assertEquals(3, cache.size());
        assertEquals(3 * 4800, cache.bytes());
    }

    @Test
    void replacingAnEntryCountsItOnceAndTooBigIsNotKept() {
        MemoryCache cache = new MemoryCache(4800);
        CharacterArt second = art(1);
        cache.put(key(1), art(1));
        cache.put(key(1), second);
        assertSame(second, cache.get(key(1)));
        assertEquals(4800, cache.bytes());
        MemoryCache none = new MemoryCache(4799);
        none.put(key(1), art(1));
        assertEquals(0, none.size());
        assertEquals(0, none.bytes());
    }
}
