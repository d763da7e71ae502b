package io.fedrouter.router.mlp;

import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RouterFamily;
import io.fedrouter.router.RoutingRule;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Training on a synthetic problem whose best model is a known function of the embedding. */
class MlpTrainerTest {

    static final List<String> MODELS = List.of("left", "right", "steady");
    static final double[] COST = {0.002, 0.004, 0.0005};

    /**
     * Model "left" scores 0.9 when x0 &lt; 0 and 0.1 otherwise, "right" the reverse, "steady" 0.5 everywhere; each
     * model has its own price (with ±10% noise). Sparse like a train view: one observed model per row.
     */
    static LabeledSet synthetic(int n, int d, long seed, boolean sparse) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][d];
        double[][] s = new double[n][3];
        double[][] c = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) r.nextDouble(-1, 1);
            }
            boolean left = x[i][0] < 0;
            double[] score = {left ? 0.9 : 0.1, left ? 0.1 : 0.9, 0.5};
            int keep = r.nextInt(3);
            for (int m = 0; m < 3; m++) {
                boolean seen = !sparse || m == keep;
                s[i][m] = seen ? score[m] : Double.NaN;
                c[i][m] = seen ? COST[m] * r.nextDouble(0.9, 1.1) : Double.NaN;
            }
        }
        return new LabeledSet(x, s, c);
    }

    @Test
    void lossDecreasesAndRouterRanksModelsCorrectly() {
        LabeledSet train = synthetic(600, 8, 1, true);
        MlpParams init = MlpParams.init(8, 32, 3, new SplittableRandom(2));
        CostNormalizer costs = CostNormalizer.fit(train.cost(), 3);
        MlpTrainer trainer = new MlpTrainer(new MlpTrainer.Config(40, 3e-3, 3e-4, 64, 1.0, 0.1, 0));

        MlpTrainer.Result result = trainer.train(init, costs, train, 7, null);

        double[] loss = result.epochLoss();
        assertEquals(40 * 10, result.steps());
        assertTrue(loss[loss.length - 1] < 0.5 * loss[0], "loss " + loss[0] + " -> " + loss[loss.length - 1]);
        MlpRouter router = new MlpRouter(MODELS, result.params(), costs);
        LabeledSet test = synthetic(200, 8, 3, false);
        Router.Predictions p = router.predictAll(test.x());
        int right = 0;
        for (int i = 0; i < test.size(); i++) {
            // far from the boundary the better of left/right must be chosen at lambda 0
            if (Math.abs(test.x()[i][0]) > 0.2) {
                int want = test.x()[i][0] < 0 ? 0 : 1;
                if (RoutingRule.choose(p.accuracy()[i], p.cost()[i], 0) == want) {
                    right++;
                }
            }
            // prices are learned: steady < left < right
            assertTrue(p.cost()[i][2] < p.cost()[i][0] && p.cost()[i][0] < p.cost()[i][1], "cost order at row " + i);
        }
        long far = java.util.Arrays.stream(test.x()).filter(x -> Math.abs(x[0]) > 0.2).count();
        assertTrue(right >= 0.95 * far, right + " of " + far + " routed to the better model");
        // a huge lambda sends everything to the cheapest model
        assertEquals(2, RoutingRule.choose(p.accuracy()[0], p.cost()[0], 1e6));
    }

    @Test
    void sameSeedGivesIdenticalParameters() {
        LabeledSet train = synthetic(300, 8, 4, true);
        MlpParams init = MlpParams.init(8, 16, 3, new SplittableRandom(5));
        CostNormalizer costs = CostNormalizer.fit(train.cost(), 3);
        MlpTrainer trainer = new MlpTrainer(MlpTrainer.Config.defaults(2));

        double[] a = trainer.train(init, costs, train, 11, null).params().toArray();
        double[] b = trainer.train(init, costs, train, 11, null).params().toArray();
        double[] c = trainer.train(init, costs, train, 12, null).params().toArray();

        assertArrayEquals(a, b);
        assertTrue(!java.util.Arrays.equals(a, c), "another seed shuffles and drops out differently");
    }

    @Test
    void predictAllAgreesWithPredictAndRoundTripsThroughFlatParameters() {
        MlpParams params = MlpParams.init(8, 16, 3, new SplittableRandom(9));
        CostNormalizer costs = new CostNormalizer(new double[] {0.001, 0.002, 0.003}, new double[] {0.001, 0.001, 0.002});
        MlpRouter router = new MlpRouter(MODELS, params, costs);
        MlpRouter copy = MlpRouter.fromParameters(MODELS, 8, 16, router.parameters(), costs);
        float[][] xs = synthetic(5, 8, 10, false).x();

        Router.Predictions all = copy.predictAll(xs);
        for (int i = 0; i < xs.length; i++) {
            double[] acc = new double[3];
            double[] cost = new double[3];
            router.predict(xs[i], acc, cost);
            assertArrayEquals(acc, all.accuracy()[i], 1e-6);
            assertArrayEquals(cost, all.cost()[i], 1e-9);
        }
        assertEquals(MlpParams.size(8, 16, 3), router.parameters().length);
    }

    @Test
    void familyTrainsCentralizedAndLocalWithTheirOwnEpochs() {
        MlpFamily family = new MlpFamily(Map.of("hidden", "16", "local-only-epochs", "2", "centralized-epochs", "1"));
        LabeledSet train = synthetic(100, 8, 12, true);

        Router central = family.train(train, MODELS, RouterFamily.Scope.CENTRALIZED, 1);
        Router local = family.train(train, MODELS, RouterFamily.Scope.LOCAL, 1);

        assertEquals("mlp", central.family());
        assertEquals(8, central.dim());
        assertTrue(!java.util.Arrays.equals(((MlpRouter) central).parameters(), ((MlpRouter) local).parameters()));
    }
}
