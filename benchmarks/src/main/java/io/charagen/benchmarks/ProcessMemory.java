package io.charagen.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's resident memory, which counts the native tensors the Java heap figures cannot
 * see, and the machine's available memory. Linux only (/proc/self/status, /proc/meminfo); -1 elsewhere.
 */
final class ProcessMemory {

    private ProcessMemory() {
    }

    /** Resident set size now, in KiB. */
    static long rssKib() {
        return statusField("VmRSS:");
    }

    /** Peak resident set size so far, in KiB. */
    static long peakRssKib() {
        return statusField("VmHWM:");
    }

    /**
     * Restarts the peak (VmHWM) from the current RSS, so the next peak belongs to what runs next.
     * Returns false where the kernel does not allow it.
     */
    static boolean resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Memory the machine can still give without swapping (MemAvailable), in KiB. */
    static long availableKib() {
        return field(Path.of("/proc/meminfo"), "MemAvailable:");
    }

    /** Java heap in use, in bytes (no collection forced). */
    static long heapUsedBytes() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static long statusField(String field) {
        return field(Path.of("/proc/self/status"), field);
    }

    private static long field(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
