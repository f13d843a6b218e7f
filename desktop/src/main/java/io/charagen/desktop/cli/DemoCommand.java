package io.charagen.desktop.cli;

import io.charagen.desktop.demo.DemoLauncher;
import io.charagen.desktop.demo.DemoObserver;
import io.charagen.desktop.demo.DemoSettings;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code charagen demo}: a village map where generated NPCs walk about and show their portraits. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Opens a small village map where generated villagers turn up one by one, walk about, and "
                + "show their portrait when clicked (the arrows step through their expressions).",
                "Villagers are made in the background on the chosen device and kept in a disk cache, so the same "
                        + "seeds come back at once in the next run."})
final class DemoCommand implements Callable<Integer> {

    /**
     * Projection steps per villager: 30 brings one in about 15 s on a 2-core CPU with small models;
     * the projector's default (100) matches the head more closely but takes over three times as long.
     */
    static final int DEFAULT_STEPS = 30;
    private static final Pattern WINDOW = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    @Mixin
    ModelOptions models;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to run the networks (default ${DEFAULT-VALUE}).")
    DeviceOption device;

    @Option(names = "--npcs", defaultValue = "8", paramLabel = "N", description = "Villagers to generate, 1 to "
            + DemoSettings.MAX_NPCS + " (default ${DEFAULT-VALUE}).")
    int npcs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The first villager's seed; the "
            + "others take the next ones (default ${DEFAULT-VALUE}: the same villagers and map every run).")
    long seed;

    @Option(names = "--steps", defaultValue = "" + DEFAULT_STEPS, paramLabel = "N", description = "Projection steps "
            + "per villager's portrait (default ${DEFAULT-VALUE}, which brings a villager in seconds on a CPU; "
            + "the projector's own default is 100).")
    int steps;

    @ArgGroup(exclusive = true)
    Cache cache;

    static final class Cache {
        @Option(names = "--cache", paramLabel = "DIR", description = "Keep villagers in DIR, a folder for the cache "
                + "alone (default: $XDG_CACHE_HOME/charagen/demo, or ~/.cache/charagen/demo).")
        Path folder;

        @Option(names = "--no-cache", description = "Keep nothing on disk: every villager is made afresh.")
        boolean none;
    }

    @Option(names = "--window", defaultValue = "960x720", paramLabel = "WxH", description = "Window size in pixels; "
            + "the map fills it with 48-pixel tiles (default ${DEFAULT-VALUE}).")
    String window;

    @Override
    public Integer call() throws Exception {
        Matcher size = WINDOW.matcher(window.toLowerCase(Locale.ROOT));
        if (!size.matches()) {
            throw new IllegalArgumentException("--window '" + window + "': expected WIDTHxHEIGHT, such as 960x720");
        }
        int width = Integer.parseInt(size.group(1));
        int height = Integer.parseInt(size.group(2));
        DemoSettings.check(npcs, seed, steps, width, height);
        Path cacheFolder = cache != null && cache.none ? null
                : CacheFolder.check(cache != null && cache.folder != null ? cache.folder : defaultCache(), "--cache");
        DemoSettings settings = new DemoSettings(existing(models.spritePath(), "--sprite-model"),
                existing(models.portraitPath(), "--portrait-model"), presets(models.presetsPath()), device.name(),
                npcs, seed, steps, cacheFolder, width, height);
        requireDisplay();
        if (device == DeviceOption.gpu) {
            device.toDevice(); // a clear message now rather than a failed worker later
        }
        System.err.printf("charagen demo: %d villagers from seed %d, %d projection steps each, on the %s; cache %s%n",
                npcs, seed, steps, device, cacheFolder != null ? cacheFolder : "off");
        DemoLauncher.run(settings, new DemoObserver() {
            private long start;

            @Override
            public void requested(int count, long nanoTime) {
                start = nanoTime;
            }

            @Override
            public void delivered(String name, int ready, int total, long nanoTime) {
                System.err.printf("charagen demo: %s is here (%d of %d, %.1f s)%n", name, ready, total, (nanoTime - start) / 1e9);
            }
        });
        return 0;
    }

    private static Path existing(Path model, String option) throws NoSuchFileException {
        if (!Files.isRegularFile(model)) {
            throw new NoSuchFileException(model.toString(), null, option + ": no such file");
        }
        return model;
    }

    private static Path presets(Path folder) throws NoSuchFileException {
        if (!Files.isDirectory(folder)) {
            throw new NoSuchFileException(folder.toString(), null, "--presets: no such folder");
        }
        return folder;
    }

    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("charagen").resolve("demo");
    }

    /** GLFW cannot open a window without a display; say so plainly (xvfb-run gives a virtual one). */
    private static void requireDisplay() {
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux");
        if (linux && System.getenv("DISPLAY") == null && System.getenv("WAYLAND_DISPLAY") == null) {
            throw new IllegalStateException("the demo opens a window, and there is no display (DISPLAY is not set); "
                    + "on a machine without a screen run it under xvfb-run: xvfb-run -a ./charagen demo");
        }
    }
}
