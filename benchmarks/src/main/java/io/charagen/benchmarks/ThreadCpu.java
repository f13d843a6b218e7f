package io.charagen.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by kind, native threads included (Mesa's llvmpipe
 * rasterisers, PyTorch's OpenMP threads, which take the name of the worker that started them),
 * read from /proc/self/task. Linux only; elsewhere it reads nothing.
 */
final class ThreadCpu {

    /** Linux reports thread times in clock ticks of 1/100 s (USER_HZ on x86 and arm). */
    private static final double TICKS_PER_SECOND = 100;

    private ThreadCpu() {
    }

    /** Seconds of CPU per kind of thread: render (the main thread), llvmpipe, charagen-worker, other. */
    static Map<String, Double> snapshot() {
        Map<String, Double> seconds = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim();
                    String stat = Files.readString(task.resolve("stat"));
                    // fields after the ")" that closes the name: state is field 3, utime 14, stime 15
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double s = (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
                    seconds.merge(kind(name), s, Double::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException e) {
            return seconds;
        }
        return seconds;
    }

    private static String kind(String name) {
        if (name.equals("java") || name.equals("main")) {
            return "render (main)";
        }
        if (name.startsWith("llvmpipe")) {
            return "llvmpipe (software GL)";
        }
        if (name.startsWith("charagen-worke")) {
            return "generator (PyTorch)";
        }
        return "other (JIT, GC, ...)";
    }

    /** "kind 0.95, kind 0.40, ..." cores busy between two snapshots {@code seconds} apart. */
    static String cores(Map<String, Double> before, Map<String, Double> after, double seconds) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> e : after.entrySet()) {
            double used = e.getValue() - before.getOrDefault(e.getKey(), 0.0);
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(String.format("%s %.2f", e.getKey(), used / seconds));
        }
        return out.toString();
    }
}
