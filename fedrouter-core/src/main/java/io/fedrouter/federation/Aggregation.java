package io.fedrouter.federation;

import java.util.Arrays;
import java.util.List;

/**
 * Aggregation as pure functions over same-shaped vectors: the example-weighted mean of FedAvg (McMahan et al.,
 * "Communication-Efficient Learning of Deep Networks from Decentralized Data", 2017) and the robust coordinate
 * median and trimmed mean (Yin et al., "Byzantine-Robust Distributed Learning", 2018).
 */
public final class Aggregation {

    private Aggregation() {
    }

    /** Σ w_i v_i / Σ w_i. */
    public static double[] weightedMean(List<double[]> vectors, double[] weights) {
        requireSameShape(vectors);
        if (weights.length != vectors.size()) {
            throw new IllegalArgumentException("weights and vectors differ in count: " + weights.length + " != " + vectors.size());
        }
        double total = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0: " + Arrays.toString(weights));
            }
            total += w;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("weights sum to 0");
        }
        double[] out = new double[vectors.get(0).length];
        for (int k = 0; k < vectors.size(); k++) {
            double[] v = vectors.get(k);
            double w = weights[k] / total;
            for (int j = 0; j < out.length; j++) {
                out[j] += w * v[j];
            }
        }
        return out;
    }

    /** Per-coordinate median. */
    public static double[] coordinateMedian(List<double[]> vectors) {
        return trimmed(vectors, -1);
    }

    /** Per-coordinate mean after dropping the {@code beta} fraction of largest and of smallest values. */
    public static double[] trimmedMean(List<double[]> vectors, double beta) {
        if (!(beta >= 0 && beta < 0.5)) {
            throw new IllegalArgumentException("trim fraction must be in [0, 0.5): " + beta);
        }
        return trimmed(vectors, beta);
    }

    private static double[] trimmed(List<double[]> vectors, double beta) {
        requireSameShape(vectors);
        int n = vectors.size();
        int d = vectors.get(0).length;
        double[] out = new double[d];
        double[] col = new double[n];
        int cut = beta < 0 ? 0 : (int) Math.floor(beta * n);
        for (int j = 0; j < d; j++) {
            for (int k = 0; k < n; k++) {
                col[k] = vectors.get(k)[j];
            }
            Arrays.sort(col);
            if (beta < 0) {
                out[j] = n % 2 == 1 ? col[n / 2] : 0.5 * (col[n / 2 - 1] + col[n / 2]);
            } else {
                double s = 0;
                for (int k = cut; k < n - cut; k++) {
                    s += col[k];
                }
                out[j] = s / (n - 2 * cut);
            }
        }
        return out;
    }

    private static void requireSameShape(List<double[]> vectors) {
        if (vectors.isEmpty()) {
            throw new IllegalArgumentException("nothing to aggregate");
        }
        int d = vectors.get(0).length;
        for (int k = 1; k < vectors.size(); k++) {
            if (vectors.get(k).length != d) {
                throw new IllegalArgumentException("update " + k + " has length " + vectors.get(k).length + ", update 0 has " + d);
            }
        }
    }
}
