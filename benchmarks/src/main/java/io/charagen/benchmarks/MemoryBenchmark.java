package io.charagen.benchmarks;

import ai.djl.Device;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.sample.SampleBatch;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;

import java.util.List;
import java.util.Map;

/**
 * Whether generating many images leaks: runs seeds 0, 1, 2, ... one image at a time through
 * {@link Sampler} and prints the process RSS (native tensors included) and the Java heap in use
 * every {@code every} images, then the RSS growth from image {@code from} (allocators have settled
 * by then) to the end, and a verdict: steady when that growth is under {@code tolerance} percent.
 *
 * <p>Settings (key=value): model, images, every, from, tolerance.
 */
public final class MemoryBenchmark {

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options o = new Options(args, Map.of(
                "model", "sg3t-64",
                "images", "500",
                "every", "50",
                "from", "100",
                "tolerance", "5"));
        int images = o.getInt("images");
        int every = o.getInt("every");
        int from = o.getInt("from");
        System.out.println("== MemoryBenchmark: " + images + " images one at a time through Sampler");
        MachineInfo.print();
        System.out.println("settings: " + o);
        BenchmarkModel model = BenchmarkModel.named(o.getList("model").get(0));
        System.out.println("model " + model.name() + ": " + model.description());
        long rssAtFrom = -1;
        long rssAtEnd = -1;
        try (Generator g = Generator.create(model.randomWeights(1), Device.cpu())) {
            Sampler sampler = new Sampler(g);
            SampleOptions options = new SampleOptions(1.0, null, null, 1);
            report(0, 0, 0);
            long start = System.nanoTime();
            long lastReport = start;
            int lastIndex = 0;
            for (int i = 1; i <= images; i++) {
                SampleBatch batch = sampler.sampleBatch(List.of((long) i - 1), options);
                if (batch.images().length == 0) {
                    throw new IllegalStateException("no image for seed " + (i - 1));
                }
                if (i % every == 0 || i == images || i == from) {
                    long now = System.nanoTime();
                    long rss = report(i, (now - start) / 1e9, (now - lastReport) / 1e6 / (i - lastIndex));
                    lastReport = now;
                    lastIndex = i;
                    if (i == from) {
                        rssAtFrom = rss;
                    }
                    if (i == images) {
                        rssAtEnd = rss;
                    }
                }
            }
        }
        verdict(from, images, rssAtFrom, rssAtEnd, o.getDouble("tolerance"));
    }

    /** One line of figures; returns the RSS in KiB. The heap is measured after a collection. */
    private static long report(int done, double seconds, double msPerImage) {
        System.gc();
        long rss = ProcessMemory.rssKib();
        System.out.printf("images %4d  RSS %6.1f MiB  heap used %6.1f MiB  elapsed %7.1f s  %s%n", done,
                rss / 1024.0, ProcessMemory.heapUsedBytes() / 1048576.0, seconds,
                done == 0 ? "(generator built)" : String.format("%.1f ms/image since the last line", msPerImage));
        return rss;
    }

    private static void verdict(int from, int images, long rssAtFrom, long rssAtEnd, double tolerance) {
        if (rssAtFrom < 0 || rssAtEnd < 0) {
            System.out.println("no verdict: need more than " + from + " images and a readable /proc/self/status");
            return;
        }
        double growth = 100.0 * (rssAtEnd - rssAtFrom) / rssAtFrom;
        System.out.printf("RSS growth from image %d to image %d: %+.1f MiB (%+.2f%%)%n", from, images,
                (rssAtEnd - rssAtFrom) / 1024.0, growth);
        System.out.println(growth < tolerance
                ? String.format("verdict: steady (growth under %.0f%%)", tolerance)
                : String.format("verdict: GROWING (growth of %.0f%% or more): memory is not released per image",
                tolerance));
    }
}
