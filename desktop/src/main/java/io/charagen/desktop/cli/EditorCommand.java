package io.charagen.desktop.cli;

import io.charagen.desktop.editor.EditorApp;
import io.charagen.desktop.editor.EditorSettings;
import io.charagen.desktop.editor.EditorWindow;
import io.charagen.generator.projection.ProjectionOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code charagen editor}: the desktop editor window. */
@Command(name = "editor", mixinStandardHelpOptions = true,
        description = {"Opens the character editor: a grid of candidates from consecutive seeds, controls for seed, "
                + "psi, archetype, expressions and layer mixing with a live walking preview and portraits, export to an "
                + "RPG Maker MV project, and saving and loading of character records."})
final class EditorCommand implements Callable<Integer> {

    private static final Pattern WINDOW = Pattern.compile("(\\d{3,5})x(\\d{3,5})");

    @Mixin
    ModelOptions models;

    @Mixin
    EncoderOption encoder;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|gpu", description = "Where to run (default ${DEFAULT-VALUE}).")
    DeviceOption device;

    @Option(names = "--steps", paramLabel = "N", description = "Projection steps of each portrait set: with a head "
            + "encoder, the steps that refine its prediction (default 0: none); without one, the steps of the projection "
            + "from w_avg (default: the projector's default, " + ProjectionOptions.DEFAULT_STEPS + "); fewer are faster and "
            + "less faithful. The editor can change it too.")
    Integer steps;

    @Option(names = "--cache", paramLabel = "DIR", description = "Folder of the editor's disk cache, which belongs to "
            + "the cache alone (default: charagen/characters in the user's cache folder).")
    Path cache;

    @Option(names = "--window", defaultValue = "1280x800", paramLabel = "WxH", description = "Window size (default ${DEFAULT-VALUE}).")
    String window;

    @Override
    public Integer call() throws Exception {
        Matcher size = WINDOW.matcher(window.trim());
        if (!size.matches()) {
            throw new IllegalArgumentException("--window '" + window + "': expected WIDTHxHEIGHT, such as 1280x800");
        }
        if (device == DeviceOption.gpu) {
            device.toDevice(); // says now, not in the window, when no GPU is visible
        }
        Path portrait = models.portraitPath();
        Path encoderCard = encoder.card(portrait).orElse(null); // read, and checked against the model, as it loads
        int projectionSteps = steps != null ? steps : encoderCard != null ? 0 : ProjectionOptions.DEFAULT_STEPS;
        EditorSettings settings = new EditorSettings(models.spritePath(), portrait, encoderCard, models.presetsPath(),
                device.name(), projectionSteps, cache != null ? cache : defaultCache(), Integer.parseInt(size.group(1)),
                Integer.parseInt(size.group(2)));
        EditorWindow.open(new EditorApp(settings));
        return 0;
    }

    /** $XDG_CACHE_HOME/charagen/characters, or ~/.cache/charagen/characters. */
    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("charagen").resolve("characters");
    }
}
