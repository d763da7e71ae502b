package io.fedrouter.router.kmeans;

import io.fedrouter.router.LabeledSet;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Test data: points in well separated blobs with sparse labels (one observed model per row). */
final class Blobs {

    private Blobs() {
    }

    /** Points uniformly within ±{@code spread} of each center, {@code perBlob} per center, blob by blob. */
    static float[][] points(double[][] centers, int perBlob, double spread, SplittableRandom rng) {
        int d = centers[0].length;
        float[][] x = new float[centers.length * perBlob][d];
        for (int b = 0; b < centers.length; b++) {
            for (int i = 0; i < perBlob; i++) {
                for (int t = 0; t < d; t++) {
                    x[b * perBlob + i][t] = (float) (centers[b][t] + spread * (2 * rng.nextDouble() - 1));
                }
            }
        }
        return x;
    }

    /** Sparse train view: each row observes one random model with a random score and cost. */
    static LabeledSet sparse(float[][] x, int models, SplittableRandom rng) {
        double[][] s = new double[x.length][models];
        double[][] c = new double[x.length][models];
        for (int i = 0; i < x.length; i++) {
            Arrays.fill(s[i], Double.NaN);
            Arrays.fill(c[i], Double.NaN);
            int m = rng.nextInt(models);
            s[i][m] = rng.nextInt(2);
            c[i][m] = 0.001 * (1 + rng.nextInt(100));
        }
        return new LabeledSet(x, s, c);
    }

    /** Mean of rows [from, to). */
    static double[] mean(float[][] x, int from, int to) {
        double[] m = new double[x[0].length];
        for (int i = from; i < to; i++) {
            for (int t = 0; t < m.length; t++) {
                m[t] += x[i][t];
            }
        }
        for (int t = 0; t < m.length; t++) {
            m[t] /= to - from;
        }
        return m;
    }

    static double dist(double[] a, double[] b) {
        double s = 0;
        for (int t = 0; t < a.length; t++) {
            s += (a[t] - b[t]) * (a[t] - b[t]);
        }
        return Math.sqrt(s);
    }
}
