package io.fedrouter.router.mlp;

import java.util.Arrays;

/**
 * Per-model normalization of the cost target of SPEC §5.1: {@code z = (log1p(cost) − mean_m) / std_m}, clamped to
 * [−3, 3] for training; predictions map back with {@code expm1(z·std_m + mean_m)}, floored at 0 USD. Statistics
 * are population mean and standard deviation of log1p(cost) over observed cells; they can be merged from sums and
 * counts, which is how a federation computes them without pooling data.
 *
 * @param mean per-model mean of log1p(cost)
 * @param std  per-model standard deviation of log1p(cost), &gt; 0
 */
public record CostNormalizer(double[] mean, double[] std) {

    /** The training target is clamped to ±this many standard deviations. */
    public static final double CLAMP = 3.0;

    /** Below this standard deviation a model's costs count as constant and std 1 is used (target 0). */
    static final double MIN_STD = 1e-12;

    public CostNormalizer {
        if (mean.length != std.length) {
            throw new IllegalArgumentException("mean and std lengths differ: " + mean.length + " != " + std.length);
        }
        for (int m = 0; m < std.length; m++) {
            if (!Double.isFinite(mean[m]) || !(std[m] > 0) || Double.isInfinite(std[m])) {
                throw new IllegalArgumentException("model " + m + ": mean " + mean[m] + " must be finite and std " + std[m] + " finite and > 0");
            }
        }
        mean = mean.clone();
        std = std.clone();
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }

    public int models() {
        return mean.length;
    }

    /**
     * Statistics from per-model sums of log1p(cost), sums of squares and counts; a model with no observation
     * gets mean 0 and std 1.
     */
    public static CostNormalizer fromSums(double[] sum, double[] sumSq, double[] count) {
        if (sum.length != sumSq.length || sum.length != count.length) {
            throw new IllegalArgumentException("sum, sumSq and count lengths differ: " + sum.length + ", " + sumSq.length + ", " + count.length);
        }
        double[] mean = new double[sum.length];
        double[] std = new double[sum.length];
        for (int m = 0; m < sum.length; m++) {
            if (!(count[m] >= 0)) {
                throw new IllegalArgumentException("count for model " + m + " must be >= 0: " + count[m]);
            }
            if (count[m] == 0) {
                std[m] = 1;
                continue;
            }
            mean[m] = sum[m] / count[m];
            double var = Math.max(0, sumSq[m] / count[m] - mean[m] * mean[m]);
            double s = Math.sqrt(var);
            std[m] = s > MIN_STD ? s : 1;
        }
        return new CostNormalizer(mean, std);
    }

    /** Sums of log1p(cost), of its square, and counts over the observed cost cells: [sum, sumSq, count][M]. */
    public static double[][] sums(double[][] cost, int models) {
        double[][] out = new double[3][models];
        for (double[] row : cost) {
            if (row.length != models) {
                throw new IllegalArgumentException("cost row has " + row.length + " models, expected " + models);
            }
            for (int m = 0; m < models; m++) {
                double c = row[m];
                if (!Double.isNaN(c)) {
                    double l = Math.log1p(c);
                    out[0][m] += l;
                    out[1][m] += l * l;
                    out[2][m] += 1;
                }
            }
        }
        return out;
    }

    /** Statistics of the observed cost cells of one cost matrix (n × M). */
    public static CostNormalizer fit(double[][] cost, int models) {
        double[][] s = sums(cost, models);
        return fromSums(s[0], s[1], s[2]);
    }

    /** The clamped training target for a cost in USD. */
    public double normalize(int model, double cost) {
        double z = (Math.log1p(cost) - mean[model]) / std[model];
        return Math.max(-CLAMP, Math.min(CLAMP, z));
    }

    /** A predicted normalized cost back in USD, never negative. */
    public double denormalize(int model, double z) {
        return Math.max(0, Math.expm1(z * std[model] + mean[model]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CostNormalizer c && Arrays.equals(mean, c.mean) && Arrays.equals(std, c.std);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    @Override
    public String toString() {
        return "CostNormalizer[mean=" + Arrays.toString(mean) + ", std=" + Arrays.toString(std) + "]";
    }
}
