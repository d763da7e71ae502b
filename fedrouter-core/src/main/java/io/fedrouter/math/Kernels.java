package io.fedrouter.math;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Dense single-precision kernels on matrices held as arrays of row arrays ({@code float[rows][cols]}), written so the JIT can vectorize their
 * inner loops: matrix products use the i-k-j order (the innermost loop streams a row of the right operand into a
 * row of the output), four output rows share each loaded right-hand row, and columns are processed in blocks
 * that keep the touched part of the right operand in cache.
 *
 * <p>Large products are split over the common fork-join pool by blocks of output rows. Every output element is
 * computed by exactly one thread with the same sequence of operations whatever the split, so results are
 * bit-identical for any number of threads.
 */
public final class Kernels {

    /** Products below this many multiply-adds run on the calling thread: forking costs more than it saves. */
    static final long PARALLEL_WORK = 1L << 20;

    /** Output columns per block: 256 floats of a right-hand row, times k rows, stay in L2 for k up to ~512. */
    private static final int COL_BLOCK = 256;

    private Kernels() {
    }

    /**
     * {@code c = a · b} (or {@code c += a · b} when {@code accumulate}) on the first n rows of a and c, with
     * a: n × k, b: k × m, c: n × m; every matrix is an array of row arrays, because the JIT vectorizes
     * {@code c[j] += v * b[j]} over separate row arrays but not over two offsets into one flat array.
     */
    public static void matmul(float[][] a, float[][] b, float[][] c, int n, int k, int m, boolean accumulate) {
        if (n < 0 || k < 0 || m < 0) {
            throw new IllegalArgumentException("negative size: n=" + n + ", k=" + k + ", m=" + m);
        }
        if (a.length < n || c.length < n || b.length < k) {
            throw new IllegalArgumentException("too few rows for " + n + "x" + k + " · " + k + "x" + m
                    + ": a=" + a.length + ", b=" + b.length + ", c=" + c.length);
        }
        int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
        long work = (long) n * k * m;
        if (threads < 2 || work < PARALLEL_WORK || n < 8) {
            rows(a, b, c, k, m, 0, n, accumulate);
            return;
        }
        // Row blocks that are multiples of 4 keep the 4-row micro-kernel busy; twice as many blocks as threads
        // lets work stealing even out uneven progress.
        int blocks = Math.min(2 * threads, (n + 3) / 4);
        int per = ((n + blocks - 1) / blocks + 3) & ~3;
        int count = (n + per - 1) / per;
        IntStream.range(0, count).parallel().forEach(blk -> {
            int r0 = blk * per;
            rows(a, b, c, k, m, r0, Math.min(n, r0 + per), accumulate);
        });
    }

    /** Output rows [r0, r1) of {@code a · b}. */
    private static void rows(float[][] a, float[][] b, float[][] c, int k, int m, int r0, int r1, boolean accumulate) {
        for (int j0 = 0; j0 < m; j0 += COL_BLOCK) {
            int j1 = Math.min(m, j0 + COL_BLOCK);
            int i = r0;
            for (; i + 4 <= r1; i += 4) {
                float[] c0 = c[i];
                float[] c1 = c[i + 1];
                float[] c2 = c[i + 2];
                float[] c3 = c[i + 3];
                if (!accumulate) {
                    Arrays.fill(c0, j0, j1, 0f);
                    Arrays.fill(c1, j0, j1, 0f);
                    Arrays.fill(c2, j0, j1, 0f);
                    Arrays.fill(c3, j0, j1, 0f);
                }
                float[] a0 = a[i];
                float[] a1 = a[i + 1];
                float[] a2 = a[i + 2];
                float[] a3 = a[i + 3];
                for (int p = 0; p < k; p++) {
                    float v0 = a0[p];
                    float v1 = a1[p];
                    float v2 = a2[p];
                    float v3 = a3[p];
                    float[] bp = b[p];
                    for (int j = j0; j < j1; j++) {
                        float bv = bp[j];
                        c0[j] += v0 * bv;
                        c1[j] += v1 * bv;
                        c2[j] += v2 * bv;
                        c3[j] += v3 * bv;
                    }
                }
            }
            for (; i < r1; i++) {
                float[] c0 = c[i];
                if (!accumulate) {
                    Arrays.fill(c0, j0, j1, 0f);
                }
                float[] a0 = a[i];
                for (int p = 0; p < k; p++) {
                    float v0 = a0[p];
                    float[] bp = b[p];
                    for (int j = j0; j < j1; j++) {
                        c0[j] += v0 * bp[j];
                    }
                }
            }
        }
    }

    /** {@code out = aᵀ} for the first {@code rows} rows and {@code cols} columns of a; out: cols × rows. */
    public static void transpose(float[][] a, int rows, int cols, float[][] out) {
        if (a.length < rows || out.length < cols) {
            throw new IllegalArgumentException("too few rows to transpose " + rows + "x" + cols + ": a=" + a.length + ", out=" + out.length);
        }
        // Tiles keep both the read and the written lines in L1.
        final int t = 32;
        for (int i0 = 0; i0 < rows; i0 += t) {
            int i1 = Math.min(rows, i0 + t);
            for (int j0 = 0; j0 < cols; j0 += t) {
                int j1 = Math.min(cols, j0 + t);
                for (int i = i0; i < i1; i++) {
                    float[] ai = a[i];
                    for (int j = j0; j < j1; j++) {
                        out[j][i] = ai[j];
                    }
                }
            }
        }
    }

    /** A rows × cols matrix of zeros as row arrays. */
    public static float[][] matrix(int rows, int cols) {
        return new float[rows][cols];
    }
}
