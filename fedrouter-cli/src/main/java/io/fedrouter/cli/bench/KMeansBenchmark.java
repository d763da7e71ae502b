package io.fedrouter.cli.bench;

import io.fedrouter.router.kmeans.Centers;
import io.fedrouter.router.kmeans.KMeans;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of one Lloyd iteration (nearest-center assignment + weighted-mean update) of the K-means kernel on
 * embedding-like points (L2-normalized, 384-d as all-MiniLM-L6-v2), SPEC §10. One JMH operation is one
 * iteration over all points, so points × centers per second = ops/s × points × centers.
 *
 * <p>Run with JMH ({@code java -cp ... org.openjdk.jmh.Main KMeansBenchmark}), or without JMH through
 * {@link #pointsCentersPerSecond}, which the {@code fedrouter bench} command can call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KMeansBenchmark {

    @Param({"10000"})
    public int points;

    @Param({"384"})
    public int dim;

    @Param({"20", "30"})
    public int centers;

    private float[][] x;
    private Centers start;
    private int[] labels;

    @Setup
    public void setUp() {
        x = embeddings(points, dim, 42);
        start = firstPoints(x, centers);
        labels = new int[points];
    }

    @Benchmark
    public Centers lloydIteration() {
        return KMeans.lloydStep(x, null, start, labels);
    }

    /**
     * Points × centers per second of Lloyd iterations, measured without JMH: warms up for about a second, then
     * times whole iterations for at least {@code seconds}.
     */
    public static double pointsCentersPerSecond(int points, int dim, int centers, double seconds) {
        if (points < centers || dim < 1 || centers < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("need points >= centers >= 1, dim >= 1, seconds > 0: points " + points
                    + ", dim " + dim + ", centers " + centers + ", seconds " + seconds);
        }
        float[][] x = embeddings(points, dim, 42);
        Centers c = firstPoints(x, centers);
        int[] labels = new int[points];
        long warmEnd = System.nanoTime() + 1_000_000_000L;
        Centers sink = c;
        while (System.nanoTime() < warmEnd) {
            sink = KMeans.lloydStep(x, null, c, labels);
        }
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long steps = 0;
        long elapsed;
        do {
            sink = KMeans.lloydStep(x, null, c, labels);
            steps++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        if (sink.k() != centers) {
            throw new IllegalStateException("lost centers: " + sink.k());
        }
        return (double) points * centers * steps / (elapsed / 1e9);
    }

    /** Seeded Gaussian points scaled to unit length, like sentence embeddings. */
    static float[][] embeddings(int n, int d, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        float[][] x = new float[n][d];
        for (float[] row : x) {
            double norm = 0;
            double[] v = new double[d];
            for (int t = 0; t < d; t++) {
                v[t] = rng.nextGaussian();
                norm += v[t] * v[t];
            }
            norm = Math.sqrt(norm);
            for (int t = 0; t < d; t++) {
                row[t] = (float) (v[t] / norm);
            }
        }
        return x;
    }

    private static Centers firstPoints(float[][] x, int k) {
        double[][] rows = new double[k][x[0].length];
        for (int j = 0; j < k; j++) {
            for (int t = 0; t < rows[j].length; t++) {
                rows[j][t] = x[j][t];
            }
        }
        return new Centers(rows);
    }
}
