package io.charagen.core.cache;

import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.character.CharacterSpec;
import io.charagen.generator.character.ExpressionChoice;
import io.charagen.generator.model.ModelRef;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiskCacheTest {

    static CharacterArt art(long seed, boolean extra) {
        BufferedImage[][] frames = new BufferedImage[4][3];
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                frames[d.ordinal()][p] = noise(9, 13, seed * 100 + d.ordinal() * 10 + p);
            }
        }
        BufferedImage[] extras = extra ? new BufferedImage[]{noise(9, 13, 1), noise(9, 13, 2), noise(9, 13, 3), noise(9, 13, 4)} : null;
        Map<String, BufferedImage> faces = new LinkedHashMap<>();
        faces.put("neutral", noise(20, 20, seed + 7));
        faces.put("happy", noise(20, 20, seed + 8));
        CharacterSpec spec = new CharacterSpec("Nia", seed, 0.5, "hero",
                List.of(new ExpressionChoice("neutral", null), new ExpressionChoice("happy", 0.6)), 16, 0x102030, 7);
        ModelRef model = new ModelRef("m", "d".repeat(64));
        return new CharacterArt(new CharacterRecord(spec, model, model, "cpu", 0.25), new CharacterFrames(frames, extras), faces);
    }

    static BufferedImage noise(int w, int h, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextBoolean() ? 0 : 0xff000000 | random.nextInt(0xffffff));
            }
        }
        return image;
    }

    static int[] pixels(BufferedImage i) {
        return i.getRGB(0, 0, i.getWidth(), i.getHeight(), null, 0, i.getWidth());
    }

    @Test
    void aCharacterReadsBackPixelForPixel(@TempDir Path root) throws Exception {
        DiskCache cache = new DiskCache(root, 1 << 20);
        CharacterArt art = art(3, true);
        CacheKey key = MemoryCacheTest.key(1);
        assertNull(cache.get(key));
        cache.put(key, art);
        CharacterArt back = new DiskCache(root, 1 << 20).get(key);
        assertNotNull(back);
        for (Direction d : Direction.values()) {
            for (int p = 0; p < 3; p++) {
                assertArrayEquals(pixels(art.frames().frame(d, p)), pixels(back.frames().frame(d, p)), d + " " + p);
            }
            assertArrayEquals(pixels(art.frames().extraFrame(d).get()), pixels(back.frames().extraFrame(d).get()));
        }
        assertEquals(List.of("neutral", "happy"), List.copyOf(back.faces().keySet()));
        assertArrayEquals(pixels(art.faces().get("happy")), pixels(back.faces().get("happy")));
        assertEquals(art.record(), back.record());
        assertNull(cache.get(MemoryCacheTest.key(2)));
        try (Stream<Path> left = Files.list(root.resolve("staging"))) {
            assertEquals(0, left.count(), "no staging folder is left behind");
        }
    }

    @Test
    void aDamagedEntryIsAMissAndIsDeleted(@TempDir Path root) throws Exception {
        DiskCache cache = new DiskCache(root, 1 << 20);
        CacheKey key = MemoryCacheTest.key(1);
        cache.put(key, art(1, false));
        Path folder = root.resolve(key.hex().substring(0, 2)).resolve(key.hex());
        Files.write(folder.resolve("face-1.png"), new byte[]{1, 2, 3});
        assertNull(cache.get(key));
        assertFalse(Files.exists(folder));

        cache.put(key, art(1, false));
        Files.writeString(folder.resolve("entry.json"), Files.readString(folder.resolve("entry.json"))
                .replace(key.hex(), MemoryCacheTest.key(9).hex()));
        assertNull(cache.get(key), "an entry filed under another key");
        cache.put(key, art(1, false));
        Files.writeString(folder.resolve("entry.json"), "{\"format\": \"charagen-cache-entry/1\", \"run\": \"x\"}");
        assertNull(cache.get(key), "an entry with fields it should not have");
        assertFalse(Files.exists(folder));
    }

    @Test
    void theLeastRecentlyUsedEntriesGoPastTheByteBound(@TempDir Path root) throws Exception {
        DiskCache probe = new DiskCache(root.resolve("probe"), 1 << 30);
        probe.put(MemoryCacheTest.key(0), art(0, false));
        long entryBytes;
        try (Stream<Path> files = Files.walk(root.resolve("probe"))) {
            entryBytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        DiskCache cache = new DiskCache(root.resolve("cache"), entryBytes * 5 / 2); // room for two
        long now = System.currentTimeMillis();
        for (int i = 1; i <= 3; i++) {
            CacheKey key = MemoryCacheTest.key(i);
            cache.put(key, art(i, false));
            Path entry = root.resolve("cache").resolve(key.hex().substring(0, 2)).resolve(key.hex()).resolve("entry.json");
            if (Files.exists(entry)) {
                Files.setLastModifiedTime(entry, FileTime.fromMillis(now - 10_000 + i * 1000));
            }
            if (i == 2) {
                assertNotNull(cache.get(MemoryCacheTest.key(1)), "1 used after 2 was filed");
            }
        }
        assertNotNull(cache.get(MemoryCacheTest.key(1)));
        assertNull(cache.get(MemoryCacheTest.key(2)), "2 was the least recently used");
        assertNotNull(cache.get(MemoryCacheTest.key(3)));
        assertTrue(entryBytes > 0);
    }
}
