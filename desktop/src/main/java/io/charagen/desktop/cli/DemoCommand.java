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
     * Projection steps per villager without a head encoder: with the 64x64 fixture models on a 2-core
     * CPU, 30 steps bring one in about half a minute while the map is drawn (15 s without a window);
     * the projector's default (100) matches the head more closely but takes more than twice as long.
     * With an encoder the default is 0: its prediction as it is.
     */
    static final int DEFAULT_STEPS = 30;
    private static final Pattern WINDOW = Pattern.compile("(\\d{2,5})x(\\d{2,5})");

    @Mixin
    ModelOptions models;

    @Mixin
    EncoderOption encoder;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to run the networks (default ${DEFAULT-VALUE}).")
    DeviceOption device;

    @Option(names = "--npcs", defaultValue = "8", paramLabel = "N", description = "Villagers to generate, 1 to "
            + DemoSettings.MAX_NPCS + " (default ${DEFAULT-VALUE}).")
    int npcs;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N", description = "The first villager's seed; the "
            + "others take the next ones (default ${DEFAULT-VALUE}: the same villagers and map every run).")
    long seed;

    @Option(names = "--steps", paramLabel = "N", description = "Projection steps per villager's portrait: with a head "
            + "encoder, the steps that refine its prediction (default 0: none); without one, the steps of the projection "
            + "from w_avg (default " + DEFAULT_STEPS + "; the projector's own default, 100, matches the head more closely "
            + "and takes more than twice as long).")
    Integer steps;

    @ArgGroup(exclusive = true)
    Cache cache;

    static final class Cache {
        @Option(names = "--cache", paramLabel = "DIR", description = "Keep villagers in DIR, a folder for the cache "
                + "alone (default: $XDG_CACHE_HOME/charagen/demo, or ~/.cache/charagen/demo).")
        Path folder;

        @Option(names = "--no-cache", description = "Keep nothing on disk: every villager is made afresh.")
        boolean none;
    }

    @Option(names = "--torch-threads", paramLabel = "N", description = "Threads PyTorch may use for the networks "
            + "(default: one fewer than the cores, at least 1, so that drawing the map keeps a core; PyTorch's own "
            + "default is one per core, which on a 2-core machine made villagers arrive 1.5x slower and frames less even, "
            + "see benchmarks/README.md).")
    Integer torchThreads;

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
        DemoSettings.check(npcs, seed, steps != null ? steps : DEFAULT_STEPS, width, height);
        if (torchThreads != null && (torchThreads < 1 || torchThreads > 1024)) {
            throw new IllegalArgumentException("--torch-threads " + torchThreads + ": expected 1 to 1024");
        }
        Path cacheFolder = cache != null && cache.none ? null
                : CacheFolder.check(cache != null && cache.folder != null ? cache.folder : defaultCache(), "--cache");
        Path sprite = existing(models.spritePath(), "--sprite-model");
        Path portrait = existing(models.portraitPath(), "--portrait-model");
        Path encoderCard = encoder.card(portrait).orElse(null); // read, and checked against the model, as it loads
        int villagerSteps = steps != null ? steps : encoderCard != null ? 0 : DEFAULT_STEPS;
        DemoSettings settings = new DemoSettings(sprite, portrait, encoderCard,
                presets(models.presetsPath()), device.name(), npcs, seed, villagerSteps, cacheFolder, width, height);
        requireDisplay();
        useTorchThreads();
        if (device == DeviceOption.gpu) {
            device.toDevice(); // a clear message now rather than a failed worker later
        }
        System.err.printf("charagen demo: %d villagers from seed %d, %s%d projection steps each, on the %s; cache %s%n",
                npcs, seed, encoderCard != null ? "head encoder " + encoderCard.getFileName() + " and " : "", villagerSteps,
                device, cacheFolder != null ? cacheFolder : "off");
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

    /**
     * Sets PyTorch's intra-op thread count, which DJL reads when its engine starts (so before
     * anything touches the engine). A count given with -Dai.djl.pytorch.num_threads is kept unless
     * --torch-threads says otherwise.
     */
    private void useTorchThreads() {
        String property = "ai.djl.pytorch.num_threads";
        if (torchThreads == null && System.getProperty(property) != null) {
            return;
        }
        int threads = torchThreads != null ? torchThreads : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        System.setProperty(property, Integer.toString(threads));
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
