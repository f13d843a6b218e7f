package io.charagen.benchmarks;

import ai.djl.Device;
import io.charagen.generator.nn.Generator;
import io.charagen.generator.sample.SampleBatch;
import io.charagen.generator.sample.SampleOptions;
import io.charagen.generator.sample.Sampler;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Whether generating many images leaks: runs seeds 0, 1, 2, ... one image at a time through
 * {@link Sampler} and prints the process RSS (native tensors included) and the Java heap in use
 * every {@code every} images, then the RSS growth from image {@code from} (allocators have mostly
 * settled by then) to the end, the growth over the second half, and a verdict: steady when the
 * peak RSS of the later half of the run (from image {@code from}) is within {@code tolerance}
 * percent of the peak of the earlier half.
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
        TreeMap<Integer, long[]> readings = new TreeMap<>(); // images done -> {RSS KiB, heap bytes}
        try (Generator g = Generator.create(model.randomWeights(1), Device.cpu())) {
            Sampler sampler = new Sampler(g);
            SampleOptions options = new SampleOptions(1.0, null, null, 1);
            readings.put(0, report(0, 0, 0));
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
                    readings.put(i, report(i, (now - start) / 1e9, (now - lastReport) / 1e6 / (i - lastIndex)));
                    lastReport = now;
                    lastIndex = i;
                }
            }
        }
        verdict(readings, from, images, o.getDouble("tolerance"));
    }

    /** One line of figures; returns {RSS KiB, heap bytes}. The heap is measured after a collection. */
    private static long[] report(int done, double seconds, double msPerImage) {
        System.gc();
        long rss = ProcessMemory.rssKib();
        long heap = ProcessMemory.heapUsedBytes();
        System.out.printf("images %4d  RSS %6.1f MiB  heap used %6.1f MiB  elapsed %7.1f s  %s%n", done,
                rss / 1024.0, heap / 1048576.0, seconds,
                done == 0 ? "(generator built)" : String.format("%.1f ms/image since the last line", msPerImage));
        return new long[] {rss, heap};
    }

    /**
     * The verdict on the growth from image {@code from} to the end; the growth over the second half
     * of the run beside it tells a one-off step (allocator arenas settling) from a steady climb.
     */
    private static void verdict(TreeMap<Integer, long[]> readings, int from, int images, double tolerance) {
        long[] atFrom = readings.get(from);
        long[] atEnd = readings.get(images);
        if (atFrom == null || atEnd == null || atFrom[0] <= 0) {
            System.out.println("no verdict: need more than " + from + " images and a readable /proc/self/status");
            return;
        }
        double growth = 100.0 * (atEnd[0] - atFrom[0]) / atFrom[0];
        System.out.printf("RSS growth from image %d to image %d: %+.1f MiB (%+.2f%%); heap %+.2f MiB%n", from, images,
                (atEnd[0] - atFrom[0]) / 1024.0, growth, (atEnd[1] - atFrom[1]) / 1048576.0);
        int half = readings.ceilingKey(images / 2);
        if (half < images) {
            long[] atHalf = readings.get(half);
            System.out.printf("second half, image %d to image %d: RSS %+.1f MiB (%+.2f%%), heap %+.2f MiB"
                            + " (%+.2f KiB per image)%n", half, images, (atEnd[0] - atHalf[0]) / 1024.0,
                    100.0 * (atEnd[0] - atHalf[0]) / atHalf[0], (atEnd[1] - atHalf[1]) / 1048576.0,
                    (atEnd[1] - atHalf[1]) / 1024.0 / (images - half));
        }
        // The allocator's cache makes RSS saw up and down by a few percent; a leak raises its peaks.
        // So the verdict compares the highest reading of the later half of the run with the highest
        // of the earlier half (both counted from image `from`).
        int middle = (from + images) / 2;
        long earlierPeak = readings.subMap(from, true, middle, true).values().stream().mapToLong(r -> r[0]).max()
                .orElse(atFrom[0]);
        long laterPeak = readings.subMap(middle, false, images, true).values().stream().mapToLong(r -> r[0]).max()
                .orElse(atEnd[0]);
        double peakGrowth = 100.0 * (laterPeak - earlierPeak) / earlierPeak;
        System.out.printf("peak RSS, images %d-%d: %.1f MiB; images %d-%d: %.1f MiB (%+.2f%%)%n", from, middle,
                earlierPeak / 1024.0, middle, images, laterPeak / 1024.0, peakGrowth);
        System.out.println(peakGrowth < tolerance
                ? String.format("verdict: steady (peak RSS growth under %.0f%%)", tolerance)
                : String.format("verdict: GROWING (peak RSS grew %.0f%% or more)", tolerance));
    }
}
