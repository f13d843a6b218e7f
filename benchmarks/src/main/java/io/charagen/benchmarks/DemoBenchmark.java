package io.charagen.benchmarks;

import io.charagen.desktop.demo.DemoLauncher;
import io.charagen.desktop.demo.DemoSettings;
import io.charagen.generator.encoder.EncoderChoice;
import io.charagen.generator.encoder.PortraitEncoders;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The demo scene on the CPU: how many villagers a second the CharacterGenerator delivers (from
 * the first request to the last delivery), and the demo's frame times while they are being made
 * against the frame times once all are there. Runs the real demo window (LWJGL 3; under xvfb-run
 * where there is no display, see benchmarks/demo-benchmark) with a disk cache in a fresh temporary
 * folder, so every villager is made afresh and filed as in a real run.
 *
 * <p>Settings (key=value): sprite, portrait, presets, encoder (a head encoder card; "none" for
 * projection from w_avg; default: the one beside the portrait model, if any), npcs, steps, seed, idleSeconds, maxMinutes,
 * window (WxH), torchThreads and interopThreads (PyTorch's intra- and inter-op threads; 0 keeps
 * PyTorch's default, one per core), niceWorkers (a nice value for the generator's threads, PyTorch's
 * included, as an experiment; 0 leaves them alone).
 */
public final class DemoBenchmark {

    private DemoBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.ofEntries(
                Map.entry("sprite", "assets/models/sprite-lpc.json"),
                Map.entry("portrait", "assets/models/portrait-dicebear.json"),
                Map.entry("presets", "presets"),
                Map.entry("encoder", ""),
                Map.entry("npcs", "20"),
                Map.entry("steps", "0"),
                Map.entry("seed", "1"),
                Map.entry("idleSeconds", "20"),
                Map.entry("maxMinutes", "60"),
                Map.entry("window", "960x720"),
                Map.entry("torchThreads", "0"),
                Map.entry("interopThreads", "0"),
                Map.entry("niceWorkers", "0")));
        // Read by DJL when the engine starts (MachineInfo starts it), so set first.
        if (o.getInt("torchThreads") > 0) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(o.getInt("torchThreads")));
        }
        if (o.getInt("interopThreads") > 0) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(o.getInt("interopThreads")));
        }
        System.out.println("== DemoBenchmark: villagers per second and the demo's frame times on CPU");
        MachineInfo.print();
        System.out.println("settings: " + o);
        System.out.println("display: " + System.getenv("DISPLAY") + ", frame cap " + DemoLauncher.FPS + " fps");

        String[] size = o.getList("window").get(0).split("x");
        Path cache = Files.createTempDirectory("charagen-demo-bench");
        Path portrait = Path.of(o.getList("portrait").get(0));
        Path encoder = encoder(o.getList("encoder"), portrait);
        System.out.println("head encoder: " + (encoder == null ? "none (each head projected from w_avg)" : encoder));
        DemoSettings settings = new DemoSettings(Path.of(o.getList("sprite").get(0)), portrait, encoder,
                Path.of(o.getList("presets").get(0)), "cpu", o.getInt("npcs"), o.getInt("seed"), o.getInt("steps"),
                cache, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
        WorkerNice nice = new WorkerNice(o.getInt("niceWorkers"));
        TimedDemo run = new TimedDemo(settings, o.getDouble("idleSeconds"), o.getDouble("maxMinutes") * 60, nice);
        try {
            DemoLauncher.open(run, settings);
        } finally {
            deleteTree(cache);
        }
        report(run, o);
        if (nice.threads() > 0) {
            System.out.println("generator threads reniced to " + o.getInt("niceWorkers") + ": " + nice.threads());
        }
        System.exit(run.failure() != null || run.timedOut || run.failed > 0 ? 1 : 0);
    }

    /** The encoder card given, none, or by default the one beside the portrait model (null where there is none). */
    private static Path encoder(List<String> given, Path portrait) {
        if (given.isEmpty()) {
            Path beside = PortraitEncoders.besideModel(portrait);
            return Files.isRegularFile(beside) ? beside : null;
        }
        EncoderChoice choice = EncoderChoice.parse(given.get(0));
        return choice.file();
    }

    private static void report(TimedDemo run, Options o) {
        System.out.println();
        System.out.println("GL renderer: " + run.glRenderer);
        if (run.failure() != null) {
            System.out.println("the demo failed: " + run.failure());
            return;
        }
        if (run.timedOut) {
            System.out.printf("timed out after %s minutes with %d of %d villagers delivered%n", o.getInt("maxMinutes"),
                    run.delivered, run.total);
        }
        if (run.delivered > 0 && run.lastDelivery > 0) {
            double seconds = (run.lastDelivery - run.firstRequest) / 1e9;
            System.out.printf("villagers: %d delivered (%d failed) in %.1f s from the first request: %.3f NPCs/s, "
                    + "%.2f s per NPC%n", run.delivered, run.failed, seconds, run.delivered / seconds, seconds / run.delivered);
            System.out.printf("  first villager after %.1f s (builds the networks and the w statistics)%n",
                    (run.firstDelivery - run.firstRequest) / 1e9);
            if (run.delivered > 1) {
                double rest = (run.lastDelivery - run.firstDelivery) / 1e9;
                System.out.printf("  the other %d: %.2f s per NPC once warm (%.3f NPCs/s)%n", run.delivered - 1,
                        rest / (run.delivered - 1), (run.delivered - 1) / rest);
            }
            long cpu = run.processCpuAtLastDelivery - run.processCpuAtRequest;
            if (cpu > 0) {
                System.out.printf("  process CPU while generating: %.2f cores busy on average%n", cpu / 1e9 / seconds);
            }
        }
        System.out.println();
        System.out.println("frame times (ms)      frames  " + "inside render()");
        line("while generating", run.generating);
        line("idle (all here)", run.idle);
        System.out.println();
        System.out.println("frame interval (ms)   frames  start to start (swap, uploads, frame cap included)");
        interval("while generating", run.generating);
        interval("idle (all here)", run.idle);
        System.out.printf("%nrender thread CPU per frame inside render(): %.2f ms generating, %.2f ms idle (wall time "
                + "inside render() well above it means the thread waited for a core)%n", run.generating.meanRenderCpu(),
                run.idle.meanRenderCpu());
        System.out.printf("render thread's share of a core, frame cap and buffer swaps included: %.2f generating, %.2f idle%n",
                run.generating.renderThreadCores(), run.idle.renderThreadCores());
        if (run.threadsAtLastDelivery != null) {
            System.out.println("cores busy by thread, while generating: " + ThreadCpu.cores(run.threadsAtRequest,
                    run.threadsAtLastDelivery, (run.lastDelivery - run.firstRequest) / 1e9));
        }
        if (run.threadsAtEnd != null) {
            System.out.println("cores busy by thread, idle: " + ThreadCpu.cores(run.threadsAtLastDelivery, run.threadsAtEnd,
                    (run.end - run.lastDelivery) / 1e9));
        }
        System.out.println("load average (1/5/15 min) at the end: " + MachineInfo.loadAverage());
    }

    private static void line(String label, FrameTimes t) {
        System.out.printf("  %-18s %6d  %s%n", label, t.frames(), t.render());
    }

    private static void interval(String label, FrameTimes t) {
        System.out.printf("  %-18s %6d  %s; %.1f fps, %d over 33 ms, %d over 50 ms%n", label, t.frames(), t.interval(),
                t.fps(), t.intervalsOver(33.4), t.intervalsOver(50));
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (Exception e) {
            System.out.println("(could not delete the temporary cache " + root + ": " + e.getMessage() + ")");
        }
    }
}
