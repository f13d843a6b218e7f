package io.charagen.core.cache;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.charagen.generator.character.CharacterArt;
import io.charagen.generator.character.CharacterRecord;
import io.charagen.generator.image.ImageFiles;
import io.charagen.generator.json.JsonFields;
import io.charagen.generator.json.JsonFormatException;
import io.charagen.generator.json.StrictJson;
import io.charagen.generator.rpgmaker.CharacterSheet;
import io.charagen.generator.sheet.CharacterFrames;
import io.charagen.generator.sheet.Direction;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Characters kept on disk between runs, one folder per {@link CacheKey} under a root that belongs
 * to the cache alone: {@code <root>/<first 2 hex>/<key>/} with the $-layout sheet, one PNG per face,
 * the character's record and an {@code entry.json} index. An entry is written into a temporary
 * folder and renamed into place, so a reader never sees half of one; an entry that does not read
 * back cleanly is deleted and counts as a miss. The least recently used entries go first once the
 * folder passes its byte bound.
 */
public final class DiskCache {

    static final String ENTRY_FORMAT = "charagen-cache-entry/1";
    private static final String ENTRY = "entry.json";
    private static final String RECORD = "record.json";
    private static final String SHEET = "sheet.png";
    private static final String EXTRA = "extra.png";
    private static final long MAX_ENTRY_JSON = 64 << 10;

    private final Path root;
    private final long maxBytes;
    private long bytesSinceScan = Long.MAX_VALUE / 2; // unknown until the first scan

    /** @param maxBytes bytes of files to keep at most; older entries are deleted past it */
    public DiskCache(Path root, long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("disk cache size " + maxBytes + ": expected 1 byte or more");
        }
        this.root = root.toAbsolutePath().normalize();
        this.maxBytes = maxBytes;
    }

    public Path root() {
        return root;
    }

    private Path folder(CacheKey key) {
        return root.resolve(key.hex().substring(0, 2)).resolve(key.hex());
    }

    /** The character filed under {@code key}, or null. A damaged entry is deleted. */
    public synchronized CharacterArt get(CacheKey key) {
        Path folder = folder(key);
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try {
            CharacterArt art = read(folder, key);
            Files.setLastModifiedTime(folder.resolve(ENTRY), FileTime.fromMillis(System.currentTimeMillis()));
            return art;
        } catch (IOException | JsonFormatException | RuntimeException e) {
            deleteQuietly(folder);
            return null;
        }
    }

    private static CharacterArt read(Path folder, CacheKey key) throws IOException, JsonFormatException {
        Path entryFile = folder.resolve(ENTRY);
        JsonFields entry = JsonFields.of(StrictJson.parseObject(StrictJson.readText(entryFile, MAX_ENTRY_JSON,
                "a cache entry"), entryFile.toString()), entryFile.toString());
        entry.allowOnly(Set.of("format", "key", "faces", "extra"));
        if (!ENTRY_FORMAT.equals(entry.string("format")) || !key.hex().equals(entry.string("key"))) {
            throw entry.error("key", "is not this entry's format or key");
        }
        BufferedImage sheet = ImageFiles.read(folder.resolve(SHEET));
        int w = sheet.getWidth() / CharacterFrames.PATTERNS;
        int h = sheet.getHeight() / Direction.values().length;
        if (w < 1 || h < 1 || sheet.getWidth() % CharacterFrames.PATTERNS != 0 || sheet.getHeight() % 4 != 0) {
            throw new IOException(folder.resolve(SHEET) + ": not a 3 x 4 sheet");
        }
        BufferedImage[][] frames = new BufferedImage[Direction.values().length][CharacterFrames.PATTERNS];
        for (Direction d : Direction.values()) {
            for (int p = 0; p < CharacterFrames.PATTERNS; p++) {
                frames[d.ordinal()][p] = copy(sheet, p * w, d.ordinal() * h, w, h);
            }
        }
        BufferedImage[] extra = null;
        if (entry.bool("extra")) {
            BufferedImage strip = ImageFiles.read(folder.resolve(EXTRA));
            extra = new BufferedImage[Direction.values().length];
            for (Direction d : Direction.values()) {
                extra[d.ordinal()] = copy(strip, d.ordinal() * w, 0, w, h);
            }
        }
        Map<String, BufferedImage> faces = new LinkedHashMap<>();
        List<String> names = entry.strings("faces");
        for (int i = 0; i < names.size(); i++) {
            faces.put(names.get(i), ImageFiles.read(folder.resolve(faceFile(i))));
        }
        return new CharacterArt(CharacterRecord.read(folder.resolve(RECORD)), new CharacterFrames(frames, extra), faces);
    }

    private static BufferedImage copy(BufferedImage from, int x, int y, int w, int h) {
        BufferedImage frame = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        frame.setRGB(0, 0, w, h, from.getRGB(x, y, w, h, null, 0, w), 0, w);
        return frame;
    }

    private static String faceFile(int index) {
        return "face-" + index + ".png";
    }

    /** Files {@code art} under {@code key} (an entry already there is kept). */
    public synchronized void put(CacheKey key, CharacterArt art) throws IOException {
        Path target = folder(key);
        if (Files.isDirectory(target)) {
            return;
        }
        Path staging = root.resolve("staging").resolve(UUID.randomUUID().toString());
        Files.createDirectories(staging);
        try {
            png(CharacterSheet.single(art.frames()), staging.resolve(SHEET));
            boolean extra = art.frames().extraFrame(Direction.DOWN).isPresent();
            if (extra) {
                BufferedImage strip = new BufferedImage(art.frames().frameWidth() * 4, art.frames().frameHeight(),
                        BufferedImage.TYPE_INT_ARGB);
                for (Direction d : Direction.values()) {
                    strip.createGraphics().drawImage(art.frames().extraFrame(d).orElseThrow(),
                            d.ordinal() * art.frames().frameWidth(), 0, null);
                }
                png(strip, staging.resolve(EXTRA));
            }
            JsonArray faceNames = new JsonArray();
            int i = 0;
            for (Map.Entry<String, BufferedImage> face : art.faces().entrySet()) {
                png(face.getValue(), staging.resolve(faceFile(i++)));
                faceNames.add(face.getKey());
            }
            Files.writeString(staging.resolve(RECORD), art.record().toJson(), StandardCharsets.UTF_8);
            JsonObject entry = new JsonObject();
            entry.addProperty("format", ENTRY_FORMAT);
            entry.addProperty("key", key.hex());
            entry.add("faces", faceNames);
            entry.addProperty("extra", extra);
            Files.writeString(staging.resolve(ENTRY), entry + "\n", StandardCharsets.UTF_8);
            Files.createDirectories(target.getParent());
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // another process filed the same character first
        } finally {
            deleteQuietly(staging);
        }
        bytesSinceScan += sizeOf(target);
        if (bytesSinceScan > maxBytes) {
            prune();
        }
    }

    private static void png(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }

    /** Deletes the least recently used entries until the cache is within its bound. */
    private void prune() throws IOException {
        List<Path> entries = new ArrayList<>();
        try (Stream<Path> shards = Files.list(root)) {
            for (Path shard : shards.filter(p -> p.getFileName().toString().matches("[0-9a-f]{2}")).toList()) {
                try (Stream<Path> inShard = Files.list(shard)) {
                    inShard.filter(Files::isDirectory).forEach(entries::add);
                }
            }
        }
        long total = 0;
        Map<Path, Long> sizes = new LinkedHashMap<>();
        for (Path e : entries) {
            long size = sizeOf(e);
            sizes.put(e, size);
            total += size;
        }
        entries.sort(Comparator.comparing(DiskCache::lastUsed));
        for (Path e : entries) {
            if (total <= maxBytes) {
                break;
            }
            total -= sizes.get(e);
            deleteQuietly(e);
        }
        bytesSinceScan = total;
    }

    private static FileTime lastUsed(Path entry) {
        try {
            return Files.getLastModifiedTime(entry.resolve(ENTRY));
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static long sizeOf(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /** Deletes a folder of this cache (never follows a link out of it). */
    private void deleteQuietly(Path folder) {
        if (!folder.toAbsolutePath().normalize().startsWith(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // what is left is retried the next time this entry is read or pruned
        }
    }
}
