package io.fedrouter.router.kmeans;

import io.fedrouter.federation.Tensor;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * K cluster centers in d dimensions and the nearest-center search over them. Distances are squared Euclidean,
 * computed as {@code ||x||² − 2x·c + ||c||²} with the center norms precomputed; since {@code ||x||²} is the same
 * for every center the search only compares {@code ||c||² − 2x·c}. Ties go to the lower center index. Immutable
 * and thread-safe.
 *
 * <p>Many-point assignment splits the points into fixed blocks and may run the blocks in parallel; every block
 * writes only its own outputs and partial sums are combined in block order, so results do not depend on the
 * number of threads.
 */
public final class Centers {

    /** Points per parallel block; fixed so that partial sums are grouped the same way on every machine. */
    static final int BLOCK = 256;
    /** Below this many multiply-adds (n·k·d) the assignment stays on the calling thread. */
    static final long PARALLEL_WORK = 1L << 21;

    private final double[] flat;
    private final double[] norms;
    private final int k;
    private final int d;

    /** Centers from rows, k × d, all finite, at least one. */
    public Centers(double[][] rows) {
        this(flatten(rows), rows.length, rows.length == 0 ? 0 : rows[0].length);
    }

    /** Takes ownership of {@code flat} (k × d, row-major). */
    Centers(double[] flat, int k, int d) {
        if (k < 1 || d < 1) {
            throw new IllegalArgumentException("centers need k >= 1 and d >= 1: k " + k + ", d " + d);
        }
        if (flat.length != (long) k * d) {
            throw new IllegalArgumentException("center array holds " + flat.length + " values, k × d = " + k + " × " + d);
        }
        for (int i = 0; i < flat.length; i++) {
            if (!Double.isFinite(flat[i])) {
                throw new IllegalArgumentException("center " + i / d + " has a non-finite value " + flat[i] + " at " + i % d);
            }
        }
        this.flat = flat;
        this.k = k;
        this.d = d;
        this.norms = new double[k];
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int t = j * d, end = t + d; t < end; t++) {
                s += flat[t] * flat[t];
            }
            norms[j] = s;
        }
    }

    /** Centers from a k × d tensor. */
    public static Centers of(Tensor t) {
        if (t.shape().length != 2) {
            throw new IllegalArgumentException("centers must be a k × d matrix, shape " + Arrays.toString(t.shape()));
        }
        return new Centers(t.data().clone(), t.shape()[0], t.shape()[1]);
    }

    public int k() {
        return k;
    }

    public int dim() {
        return d;
    }

    /** Center {@code j}, a copy. */
    public double[] row(int j) {
        return Arrays.copyOfRange(flat, j * d, (j + 1) * d);
    }

    /** All centers, k × d, a copy. */
    public double[][] rows() {
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            out[j] = row(j);
        }
        return out;
    }

    /** The centers as a k × d tensor for a message. */
    public Tensor toTensor() {
        return new Tensor(new int[] {k, d}, flat.clone());
    }

    /** Index of the nearest center to {@code x}. */
    public int nearest(float[] x) {
        requireDim(x, 0);
        return nearest(x, flat, norms, k, d, null, 0);
    }

    /** Squared Euclidean distance from {@code x} to center {@code j}, computed directly (no expansion). */
    public double distance2(float[] x, int j) {
        requireDim(x, 0);
        double s = 0;
        for (int t = 0, o = j * d; t < d; t++, o++) {
            double diff = x[t] - flat[o];
            s += diff * diff;
        }
        return s;
    }

    /** Nearest center of every point. */
    public int[] assign(float[][] xs) {
        int[] labels = new int[xs.length];
        assign(xs, null, labels, null);
        return labels;
    }

    /**
     * Assigns every point to its nearest center and returns the weighted inertia Σ wᵢ·minDist²ᵢ.
     *
     * @param weights per-point weights, or {@code null} for 1
     * @param labels  out: nearest center per point
     * @param dist2   out (may be {@code null}): squared distance to that center, clamped at 0
     */
    double assign(float[][] xs, double[] weights, int[] labels, double[] dist2) {
        for (int i = 0; i < xs.length; i++) {
            requireDim(xs[i], i);
        }
        int n = xs.length;
        int blocks = (n + BLOCK - 1) / BLOCK;
        double[] partial = new double[blocks];
        if ((long) n * k * d >= PARALLEL_WORK && blocks > 1) {
            IntStream.range(0, blocks).parallel().forEach(b -> partial[b] = assignBlock(xs, weights, labels, dist2, b));
        } else {
            for (int b = 0; b < blocks; b++) {
                partial[b] = assignBlock(xs, weights, labels, dist2, b);
            }
        }
        double inertia = 0;
        for (double p : partial) {
            inertia += p;
        }
        return inertia;
    }

    private double assignBlock(float[][] xs, double[] weights, int[] labels, double[] dist2, int block) {
        int from = block * BLOCK;
        int to = Math.min(xs.length, from + BLOCK);
        double[] best = new double[1];
        double inertia = 0;
        for (int i = from; i < to; i++) {
            float[] x = xs[i];
            labels[i] = nearest(x, flat, norms, k, d, best, 0);
            double xn = 0;
            for (int t = 0; t < d; t++) {
                xn += (double) x[t] * x[t];
            }
            // the expansion can round slightly below zero for a point sitting on its center
            double d2 = Math.max(0, xn + best[0]);
            if (dist2 != null) {
                dist2[i] = d2;
            }
            inertia += weights == null ? d2 : weights[i] * d2;
        }
        return inertia;
    }

    /**
     * The kernel: argmin over centers of {@code ||c||² − 2x·c}. Centers are taken four at a time so each loaded
     * coordinate of x feeds four independent accumulators; every dot product still sums over t in order, so the
     * grouping does not change any result.
     *
     * @param best    out (may be {@code null}): the minimal {@code ||c||² − 2x·c} at {@code best[slot]}
     */
    static int nearest(float[] x, double[] c, double[] cn, int k, int d, double[] best, int slot) {
        double min = Double.POSITIVE_INFINITY;
        int arg = 0;
        int j = 0;
        for (; j + 3 < k; j += 4) {
            int o0 = j * d;
            int o1 = o0 + d;
            int o2 = o1 + d;
            int o3 = o2 + d;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int t = 0; t < d; t++) {
                double v = x[t];
                s0 += v * c[o0 + t];
                s1 += v * c[o1 + t];
                s2 += v * c[o2 + t];
                s3 += v * c[o3 + t];
            }
            double e0 = cn[j] - 2 * s0;
            double e1 = cn[j + 1] - 2 * s1;
            double e2 = cn[j + 2] - 2 * s2;
            double e3 = cn[j + 3] - 2 * s3;
            if (e0 < min) {
                min = e0;
                arg = j;
            }
            if (e1 < min) {
                min = e1;
                arg = j + 1;
            }
            if (e2 < min) {
                min = e2;
                arg = j + 2;
            }
            if (e3 < min) {
                min = e3;
                arg = j + 3;
            }
        }
        for (; j < k; j++) {
            int o = j * d;
            double s = 0;
            for (int t = 0; t < d; t++) {
                s += x[t] * c[o + t];
            }
            double e = cn[j] - 2 * s;
            if (e < min) {
                min = e;
                arg = j;
            }
        }
        if (best != null) {
            best[slot] = min;
        }
        return arg;
    }

    double[] flat() {
        return flat;
    }

    private void requireDim(float[] x, int row) {
        if (x.length != d) {
            throw new IllegalArgumentException("point " + row + " has dimension " + x.length + ", centers have " + d);
        }
    }

    private static double[] flatten(double[][] rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("no centers");
        }
        int d = rows[0].length;
        double[] flat = new double[rows.length * d];
        for (int j = 0; j < rows.length; j++) {
            if (rows[j].length != d) {
                throw new IllegalArgumentException("center " + j + " has dimension " + rows[j].length + ", center 0 has " + d);
            }
            System.arraycopy(rows[j], 0, flat, j * d, d);
        }
        return flat;
    }
}
