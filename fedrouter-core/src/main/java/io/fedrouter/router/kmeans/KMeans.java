package io.fedrouter.router.kmeans;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Weighted K-means: k-means++ seeding (Arthur and Vassilvitskii, "k-means++: The Advantages of Careful Seeding",
 * SODA 2007), sampling each new center with probability ∝ wᵢ·D²ᵢ, then Lloyd iterations (Lloyd, "Least squares
 * quantization in PCM", 1982) with weighted means; several restarts, the lowest weighted inertia wins. This is
 * the clustering of the K-means router of "Federate the Router" (Askin et al., arXiv 2601.22318), used both on
 * query embeddings and, size-weighted, on the centroids clients send.
 *
 * <p>Conventions, following scikit-learn's {@code KMeans} which the paper used:
 * <ul>
 *   <li>Lloyd stops after {@code maxIter} iterations or once the summed squared center shift is at most
 *       {@code tol} × the mean per-feature (weighted) variance of the data, so {@code tol} is scale-free.</li>
 *   <li>A final assignment against the final centers gives the reported labels and inertia.</li>
 *   <li>Fewer distinct points than k: seeding stops when every point of positive weight already coincides with a
 *       chosen center, so the result has as many centers as there are distinct points (inertia 0), never
 *       duplicate centers and never an error.</li>
 *   <li>A cluster that loses all its points during Lloyd is moved to the point farthest from its center (the
 *       inertia cannot increase by this).</li>
 * </ul>
 * Points are single precision, as embeddings are; centers, distances and sums are double precision. Every random
 * choice comes from the seed: restart r uses the r-th split of {@code new SplittableRandom(seed)}.
 * Immutable configuration; thread-safe.
 */
public final class KMeans {

    private final int k;
    private final int restarts;
    private final int maxIter;
    private final double tol;

    /**
     * @param k        number of clusters wanted (≥ 1)
     * @param restarts independent seedings to run (≥ 1)
     * @param maxIter  most Lloyd iterations per restart (≥ 1)
     * @param tol      relative tolerance on the center shift (≥ 0)
     */
    public KMeans(int k, int restarts, int maxIter, double tol) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1: " + k);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1: " + restarts);
        }
        if (maxIter < 1) {
            throw new IllegalArgumentException("max-iter must be >= 1: " + maxIter);
        }
        if (!(tol >= 0) || Double.isInfinite(tol)) {
            throw new IllegalArgumentException("tol must be finite and >= 0: " + tol);
        }
        this.k = k;
        this.restarts = restarts;
        this.maxIter = maxIter;
        this.tol = tol;
    }

    public int k() {
        return k;
    }

    public int restarts() {
        return restarts;
    }

    public int maxIter() {
        return maxIter;
    }

    public double tol() {
        return tol;
    }

    /** Unweighted fit. */
    public Result fit(float[][] x, long seed) {
        return fit(x, null, seed);
    }

    /**
     * Fits on {@code x} (n × d) with per-point weights ({@code null} = all 1; weights finite, ≥ 0, not all 0).
     */
    public Result fit(float[][] x, double[] weights, long seed) {
        int d = validate(x, weights);
        double tolAbs = tol * meanVariance(x, weights, d);
        SplittableRandom root = new SplittableRandom(seed);
        Result best = null;
        for (int r = 0; r < restarts; r++) {
            SplittableRandom rng = root.split();
            Centers init = seed(x, weights, d, rng);
            Result res = lloyd(x, weights, init, tolAbs);
            // strict < keeps the earliest restart on ties, so the choice is reproducible
            if (best == null || res.inertia < best.inertia) {
                best = res;
            }
        }
        return best;
    }

    /** Lloyd iterations from the given initial centers (no seeding, no restarts), e.g. to warm-start. */
    public Result fitFrom(float[][] x, double[] weights, Centers initial) {
        int d = validate(x, weights);
        if (initial.dim() != d) {
            throw new IllegalArgumentException("initial centers have dimension " + initial.dim() + ", points have " + d);
        }
        return lloyd(x, weights, initial, tol * meanVariance(x, weights, d));
    }

    /**
     * One Lloyd iteration from {@code centers}: assigns every point (labels written to {@code labels}) and returns
     * the weighted means, an emptied cluster moving to the farthest point. For callers that drive the iterations
     * themselves, and for benchmarks.
     *
     * @param weights per-point weights, or {@code null} for 1
     */
    public static Centers lloydStep(float[][] x, double[] weights, Centers centers, int[] labels) {
        if (labels.length != x.length) {
            throw new IllegalArgumentException("labels and points differ in count: " + labels.length + " != " + x.length);
        }
        if (weights != null && weights.length != x.length) {
            throw new IllegalArgumentException("weights and points differ in count: " + weights.length + " != " + x.length);
        }
        int kk = centers.k();
        int d = centers.dim();
        double[] dist2 = new double[x.length];
        centers.assign(x, weights, labels, dist2);
        return new Centers(update(x, weights, labels, dist2, centers, new double[kk * d], new double[kk]), kk, d);
    }

    private Result lloyd(float[][] x, double[] w, Centers init, double tolAbs) {
        int n = x.length;
        int kk = init.k();
        int d = init.dim();
        int[] labels = new int[n];
        double[] dist2 = new double[n];
        double[] sums = new double[kk * d];
        double[] mass = new double[kk];
        double[] history = new double[maxIter + 1];
        Centers c = init;
        int iter = 0;
        while (iter < maxIter) {
            history[iter] = c.assign(x, w, labels, dist2);
            double[] next = update(x, w, labels, dist2, c, sums, mass);
            double shift = 0;
            double[] old = c.flat();
            for (int t = 0; t < next.length; t++) {
                double diff = next[t] - old[t];
                shift += diff * diff;
            }
            c = new Centers(next, kk, d);
            iter++;
            if (shift <= tolAbs) {
                break;
            }
        }
        double inertia = c.assign(x, w, labels, dist2);
        history[iter] = inertia;
        return new Result(c, labels, inertia, iter, Arrays.copyOf(history, iter + 1));
    }

    /** Weighted means of the clusters; an empty cluster moves to the farthest point not yet used for that. */
    private static double[] update(float[][] x, double[] w, int[] labels, double[] dist2, Centers c, double[] sums, double[] mass) {
        int kk = c.k();
        int d = c.dim();
        Arrays.fill(sums, 0);
        Arrays.fill(mass, 0);
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            if (wi == 0) {
                continue;
            }
            int o = labels[i] * d;
            float[] xi = x[i];
            for (int t = 0; t < d; t++) {
                sums[o + t] += wi * xi[t];
            }
            mass[labels[i]] += wi;
        }
        double[] next = new double[kk * d];
        double[] old = c.flat();
        for (int j = 0; j < kk; j++) {
            int o = j * d;
            if (mass[j] > 0) {
                double inv = 1.0 / mass[j];
                for (int t = 0; t < d; t++) {
                    next[o + t] = sums[o + t] * inv;
                }
                continue;
            }
            int far = -1;
            for (int i = 0; i < x.length; i++) {
                if ((w == null || w[i] > 0) && dist2[i] > 0 && (far < 0 || dist2[i] > dist2[far])) {
                    far = i;
                }
            }
            if (far < 0) {
                System.arraycopy(old, o, next, o, d);
            } else {
                for (int t = 0; t < d; t++) {
                    next[o + t] = x[far][t];
                }
                dist2[far] = 0;
            }
        }
        return next;
    }

    /** Weighted k-means++; stops early when every positive-weight point sits on a chosen center. */
    private Centers seed(float[][] x, double[] w, int d, SplittableRandom rng) {
        int n = x.length;
        double[] chosen = new double[k * d];
        double[] minD2 = new double[n];
        double[] prob = new double[n];
        for (int i = 0; i < n; i++) {
            prob[i] = w == null ? 1 : w[i];
        }
        int first = sample(prob, rng);
        copyRow(x[first], chosen, 0, d);
        Arrays.fill(minD2, Double.POSITIVE_INFINITY);
        int count = 1;
        while (true) {
            // exact differences (not the norm expansion) so a duplicate of a chosen center gets exactly 0
            int o = (count - 1) * d;
            for (int i = 0; i < n; i++) {
                float[] xi = x[i];
                double s = 0;
                for (int t = 0; t < d; t++) {
                    double diff = xi[t] - chosen[o + t];
                    s += diff * diff;
                }
                if (s < minD2[i]) {
                    minD2[i] = s;
                }
                prob[i] = (w == null ? 1 : w[i]) * minD2[i];
            }
            if (count == k) {
                break;
            }
            int next = sample(prob, rng);
            if (next < 0) {
                break;
            }
            copyRow(x[next], chosen, count * d, d);
            count++;
        }
        return new Centers(count == k ? chosen : Arrays.copyOf(chosen, count * d), count, d);
    }

    /** Index drawn with probability ∝ p, or −1 when all p are 0. */
    private static int sample(double[] p, SplittableRandom rng) {
        double total = 0;
        for (double v : p) {
            total += v;
        }
        // draw even when total is 0, so the stream position does not depend on the data
        double r = rng.nextDouble() * total;
        if (total <= 0) {
            return -1;
        }
        double cum = 0;
        int last = -1;
        for (int i = 0; i < p.length; i++) {
            if (p[i] > 0) {
                cum += p[i];
                last = i;
                if (cum > r) {
                    return i;
                }
            }
        }
        return last;
    }

    private static void copyRow(float[] src, double[] dst, int off, int d) {
        for (int t = 0; t < d; t++) {
            dst[off + t] = src[t];
        }
    }

    private static double meanVariance(float[][] x, double[] w, int d) {
        double total = 0;
        double[] mean = new double[d];
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            total += wi;
            for (int t = 0; t < d; t++) {
                mean[t] += wi * x[i][t];
            }
        }
        for (int t = 0; t < d; t++) {
            mean[t] /= total;
        }
        double var = 0;
        for (int i = 0; i < x.length; i++) {
            double wi = w == null ? 1 : w[i];
            for (int t = 0; t < d; t++) {
                double diff = x[i][t] - mean[t];
                var += wi * diff * diff;
            }
        }
        return var / total / d;
    }

    private static int validate(float[][] x, double[] w) {
        if (x.length == 0) {
            throw new IllegalArgumentException("K-means needs at least one point");
        }
        int d = x[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("points have dimension 0");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has dimension " + x[i].length + ", point 0 has " + d);
            }
            for (int t = 0; t < d; t++) {
                if (!Float.isFinite(x[i][t])) {
                    throw new IllegalArgumentException("point " + i + " has a non-finite value " + x[i][t] + " at " + t);
                }
            }
        }
        if (w != null) {
            if (w.length != x.length) {
                throw new IllegalArgumentException("weights and points differ in count: " + w.length + " != " + x.length);
            }
            double total = 0;
            for (int i = 0; i < w.length; i++) {
                if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                    throw new IllegalArgumentException("weight " + i + " must be finite and >= 0: " + w[i]);
                }
                total += w[i];
            }
            if (total <= 0) {
                throw new IllegalArgumentException("weights sum to 0");
            }
        }
        return d;
    }

    /** A fitted clustering: centers, the label of every input point, and the weighted inertia. */
    public static final class Result {
        private final Centers centers;
        private final int[] labels;
        private final double inertia;
        private final int iterations;
        private final double[] history;

        Result(Centers centers, int[] labels, double inertia, int iterations, double[] history) {
            this.centers = centers;
            this.labels = labels;
            this.inertia = inertia;
            this.iterations = iterations;
            this.history = history;
        }

        public Centers centers() {
            return centers;
        }

        /** Nearest final center of every input point, a copy. */
        public int[] labels() {
            return labels.clone();
        }

        /** Σ wᵢ·||xᵢ − c(xᵢ)||² against the final centers. */
        public double inertia() {
            return inertia;
        }

        /** Lloyd iterations run. */
        public int iterations() {
            return iterations;
        }

        /** Inertia at each assignment step, the last against the final centers; non-increasing. */
        public double[] inertiaHistory() {
            return history.clone();
        }
    }
}
