package io.charagen.benchmarks;

import java.util.Arrays;

/**
 * Frame times of one phase of a run, in milliseconds: the time inside {@code render()} (wall and
 * the render thread's CPU time) and the interval from one frame's start to the next, which adds
 * the buffer swap, input, posted runnables (texture uploads of delivered characters) and the wait
 * for the frame rate cap.
 */
final class FrameTimes {

    private double[] render = new double[1024];
    private double[] renderCpu = new double[1024];
    private double[] interval = new double[1024];
    private int frames;
    private int intervals;

    void add(double renderMillis, double renderCpuMillis, double intervalMillis) {
        if (frames == render.length) {
            render = Arrays.copyOf(render, frames * 2);
            renderCpu = Arrays.copyOf(renderCpu, frames * 2);
            interval = Arrays.copyOf(interval, frames * 2);
        }
        render[frames] = renderMillis;
        renderCpu[frames] = renderCpuMillis;
        if (intervalMillis >= 0) {
            interval[intervals++] = intervalMillis;
        }
        frames++;
    }

    int frames() {
        return frames;
    }

    /** "mean m, p50 a, p95 b, p99 c, max d" of the time inside render(). */
    String render() {
        return stats(Arrays.copyOf(render, frames));
    }

    String interval() {
        return stats(Arrays.copyOf(interval, intervals));
    }

    double meanRenderCpu() {
        return Arrays.stream(renderCpu, 0, frames).average().orElse(Double.NaN);
    }

    /** Intervals longer than {@code millis}: frames a player sees as a hitch. */
    long intervalsOver(double millis) {
        return Arrays.stream(interval, 0, intervals).filter(v -> v > millis).count();
    }

    /** Frames per second over the phase, from the intervals. */
    double fps() {
        double sum = Arrays.stream(interval, 0, intervals).sum();
        return sum > 0 ? intervals * 1000.0 / sum : Double.NaN;
    }

    private static String stats(double[] values) {
        if (values.length == 0) {
            return "no frames";
        }
        double[] s = values.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        return String.format("mean %.2f, p50 %.2f, p95 %.2f, p99 %.2f, max %.2f ms", mean, percentile(s, 50),
                percentile(s, 95), percentile(s, 99), s[s.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
