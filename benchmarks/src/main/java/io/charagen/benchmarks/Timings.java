package io.charagen.benchmarks;

import java.util.Arrays;

/**
 * Wall-clock times of repeated runs in milliseconds (median and minimum), how far the process's
 * peak RSS rose during the first run (KiB), and the process CPU time the timed runs used (ms).
 */
record Timings(double[] millis, long peakGrowthKib, double cpuMillis) {

    /** CPU time over wall time: near the core count when nothing else competed for the cores. */
    double coresBusy() {
        return cpuMillis / Arrays.stream(millis).sum();
    }

    double median() {
        double[] s = millis.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(millis).min().orElse(Double.NaN);
    }

    int runs() {
        return millis.length;
    }
}
