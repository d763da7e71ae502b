package io.fedrouter.math;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KernelsTest {

    private static float[][] random(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] a = new float[rows][cols];
        for (float[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = (float) r.nextDouble(-1, 1);
            }
        }
        return a;
    }

    /** The reference: one float accumulator per element, summed in k order, as the kernel promises. */
    private static float[][] naive(float[][] a, float[][] b, int n, int k, int m) {
        float[][] c = new float[n][m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) {
                    s += a[i][p] * b[p][j];
                }
                c[i][j] = s;
            }
        }
        return c;
    }

    @Test
    void smallOddShapesMatchTheReferenceExactly() {
        int n = 7;
        int k = 5;
        int m = 300; // spans two column blocks
        float[][] a = random(n, k, 1);
        float[][] b = random(k, m, 2);
        float[][] c = new float[n][m];
        Kernels.matmul(a, b, c, n, k, m, false);
        float[][] want = naive(a, b, n, k, m);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(want[i], c[i], "row " + i);
        }
    }

    @Test
    void parallelProductIsBitIdenticalToTheSequentialReference() {
        // 130·96·100 multiply-adds exceed the parallel threshold; 130 rows leave a ragged last block
        int n = 130;
        int k = 96;
        int m = 100;
        float[][] a = random(n, k, 3);
        float[][] b = random(k, m, 4);
        float[][] c = random(n, m, 5); // garbage that must be overwritten
        Kernels.matmul(a, b, c, n, k, m, false);
        float[][] want = naive(a, b, n, k, m);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(want[i], c[i], "row " + i);
        }
    }

    @Test
    void accumulateAddsToTheOutputAndOnlyTheFirstNRowsAreTouched() {
        float[][] a = {{1, 2}, {3, 4}, {9, 9}};
        float[][] b = {{1, 0, 2}, {0, 1, 3}};
        float[][] c = {{1, 1, 1}, {0, 0, 0}, {7, 7, 7}};
        Kernels.matmul(a, b, c, 2, 2, 3, true);
        assertArrayEquals(new float[] {2, 3, 9}, c[0]);
        assertArrayEquals(new float[] {3, 4, 18}, c[1]);
        assertArrayEquals(new float[] {7, 7, 7}, c[2]);
    }

    @Test
    void transposeSwapsIndices() {
        float[][] a = random(37, 45, 6);
        float[][] t = new float[45][37];
        Kernels.transpose(a, 37, 45, t);
        for (int i = 0; i < 37; i++) {
            for (int j = 0; j < 45; j++) {
                assertEquals(a[i][j], t[j][i]);
            }
        }
    }
}
