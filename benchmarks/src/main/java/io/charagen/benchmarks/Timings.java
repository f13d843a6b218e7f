package io.charagen.benchmarks;

import java.util.Arrays;

/**
 * Wall-clock times of repeated runs in milliseconds (median and minimum), how far the process's
 * peak RSS rose during the first run (KiB), the process CPU time the timed runs used (ms), and
 * optionally each run split into named stages (ms).
 */
record Timings(double[] millis, long peakGrowthKib, double cpuMillis, String[] stageNames, double[][] stages) {

    Timings(double[] millis, long peakGrowthKib, double cpuMillis) {
        this(millis, peakGrowthKib, cpuMillis, new String[0], new double[0][]);
    }

    /** "name median, ..." over the runs, one entry per stage. */
    String stageMedians() {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < stageNames.length; k++) {
            double[] column = new double[stages.length];
            for (int i = 0; i < stages.length; i++) {
                column[i] = stages[i][k];
            }
            out.append(k == 0 ? "" : ", ").append(String.format("%s %.1f", stageNames[k], median(column)));
        }
        return out.toString();
    }

    /** CPU time over wall time: near the core count when nothing else competed for the cores. */
    double coresBusy() {
        return cpuMillis / Arrays.stream(millis).sum();
    }

    double median() {
        return median(millis);
    }

    private static double median(double[] values) {
        double[] s = values.clone();
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
