package io.fedrouter.math;

import io.fedrouter.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DistributionsTest {

    static LongStream seeds() {
        return Seeds.of(200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void dirichletIsAProbabilityVector(long seed) {
        SplittableRandom cases = new SplittableRandom(seed);
        double alpha = Math.exp(Math.log(0.001) + cases.nextDouble() * Math.log(50_000));
        int k = 1 + cases.nextInt(30);
        double[] p = Distributions.dirichlet(alpha, k, new SplittableRandom(seed));

        double sum = 0;
        for (double v : p) {
            assertTrue(v >= 0 && Double.isFinite(v));
            sum += v;
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void gammaMeanMatchesShape() {
        SplittableRandom rng = new SplittableRandom(7);
        for (double shape : new double[] {0.3, 1.0, 4.5}) {
            double sum = 0;
            int n = 200_000;
            for (int i = 0; i < n; i++) {
                sum += Math.exp(Distributions.logGamma(shape, rng));
            }
            // E[Gamma(a,1)] = a; standard error sqrt(a/n) is below 0.005 here.
            assertEquals(shape, sum / n, 0.02, "shape " + shape);
        }
    }

    @Test
    void dirichletMarginalMeanIsOneOverK() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] mean = new double[4];
        int n = 50_000;
        for (int i = 0; i < n; i++) {
            double[] p = Distributions.dirichlet(0.6, 4, rng);
            for (int j = 0; j < 4; j++) {
                mean[j] += p[j] / n;
            }
        }
        for (double m : mean) {
            assertEquals(0.25, m, 0.01);
        }
    }

    @Test
    void categoricalFollowsWeights() {
        SplittableRandom rng = new SplittableRandom(5);
        int[] counts = new int[3];
        for (int i = 0; i < 60_000; i++) {
            counts[Distributions.categorical(new double[] {1, 0, 3}, rng)]++;
        }
        assertEquals(0, counts[1]);
        assertEquals(0.25, counts[0] / 60_000.0, 0.01);
    }
}
