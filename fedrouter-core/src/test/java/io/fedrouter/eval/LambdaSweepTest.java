package io.fedrouter.eval;

import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LambdaSweepTest {

    private static final double EPS = 1e-12;

    /** Test-only router: query i is embedded as {i}; it answers with fixed per-query predictions. */
    private record TableRouter(double[][] acc, double[][] cost) implements Router {
        @Override
        public String family() {
            return "table";
        }

        @Override
        public List<String> models() {
            return List.of("weak", "strong");
        }

        @Override
        public int dim() {
            return 1;
        }

        @Override
        public void predict(float[] x, double[] accuracy, double[] c) {
            int i = (int) x[0];
            System.arraycopy(acc[i], 0, accuracy, 0, accuracy.length);
            System.arraycopy(cost[i], 0, c, 0, c.length);
        }
    }

    // Predicted utility gap strong − weak = Δacc − 9λ: strong for q0 while λ < 0.0444, q1 while λ < 0.00556,
    // q2 while λ < 0.0778.
    private static final TableRouter ROUTER = new TableRouter(
            new double[][] {{0.5, 0.9}, {0.8, 0.85}, {0.2, 0.9}},
            new double[][] {{1, 10}, {1, 10}, {1, 10}});
    private static final float[][] X = {{0}, {1}, {2}};
    private static final double[][] TRUE_COST = {{0.001, 0.02}, {0.002, 0.03}, {0.003, 0.04}};

    private static LabeledSet test(double[][] score) {
        return new LabeledSet(X, score, TRUE_COST);
    }

    @Test
    void sweepRecordsMeanTrueCostAndScoreInLambdaOrder() {
        LabeledSet test = test(new double[][] {{0, 1}, {1, 1}, {1, 0}});
        Frontier f = LambdaSweep.sweep(ROUTER.predictAll(X), test, new double[] {0.001, 0.01, 0.05, 1});
        // λ=0.001 all strong; 0.01 q0,q2 strong; 0.05 q2 strong; 1 all weak
        double[][] expected = {
                {(0.02 + 0.03 + 0.04) / 3, 2.0 / 3},
                {(0.02 + 0.002 + 0.04) / 3, 2.0 / 3},
                {(0.001 + 0.002 + 0.04) / 3, 1.0 / 3},
                {(0.001 + 0.002 + 0.003) / 3, 2.0 / 3}};
        assertEquals(4, f.size());
        for (int l = 0; l < 4; l++) {
            assertEquals(expected[l][0], f.points().get(l).cost(), EPS, "cost at λ index " + l);
            assertEquals(expected[l][1], f.points().get(l).accuracy(), EPS, "accuracy at λ index " + l);
        }
    }

    @Test
    void sweepRejectsUnlabeledChosenCell() {
        LabeledSet test = test(new double[][] {{0, 1}, {1, Double.NaN}, {1, 0}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LambdaSweep.sweep(ROUTER.predictAll(X), test, new double[] {0.001}));
        assertTrue(e.getMessage().contains("test query 1"), e.getMessage());
    }

    @Test
    void sweepRejectsShapeMismatch() {
        LabeledSet two = new LabeledSet(new float[][] {{0}, {1}}, new double[][] {{0, 1}, {1, 1}},
                new double[][] {{1, 1}, {1, 1}});
        assertThrows(IllegalArgumentException.class, () -> LambdaSweep.sweep(ROUTER.predictAll(X), two, new double[] {1}));
    }

    @Test
    void callSharesCountStrongCalls() {
        // model 1 is strong (mean 1 vs 1/3)
        LabeledSet test = test(new double[][] {{0, 1}, {1, 1}, {0, 1}});
        CallShareCurve c = LambdaSweep.callShares(ROUTER.predictAll(X), test, new double[] {0.001, 0.01, 0.05, 1});
        assertEquals(1.0 / 3, c.weakAccuracy(), EPS);
        assertEquals(1.0, c.strongAccuracy(), EPS);
        double[] share = {1, 2.0 / 3, 1.0 / 3, 0};
        double[] acc = {1, 1, 2.0 / 3, 1.0 / 3};
        for (int l = 0; l < 4; l++) {
            assertEquals(share[l], c.strongShare()[l], EPS);
            assertEquals(acc[l], c.accuracy()[l], EPS);
        }
    }

    @Test
    void defaultGridMatchesSpec() {
        double[] l = LambdaSweep.defaultLambdas();
        assertEquals(100, l.length);
        assertEquals(1e-2, l[0]);
        assertEquals(1e7, l[99]);
        // 9 decades over 99 steps: consecutive ratio 10^(9/99)
        assertEquals(Math.pow(10, 9.0 / 99), l[1] / l[0], 1e-12);
    }

    @Test
    void baselinesByHand() {
        LabeledSet test = test(new double[][] {{0, 1}, {1, 1}, {1, 0}});
        // oracle: q0 → strong (0.02), q1 tie → cheaper weak (0.002), q2 → weak (0.003)
        Frontier oracle = Baselines.oracle(test);
        assertEquals((0.02 + 0.002 + 0.003) / 3, oracle.points().get(0).cost(), EPS);
        assertEquals(1.0, oracle.points().get(0).accuracy(), EPS);

        Frontier strong = Baselines.single(test, 1);
        assertEquals(0.03, strong.points().get(0).cost(), EPS);
        assertEquals(2.0 / 3, strong.points().get(0).accuracy(), EPS);

        Frontier random = Baselines.random(test);
        assertEquals((0.002 + 0.03) / 2, random.points().get(0).cost(), EPS);
        assertEquals(2.0 / 3, random.points().get(0).accuracy(), EPS);

        // equal mean scores: best single ties to the cheaper model
        assertEquals(0, Baselines.bestSingleModel(test));
        assertEquals(0, Baselines.cheapestModel(test));
    }

    @Test
    void baselinesNeedFullLabels() {
        LabeledSet sparse = test(new double[][] {{0, Double.NaN}, {1, 1}, {1, 0}});
        assertThrows(IllegalArgumentException.class, () -> Baselines.oracle(sparse));
    }
}
