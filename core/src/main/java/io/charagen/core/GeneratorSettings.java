package io.charagen.core;

import io.charagen.generator.encoder.EncoderChoice;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a {@link CharacterGenerator} runs: worker threads, queue bound, caches, device, and the head
 * encoder that starts the portraits. The defaults suit a game making NPCs on a desktop CPU.
 */
public final class GeneratorSettings {

    int workers = 1;
    int queueCapacity = 32;
    long memoryCacheBytes = 64L << 20;
    Path diskCache;
    long diskCacheBytes = 512L << 20;
    String device = "cpu";
    EncoderChoice portraitEncoder = EncoderChoice.besideModel();

    /**
     * Worker threads, each with its own copy of the networks (default 1: PyTorch already spreads one
     * character over the cores; more workers pay off on machines with many cores).
     */
    public GeneratorSettings workers(int count) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("workers " + count + ": expected 1 to 64");
        }
        workers = count;
        return this;
    }

    /** Requests waiting or running at most; one more is refused with a {@link QueueFullException} (default 32). */
    public GeneratorSettings queueCapacity(int capacity) {
        if (capacity < 1 || capacity > 100_000) {
            throw new IllegalArgumentException("queue capacity " + capacity + ": expected 1 to 100000");
        }
        queueCapacity = capacity;
        return this;
    }

    /** Pixel bytes of finished characters kept in memory (default 64 MiB; 0 keeps none). */
    public GeneratorSettings memoryCache(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("memory cache " + bytes + " bytes: expected 0 or more");
        }
        memoryCacheBytes = bytes;
        return this;
    }

    /**
     * Keeps characters on disk under {@code folder} (the cache's own folder; default: none), up to
     * {@code maxBytes}, so the same NPC comes back at once in the next run.
     */
    public GeneratorSettings diskCache(Path folder, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("disk cache " + maxBytes + " bytes: expected 1 or more");
        }
        diskCache = folder;
        diskCacheBytes = maxBytes;
        return this;
    }

    /**
     * The head encoder whose prediction starts each portrait, refined by the spec's projection steps
     * (default: the one beside the portrait model, {@code <model>.encoder.json}, when it ships one;
     * {@link EncoderChoice#none()} projects every head from w_avg).
     */
    public GeneratorSettings portraitEncoder(EncoderChoice choice) {
        portraitEncoder = Objects.requireNonNull(choice, "choice");
        return this;
    }

    /** "cpu" (default) or "gpu" (needs DJL's CUDA build of PyTorch on the class path). */
    public GeneratorSettings device(String name) {
        if (!name.equals("cpu") && !name.equals("gpu")) {
            throw new IllegalArgumentException("device '" + name + "': expected cpu or gpu");
        }
        device = name;
        return this;
    }
}
