package io.fedrouter.federation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AggregationTest {

    @Test
    void weightedMeanWeighsByExamples() {
        double[] out = Aggregation.weightedMean(List.of(new double[] {1, 0}, new double[] {4, 3}), new double[] {1, 2});

        // (1·1 + 2·4)/3 = 3, (1·0 + 2·3)/3 = 2
        assertArrayEquals(new double[] {3, 2}, out, 1e-15);
    }

    @Test
    void medianAndTrimmedMeanResistAnOutlier() {
        List<double[]> v = List.of(new double[] {1}, new double[] {2}, new double[] {3}, new double[] {1000}, new double[] {2});

        assertArrayEquals(new double[] {2}, Aggregation.coordinateMedian(v));
        // β = 0.2 of 5 drops one from each end: mean of 2, 2, 3
        assertArrayEquals(new double[] {7.0 / 3}, Aggregation.trimmedMean(v, 0.2), 1e-15);
        assertArrayEquals(new double[] {1.5}, Aggregation.coordinateMedian(List.of(new double[] {1}, new double[] {2})));
    }

    @Test
    void rejectsMismatchedShapesAndBadWeights() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Aggregation.weightedMean(List.of(new double[2], new double[3]), new double[] {1, 1}));
        assertTrue(e.getMessage().contains("3") && e.getMessage().contains("2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Aggregation.weightedMean(List.of(new double[1]), new double[] {-1}));
        assertThrows(IllegalArgumentException.class, () -> Aggregation.weightedMean(List.of(new double[1]), new double[] {0}));
        assertThrows(IllegalArgumentException.class, () -> Aggregation.trimmedMean(List.of(new double[1]), 0.5));
    }
}
