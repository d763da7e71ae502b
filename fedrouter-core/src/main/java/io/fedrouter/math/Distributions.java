package io.fedrouter.math;

import java.util.SplittableRandom;

/**
 * Random draws the simulation needs, from a caller's {@link SplittableRandom}: normal, gamma (Marsaglia and
 * Tsang, "A Simple Method for Generating Gamma Variables", 2000) and Dirichlet. Gamma draws are made in log space
 * so that Dirichlet(α) with tiny α (0.03, the extreme-heterogeneity setting) neither underflows nor yields NaN.
 */
public final class Distributions {

    private Distributions() {
    }

    /** Standard normal draw (Box–Muller; the spare value is dropped to keep the stream position simple). */
    public static double normal(SplittableRandom rng) {
        double u1 = 1.0 - rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** log of a Gamma(shape, 1) draw. */
    public static double logGamma(double shape, SplittableRandom rng) {
        if (!(shape > 0) || Double.isInfinite(shape)) {
            throw new IllegalArgumentException("gamma shape must be finite and > 0: " + shape);
        }
        if (shape < 1) {
            // Gamma(a) = Gamma(a+1) · U^(1/a); kept in logs because U^(1/a) underflows for small a.
            double u = 1.0 - rng.nextDouble();
            return logGamma(shape + 1, rng) + Math.log(u) / shape;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal(rng);
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }

    /** A draw from Dirichlet(alpha · 1_k): k non-negative proportions summing to 1. */
    public static double[] dirichlet(double alpha, int k, SplittableRandom rng) {
        if (k < 1) {
            throw new IllegalArgumentException("Dirichlet needs k >= 1: " + k);
        }
        double[] logs = new double[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            logs[i] = logGamma(alpha, rng);
            max = Math.max(max, logs[i]);
        }
        double sum = 0;
        double[] p = new double[k];
        for (int i = 0; i < k; i++) {
            p[i] = Math.exp(logs[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** An index drawn with probability proportional to {@code weights} (non-negative, not all zero). */
    public static int categorical(double[] weights, SplittableRandom rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("categorical weights sum to " + total);
        }
        double u = rng.nextDouble() * total;
        double acc = 0;
        int last = -1;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] > 0) {
                acc += weights[i];
                last = i;
                if (u < acc) {
                    return i;
                }
            }
        }
        return last;
    }

    /** Fisher–Yates shuffle of {@code a} in place. */
    public static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
