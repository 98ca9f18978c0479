package io.isolab.bench.report;

import java.util.Arrays;
import java.util.List;

/** Summary of one series of samples (seconds, milliseconds, bytes: the caller knows the unit). */
public record Stats(int n, double p50, double p95, double mean, double min, double max) {

    public static Stats of(List<Double> samples) {
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        double[] s = samples.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new Stats(s.length, percentile(s, 50), percentile(s, 95), Arrays.stream(s).average().orElse(0),
                s[0], s[s.length - 1]);
    }

    /** Nearest-rank percentile: with few runs (8) p95 is the slowest run, which is the honest answer. */
    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
