package io.charagen.benchmarks;

import ai.djl.engine.Engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The lines that say what a set of figures was measured on. */
final class MachineInfo {

    private MachineInfo() {
    }

    static void print() {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("machine: %d cores (availableProcessors), %s %s, CPU: %s%n", rt.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), cpuModel());
        System.out.printf("java: %s (%s), max heap %d MiB%n", System.getProperty("java.version"),
                System.getProperty("java.vm.name"), rt.maxMemory() >> 20);
        Engine engine = Engine.getInstance(); // loads the native library
        System.out.printf("DJL %s, engine %s %s, device %s%n", Engine.getDjlVersion(), engine.getEngineName(),
                engine.getVersion(), engine.defaultDevice());
        System.out.println("load average (1/5/15 min): " + loadAverage());
    }

    /**
     * The 1, 5 and 15 minute load averages: other work on the machine slows every figure, so
     * they are printed beside them.
     */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The first "model name" of /proc/cpuinfo, or "unknown" off Linux. */
    static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return "unknown";
    }
}
