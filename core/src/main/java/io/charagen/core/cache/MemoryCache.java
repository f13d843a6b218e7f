package io.charagen.core.cache;

import io.charagen.generator.character.CharacterArt;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Characters kept in memory, least recently used dropped first once their pixels pass a byte
 * bound. Thread-safe. Holds only heap images (no textures), so dropping one frees nothing native.
 */
public final class MemoryCache {

    private final long maxBytes;
    private final LinkedHashMap<CacheKey, CharacterArt> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** @param maxBytes pixel bytes to keep at most (0 keeps nothing) */
    public MemoryCache(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("memory cache size " + maxBytes + ": expected 0 or more bytes");
        }
        this.maxBytes = maxBytes;
    }

    public synchronized CharacterArt get(CacheKey key) {
        return entries.get(key);
    }

    /** Keeps {@code art} (a character bigger than the whole bound is not kept). */
    public synchronized void put(CacheKey key, CharacterArt art) {
        long size = art.pixelBytes();
        CharacterArt old = entries.remove(key);
        if (old != null) {
            bytes -= old.pixelBytes();
        }
        if (size > maxBytes) {
            return;
        }
        entries.put(key, art);
        bytes += size;
        Iterator<Map.Entry<CacheKey, CharacterArt>> eldest = entries.entrySet().iterator();
        while (bytes > maxBytes && eldest.hasNext()) {
            bytes -= eldest.next().getValue().pixelBytes();
            eldest.remove();
        }
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    public long maxBytes() {
        return maxBytes;
    }
}
