package io.fedrouter.router.kmeans;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansTest {

    private static final double[][] BLOB_CENTERS = {{0, 0, 0, 0}, {10, 0, 0, 0}, {0, 10, 0, 0}};

    @Test
    void findsWellSeparatedBlobs() {
        float[][] x = Blobs.points(BLOB_CENTERS, 50, 0.5, new SplittableRandom(1));

        KMeans.Result res = new KMeans(3, 3, 30, 1e-4).fit(x, 7);

        Centers c = res.centers();
        assertEquals(3, c.k());
        for (int b = 0; b < 3; b++) {
            double[] sampleMean = Blobs.mean(x, b * 50, (b + 1) * 50);
            int j = c.nearest(toFloat(BLOB_CENTERS[b]));
            // a correct partition makes the center the blob's sample mean, which lies near the true center
            assertArrayEquals(sampleMean, c.row(j), 1e-9);
            assertTrue(Blobs.dist(BLOB_CENTERS[b], c.row(j)) < 0.2, "blob " + b + " center " + java.util.Arrays.toString(c.row(j)));
            int[] labels = res.labels();
            for (int i = b * 50; i < (b + 1) * 50; i++) {
                assertEquals(j, labels[i], "point " + i);
            }
        }
    }

    @Test
    void integerWeightsEqualReplicatedPoints() {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 30;
        float[][] x = new float[n][3];
        double[] w = new double[n];
        int total = 0;
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < 3; t++) {
                x[i][t] = (float) rng.nextGaussian();
            }
            w[i] = 1 + rng.nextInt(3);
            total += (int) w[i];
        }
        float[][] rep = new float[total][];
        for (int i = 0, r = 0; i < n; i++) {
            for (int c = 0; c < w[i]; c++) {
                rep[r++] = x[i];
            }
        }
        KMeans km = new KMeans(4, 3, 50, 0);

        KMeans.Result weighted = km.fit(x, w, 11);
        KMeans.Result replicated = km.fit(rep, 11);

        assertEquals(replicated.centers().k(), weighted.centers().k());
        for (int j = 0; j < weighted.centers().k(); j++) {
            assertArrayEquals(replicated.centers().row(j), weighted.centers().row(j), 1e-9, "center " + j);
        }
        assertEquals(replicated.inertia(), weighted.inertia(), 1e-9 * replicated.inertia());
    }

    @Test
    void fewerDistinctPointsThanKGivesOneCenterPerDistinctPoint() {
        float[][] x = {{0, 0}, {1, 1}, {0, 0}, {5, 5}, {1, 1}, {5, 5}, {0, 0}};

        KMeans.Result res = new KMeans(10, 2, 30, 1e-4).fit(x, 5);

        assertEquals(3, res.centers().k());
        assertEquals(0.0, res.inertia());
        int[] l = res.labels();
        assertEquals(l[0], l[2]);
        assertEquals(l[0], l[6]);
        assertEquals(l[1], l[4]);
        assertEquals(l[3], l[5]);
        assertNotEquals(l[0], l[1]);
        assertNotEquals(l[0], l[3]);
        assertNotEquals(l[1], l[3]);
    }

    @Test
    void zeroWeightPointsNeverBecomeCentersAndDoNotMoveThem() {
        float[][] x = {{0, 0}, {2, 0}, {100, 100}};
        double[] w = {1, 1, 0};

        KMeans.Result res = new KMeans(1, 1, 10, 0).fit(x, w, 1);

        assertArrayEquals(new double[] {1, 0}, res.centers().row(0), 1e-12);
        assertEquals(2.0, res.inertia(), 1e-12);
    }

    @Test
    void sameSeedSameCentersAlsoOnTheParallelPath() {
        // n·k·d = 3000·12·64 exceeds Centers.PARALLEL_WORK, so assignment runs in parallel blocks
        SplittableRandom rng = new SplittableRandom(9);
        float[][] x = new float[3000][64];
        for (float[] row : x) {
            for (int t = 0; t < row.length; t++) {
                row[t] = (float) rng.nextGaussian();
            }
        }
        assertTrue((long) x.length * 12 * 64 >= Centers.PARALLEL_WORK);
        KMeans km = new KMeans(12, 2, 5, 1e-4);

        KMeans.Result a = km.fit(x, 42);
        KMeans.Result b = km.fit(x, 42);
        KMeans.Result other = km.fit(x, 43);

        assertArrayEquals(a.centers().rows(), b.centers().rows());
        assertArrayEquals(a.labels(), b.labels());
        assertEquals(a.inertia(), b.inertia());
        assertNotEquals(a.inertia(), other.inertia());
        int[] batched = a.centers().assign(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(a.centers().nearest(x[i]), batched[i], "point " + i);
        }
    }

    @Test
    void nearestAgreesWithDirectDistancesOnOddSizes() {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] rows = new double[7][5];
        for (double[] r : rows) {
            for (int t = 0; t < r.length; t++) {
                r[t] = rng.nextGaussian();
            }
        }
        Centers c = new Centers(rows);
        for (int q = 0; q < 200; q++) {
            float[] x = new float[5];
            for (int t = 0; t < 5; t++) {
                x[t] = (float) (2 * rng.nextGaussian());
            }
            int best = 0;
            for (int j = 1; j < 7; j++) {
                if (c.distance2(x, j) < c.distance2(x, best)) {
                    best = j;
                }
            }
            assertEquals(best, c.nearest(x), "query " + q);
        }
    }

    @Test
    void oneLloydStepMovesCentersToTheMeansOfTheirPoints() {
        float[][] x = {{0, 0}, {2, 0}, {10, 0}, {12, 2}};
        Centers start = new Centers(new double[][] {{1, 5}, {9, 5}});
        int[] labels = new int[4];

        Centers next = KMeans.lloydStep(x, new double[] {1, 3, 1, 1}, start, labels);

        assertArrayEquals(new int[] {0, 0, 1, 1}, labels);
        assertArrayEquals(new double[] {1.5, 0}, next.row(0), 1e-12);
        assertArrayEquals(new double[] {11, 1}, next.row(1), 1e-12);
        assertArrayEquals(next.rows(), new KMeans(2, 1, 1, 0).fitFrom(x, new double[] {1, 3, 1, 1}, start).centers().rows());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new KMeans(0, 1, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new KMeans(2, 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new KMeans(2, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new KMeans(2, 1, 1, Double.NaN));
        KMeans km = new KMeans(2, 1, 5, 0);
        assertThrows(IllegalArgumentException.class, () -> km.fit(new float[0][], 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> km.fit(new float[][] {{1, 2}, {1}}, 1));
        assertTrue(e.getMessage().contains("point 1 has dimension 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> km.fit(new float[][] {{1}, {2}}, new double[] {0, 0}, 1));
        assertThrows(IllegalArgumentException.class, () -> km.fit(new float[][] {{1}, {Float.NaN}}, 1));
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int t = 0; t < v.length; t++) {
            f[t] = (float) v[t];
        }
        return f;
    }
}
