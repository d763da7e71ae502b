package io.fedrouter.router.kmeans;

import io.fedrouter.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansPropertiesTest {

    static LongStream seeds() {
        return Seeds.of(40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void inertiaNeverIncreasesOverIterations(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int k = 1 + rng.nextInt(8);
        int d = 1 + rng.nextInt(6);
        // a few loose clusters, so Lloyd takes several iterations
        int n = 60 + rng.nextInt(140);
        double[][] anchors = new double[4][d];
        for (double[] a : anchors) {
            for (int t = 0; t < d; t++) {
                a[t] = 3 * rng.nextGaussian();
            }
        }
        float[][] x = new float[n][d];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            double[] a = anchors[rng.nextInt(4)];
            for (int t = 0; t < d; t++) {
                x[i][t] = (float) (a[t] + 2 * rng.nextGaussian());
            }
            w[i] = rng.nextInt(4) == 0 ? 0.5 : 1 + rng.nextInt(3);
        }

        KMeans.Result res = new KMeans(k, 1, 50, 0).fit(x, w, seed);

        double[] h = res.inertiaHistory();
        assertEquals(res.iterations() + 1, h.length);
        assertEquals(res.inertia(), h[h.length - 1]);
        for (int i = 1; i < h.length; i++) {
            assertTrue(h[i] <= h[i - 1] * (1 + 1e-12) + 1e-12, "inertia rose at step " + i + ": " + h[i - 1] + " -> " + h[i]);
        }
        // the reported inertia is the weighted sum of direct squared distances to the assigned centers
        int[] labels = res.labels();
        double direct = 0;
        for (int i = 0; i < n; i++) {
            direct += w[i] * res.centers().distance2(x[i], labels[i]);
        }
        assertEquals(direct, res.inertia(), 1e-9 * Math.max(1, direct));
    }
}
