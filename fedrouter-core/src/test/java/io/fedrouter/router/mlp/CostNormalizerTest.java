package io.fedrouter.router.mlp;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CostNormalizerTest {

    @Test
    void statisticsOfObservedCellsOnly() {
        double nan = Double.NaN;
        double[][] cost = {{Math.expm1(1), nan}, {Math.expm1(3), nan}, {nan, nan}};
        CostNormalizer c = CostNormalizer.fit(cost, 2);
        // log1p values 1 and 3: mean 2, population std 1; model 1 has no data: mean 0, std 1
        assertArrayEquals(new double[] {2, 0}, c.mean(), 1e-12);
        assertArrayEquals(new double[] {1, 1}, c.std(), 1e-12);
    }

    @Test
    void denormalizeInvertsNormalizeInsideTheClamp() {
        CostNormalizer c = new CostNormalizer(new double[] {Math.log1p(0.01)}, new double[] {0.004});
        for (double cost : new double[] {0.0, 0.003, 0.01, 0.0179}) {
            double z = c.normalize(0, cost);
            assertEquals(cost, c.denormalize(0, z), 1e-12, "cost " + cost);
        }
    }

    @Test
    void targetsAreClampedAndPredictionsNeverNegative() {
        CostNormalizer c = new CostNormalizer(new double[] {1.0}, new double[] {0.1});
        assertEquals(3.0, c.normalize(0, 100.0));
        assertEquals(-3.0, c.normalize(0, 0.0));
        assertEquals(0.0, c.denormalize(0, -1e6));
    }

    @Test
    void sumsFromTwoClientsMergeToThePooledStatistics() {
        double[][] a = {{0.1, 0.02}, {0.3, Double.NaN}};
        double[][] b = {{0.2, 0.05}, {Double.NaN, 0.07}, {0.4, 0.01}};
        double[][] sa = CostNormalizer.sums(a, 2);
        double[][] sb = CostNormalizer.sums(b, 2);
        double[][] merged = new double[3][2];
        for (int r = 0; r < 3; r++) {
            for (int m = 0; m < 2; m++) {
                merged[r][m] = sa[r][m] + sb[r][m];
            }
        }
        CostNormalizer fromSums = CostNormalizer.fromSums(merged[0], merged[1], merged[2]);
        CostNormalizer pooled = CostNormalizer.fit(new double[][] {a[0], a[1], b[0], b[1], b[2]}, 2);
        assertArrayEquals(pooled.mean(), fromSums.mean(), 1e-15);
        assertArrayEquals(pooled.std(), fromSums.std(), 1e-12);
    }

    @Test
    void constantCostsGetUnitStd() {
        CostNormalizer c = CostNormalizer.fit(new double[][] {{0.5}, {0.5}}, 1);
        assertEquals(1.0, c.std()[0]);
        assertEquals(0.0, c.normalize(0, 0.5), 1e-12);
    }

    @Test
    void rejectsNonPositiveStd() {
        assertThrows(IllegalArgumentException.class, () -> new CostNormalizer(new double[] {0}, new double[] {0}));
    }
}
