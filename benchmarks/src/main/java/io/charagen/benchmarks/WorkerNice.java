package io.charagen.benchmarks;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Lowers the scheduling priority (raises the nice value) of the generator's threads, PyTorch's
 * OpenMP threads included (they carry the name of the worker that started them), so that the
 * render thread and the GL threads win a core whenever they want one. An experiment for
 * DemoBenchmark: the demo itself does not do this. Linux only.
 */
final class WorkerNice {

    /** setpriority(2): on Linux, PRIO_PROCESS with a thread id sets that one thread's nice value. */
    private interface C extends Library {
        int setpriority(int which, int who, int prio);
    }

    private static final int PRIO_PROCESS = 0;

    private final int nice;
    private final Set<Integer> done = new HashSet<>();
    private C c;

    WorkerNice(int nice) {
        this.nice = nice;
    }

    /** Renices generator threads not seen before; cheap enough to call every second. */
    void apply() {
        if (nice == 0) {
            return;
        }
        if (c == null) {
            c = Native.load("c", C.class);
        }
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                int tid = Integer.parseInt(task.getFileName().toString());
                if (done.contains(tid)) {
                    continue;
                }
                try {
                    if (Files.readString(task.resolve("comm")).trim().startsWith("charagen-worke")) {
                        if (c.setpriority(PRIO_PROCESS, tid, nice) != 0) {
                            System.out.println("(could not renice thread " + tid + ")");
                        }
                        done.add(tid);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            System.out.println("(cannot list threads: " + e.getMessage() + ")");
        }
    }

    int threads() {
        return done.size();
    }
}
