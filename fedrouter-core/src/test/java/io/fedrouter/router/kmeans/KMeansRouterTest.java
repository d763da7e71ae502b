package io.fedrouter.router.kmeans;

import io.fedrouter.router.Router;
import io.fedrouter.router.RoutingRule;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansRouterTest {

    // two centers on the x axis, two models; cell (1, B) has no data
    private static final Centers CENTERS = new Centers(new double[][] {{0, 0}, {10, 0}});
    private static final double[][] ACC = {{0.5, 0.9}, {0.7, Double.NaN}};
    private static final double[][] COST = {{1.0, 5.0}, {2.0, Double.NaN}};
    private static final long[][] COUNTS = {{2, 1}, {3, 0}};
    // global means as count-weighted means of the cells: A = (2·0.5 + 3·0.7)/5, (2·1 + 3·2)/5; B = its one cell
    private static final double[] G_ACC = {0.62, 0.9};
    private static final double[] G_COST = {1.6, 5.0};

    private static KMeansRouter router(KMeansRouter.Fallback fallback) {
        return new KMeansRouter(List.of("A", "B"), CENTERS, ACC, COST, COUNTS, G_ACC, G_COST, fallback);
    }

    @Test
    void queryUsesItsNearestCentersTable() {
        Router r = router(KMeansRouter.Fallback.GLOBAL_MEAN);
        double[] acc = new double[2];
        double[] cost = new double[2];

        r.predict(new float[] {1, -2}, acc, cost);

        assertArrayEquals(new double[] {0.5, 0.9}, acc);
        assertArrayEquals(new double[] {1.0, 5.0}, cost);
        assertEquals(2, r.dim());
        assertEquals("kmeans", r.family());
        // λ = 0.05: A gives 0.5 − 0.05 = 0.45, B gives 0.9 − 0.25 = 0.65
        assertEquals(1, RoutingRule.choose(acc, cost, 0.05));
    }

    @Test
    void priorShrinksObservedCellsTowardTheGlobalMeans() {
        KMeansRouter r = new KMeansRouter(List.of("A", "B"), CENTERS, ACC, COST, COUNTS, G_ACC, G_COST,
                KMeansRouter.Fallback.GLOBAL_MEAN, 2);
        double[] acc = new double[2];
        double[] cost = new double[2];

        r.predict(new float[] {1, 0}, acc, cost);

        // cell (0, A): n = 2, (2·0.5 + 2·0.62)/4 = 0.56, (2·1 + 2·1.6)/4 = 1.3; cell (0, B): (1·0.9 + 2·0.9)/3 = 0.9
        assertArrayEquals(new double[] {0.56, 0.9}, acc, 1e-12);
        assertArrayEquals(new double[] {1.3, 5.0}, cost, 1e-12);

        r.predict(new float[] {9, 0}, acc, cost);

        // cell (1, A): n = 3, (3·0.7 + 2·0.62)/5 = 0.668, (3·2 + 2·1.6)/5 = 1.84; cell (1, B) empty: global mean
        assertArrayEquals(new double[] {0.668, 0.9}, acc, 1e-12);
        assertArrayEquals(new double[] {1.84, 5.0}, cost, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new KMeansRouter(List.of("A", "B"), CENTERS, ACC, COST,
                COUNTS, G_ACC, G_COST, KMeansRouter.Fallback.GLOBAL_MEAN, -1));
    }

    @Test
    void emptyCellFallsBackToTheModelsGlobalMeanByDefault() {
        double[] acc = new double[2];
        double[] cost = new double[2];

        router(KMeansRouter.Fallback.GLOBAL_MEAN).predict(new float[] {9, 1}, acc, cost);

        assertArrayEquals(new double[] {0.7, 0.9}, acc);
        assertArrayEquals(new double[] {2.0, 5.0}, cost);
    }

    @Test
    void paperFallbackPredictsZeroAccuracyAtProhibitiveCost() {
        double[] acc = new double[2];
        double[] cost = new double[2];

        router(KMeansRouter.Fallback.PAPER).predict(new float[] {9, 1}, acc, cost);

        assertArrayEquals(new double[] {0.7, 0.0}, acc);
        assertArrayEquals(new double[] {2.0, 1e6}, cost);
    }

    @Test
    void modelWithNoDataAnywhereGetsThePaperValuesEvenUnderGlobalMean() {
        KMeansRouter r = new KMeansRouter(List.of("A", "B"), CENTERS, ACC, COST, new long[][] {{2, 0}, {3, 0}},
                new double[] {0.62, Double.NaN}, new double[] {1.6, Double.NaN}, KMeansRouter.Fallback.GLOBAL_MEAN);
        double[] acc = new double[2];
        double[] cost = new double[2];

        r.predict(new float[] {0, 0}, acc, cost);

        assertArrayEquals(new double[] {0.5, 0.0}, acc);
        assertArrayEquals(new double[] {1.0, 1e6}, cost);
    }

    @Test
    void predictAllEqualsPredictAndTiesGoToTheLowerCenter() {
        KMeansRouter r = router(KMeansRouter.Fallback.GLOBAL_MEAN);
        float[][] xs = {{1, -2}, {9, 1}, {5, 0}, {5, 3}, {20, 0}};

        Router.Predictions p = r.predictAll(xs);

        for (int i = 0; i < xs.length; i++) {
            double[] acc = new double[2];
            double[] cost = new double[2];
            r.predict(xs[i], acc, cost);
            assertArrayEquals(acc, p.accuracy()[i], "accuracy of query " + i);
            assertArrayEquals(cost, p.cost()[i], "cost of query " + i);
        }
        // (5, 0) and (5, 3) are equidistant from both centers
        assertArrayEquals(new double[] {0.5, 0.9}, p.accuracy()[2]);
        assertArrayEquals(new double[] {0.5, 0.9}, p.accuracy()[3]);
        assertArrayEquals(new double[] {0.7, 0.9}, p.accuracy()[4]);
    }

    @Test
    void accessorsMaskEmptyCellsAndCopy() {
        KMeansRouter r = router(KMeansRouter.Fallback.GLOBAL_MEAN);

        double[][] acc = r.meanAccuracy();
        acc[0][0] = 99;

        assertTrue(Double.isNaN(r.meanAccuracy()[1][1]));
        assertEquals(0.5, r.meanAccuracy()[0][0]);
        assertEquals(3, r.counts()[1][0]);
    }

    @Test
    void rejectsInconsistentTables() {
        assertThrows(IllegalArgumentException.class, () -> new KMeansRouter(List.of("A"), CENTERS, ACC, COST, COUNTS,
                G_ACC, G_COST, KMeansRouter.Fallback.PAPER));
        assertThrows(IllegalArgumentException.class, () -> new KMeansRouter(List.of("A", "B"), CENTERS, ACC, COST,
                new long[][] {{2, 1}, {3, 1}}, G_ACC, G_COST, KMeansRouter.Fallback.PAPER));
        double[] acc = new double[2];
        double[] cost = new double[2];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> router(KMeansRouter.Fallback.PAPER).predict(new float[] {1, 2, 3}, acc, cost));
        assertTrue(e.getMessage().contains("dimension 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KMeansRouter.Fallback.parse("zero"));
    }
}
