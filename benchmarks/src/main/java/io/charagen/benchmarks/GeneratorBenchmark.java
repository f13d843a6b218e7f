package io.charagen.benchmarks;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.charagen.generator.checkpoint.NetworkRecord;
import io.charagen.generator.nn.Generator;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Latency of one forward pass, z to image (mapping and synthesis, plus copying the image out of
 * native memory), on the CPU, for each batch size. Each model gets warm-up runs, then timed runs
 * whose median and minimum are printed; a model whose first run is slow gets fewer runs. The rise
 * of the process's peak RSS during the first run is printed too, and a batch whose projected need
 * (that rise per image in a smaller batch, times the batch size) would not fit in the machine's
 * available memory is skipped rather than left to be killed.
 *
 * <p>Each timed run is also split into its stages (mapping, synthesis network, palette decode for a
 * palette-output model, copying the image out), whose medians are printed beside the total.
 *
 * <p>Settings (key=value): models, batches, warmup, runs, slowRuns, slowSeconds, memoryFraction.
 */
public final class GeneratorBenchmark {

    private GeneratorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of(
                "models", "sg3t-64,sg3r-64,sg2-64,sg3t-256,sg3r-256,sg2-256",
                "batches", "1,8",
                "warmup", "2",
                "runs", "5",
                "slowRuns", "3",
                "slowSeconds", "15",
                "memoryFraction", "0.9"));
        System.out.println("== GeneratorBenchmark: z -> image latency on CPU, random weights");
        MachineInfo.print();
        System.out.println("settings: " + o);
        System.out.println("(RSS rises are lower bounds of what a pass needs: native memory that earlier passes"
                + " freed stays with the allocator and is reused)");
        List<String> summary = new ArrayList<>();
        for (String name : o.getList("models")) {
            summary.add(benchmark(BenchmarkModel.named(name), o));
        }
        System.out.println();
        System.out.println("summary, ms per image (median / min) for each batch size:");
        summary.forEach(System.out::println);
    }

    /** Prints one model's figures; returns its summary line. */
    private static String benchmark(BenchmarkModel model, Options o) throws Exception {
        System.out.println();
        System.out.println(model.name() + ": " + model.description() + " [load average "
                + MachineInfo.loadAverage() + "]");
        long t0 = System.nanoTime();
        NetworkRecord record = model.randomWeights(1);
        long t1 = System.nanoTime();
        long params = BenchmarkModel.parameterCount(record);
        StringBuilder row = new StringBuilder(String.format("%-9s %6.2f M params", model.name(), params / 1e6));
        try (Generator g = Generator.create(record, model.paletteRecord(1), Device.cpu())) {
            long t2 = System.nanoTime();
            System.out.printf("  %.2f M parameters (%.2f M values with buffers), num_ws %d, %dx%d;"
                            + " random weights %.1f s, Generator.create %.1f s%n",
                    params / 1e6, BenchmarkModel.stateDictSize(record) / 1e6, g.numWs(), g.resolution(),
                    g.resolution(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
            long peakPerImageKib = -1;
            for (String b : o.getList("batches")) {
                int batch = Integer.parseInt(b);
                long neededKib = peakPerImageKib * batch;
                long budgetKib = (long) (ProcessMemory.availableKib() * o.getDouble("memoryFraction"));
                if (peakPerImageKib > 0 && neededKib > budgetKib) {
                    System.out.printf("  batch %d: skipped: a pass raised the RSS by %d MiB per image, so this batch"
                            + " would need at least %.1f GiB, more than the %.1f GiB allowed (memoryFraction of"
                            + " available)%n", batch, peakPerImageKib >> 10, neededKib / 1048576.0,
                            budgetKib / 1048576.0);
                    row.append(String.format(" | b%d skipped (needs >= %.0f GiB)", batch, neededKib / 1048576.0));
                    continue;
                }
                Timings t = measure(g, batch, o);
                peakPerImageKib = Math.max(peakPerImageKib, t.peakGrowthKib() / batch);
                System.out.printf("  batch %d: %d runs: median %.1f ms/batch = %.1f ms/image, min %.1f ms/batch"
                                + " = %.1f ms/image; %.2f cores busy on average%n", batch, t.runs(), t.median(),
                        t.median() / batch, t.min(), t.min() / batch, t.coresBusy());
                System.out.println("    stages, median ms/batch: " + t.stageMedians());
                row.append(String.format(" | b%d %8.1f / %8.1f", batch, t.median() / batch, t.min() / batch));
            }
        }
        System.out.printf("  process RSS after closing the generator: %d MiB%n", ProcessMemory.rssKib() >> 10);
        return row.toString();
    }

    /** Warm-up runs, then timed runs; fewer of both when the first run is slow. */
    private static Timings measure(Generator g, int batch, Options o) {
        Random random = new Random(batch);
        ProcessMemory.resetPeak();
        long before = ProcessMemory.rssKib();
        double first = runOnce(g, batch, random);
        long peak = ProcessMemory.peakRssKib();
        long peakGrowth = peak - before;
        boolean slow = first > o.getDouble("slowSeconds") * 1000;
        int warmup = slow ? 1 : o.getInt("warmup");
        int runs = slow ? Math.min(o.getInt("runs"), o.getInt("slowRuns")) : o.getInt("runs");
        System.out.printf("  batch %d: first run %.1f ms; RSS peaked at %d MiB during it, +%d MiB over the RSS"
                        + " before it%s%n", batch, first, peak >> 10, peakGrowth >> 10,
                slow ? " (slow: " + warmup + " warm-up, " + runs + " timed runs)" : "");
        for (int i = 1; i < warmup; i++) {
            runOnce(g, batch, random);
        }
        double[] millis = new double[runs];
        double[][] stages = new double[runs][];
        long cpuStart = processCpuNanos();
        for (int i = 0; i < runs; i++) {
            stages[i] = new double[STAGES.length];
            millis[i] = runOnce(g, batch, random, stages[i]);
        }
        double cpuMillis = (processCpuNanos() - cpuStart) / 1e6;
        return new Timings(millis, peakGrowth, cpuMillis, STAGES, stages);
    }

    /** CPU time of every thread of the process, native ones included. */
    private static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static final String[] STAGES = {"mapping", "synthesis", "palette", "copy out"};

    private static double runOnce(Generator g, int batch, Random random) {
        return runOnce(g, batch, random, new double[STAGES.length]);
    }

    /**
     * One forward pass, as Generator.synthesize runs it, with each stage's milliseconds written to
     * {@code stages}; everything it allocates natively is freed before it returns.
     */
    private static double runOnce(Generator g, int batch, Random random, double[] stages) {
        float[] z = new float[batch * g.zDim()];
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) random.nextGaussian();
        }
        long start = System.nanoTime();
        try (NDManager scope = NDManager.newBaseManager(g.device())) {
            NDArray zs = scope.create(z, new Shape(batch, g.zDim()));
            NDArray ws = g.map(zs, null, 1.0, null);
            long mapped = System.nanoTime();
            NDArray images = g.synthesis().forward(ws, null);
            long drawn = System.nanoTime();
            if (g.hasPaletteOutput()) {
                images = g.paletteOutput().forward(ws, images);
            }
            long decoded = System.nanoTime();
            images.toFloatArray();
            long copied = System.nanoTime();
            stages[0] = (mapped - start) / 1e6;
            stages[1] = (drawn - mapped) / 1e6;
            stages[2] = (decoded - drawn) / 1e6;
            stages[3] = (copied - decoded) / 1e6;
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
