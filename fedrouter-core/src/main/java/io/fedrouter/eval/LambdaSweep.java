package io.fedrouter.eval;

import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RoutingRule;

/**
 * The λ sweep of SPEC §7, as in "Federate the Router" (Askin et al., arXiv 2601.22318): for each trade-off λ every
 * test query is routed with {@link RoutingRule#choose} on the router's <em>predicted</em> accuracy and cost, and the
 * operating point is the mean <em>true</em> cost and mean <em>true</em> score of the chosen models. Test sets are
 * fully labeled; a chosen cell without a label is an error, not a silent skip, because skipping would bias the
 * point toward the queries that happen to be labeled.
 */
public final class LambdaSweep {

    /** Default sweep bounds and size (SPEC §7). */
    public static final double DEFAULT_MIN_LAMBDA = 1e-2;
    public static final double DEFAULT_MAX_LAMBDA = 1e7;
    public static final int DEFAULT_LAMBDAS = 100;

    private LambdaSweep() {
    }

    /** The default grid: 100 log-spaced values from 1e-2 to 1e7. */
    public static double[] defaultLambdas() {
        return logSpaced(DEFAULT_MIN_LAMBDA, DEFAULT_MAX_LAMBDA, DEFAULT_LAMBDAS);
    }

    /**
     * {@code n} values from {@code lo} to {@code hi} (both included) equally spaced in log scale; {@code n = 1} gives
     * {@code {lo}}.
     */
    public static double[] logSpaced(double lo, double hi, int n) {
        if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(hi)) {
            throw new IllegalArgumentException("need 0 < lo <= hi < inf: lo " + lo + ", hi " + hi);
        }
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1: " + n);
        }
        double[] out = new double[n];
        if (n == 1) {
            out[0] = lo;
            return out;
        }
        double a = Math.log(lo);
        double step = (Math.log(hi) - a) / (n - 1);
        for (int k = 0; k < n; k++) {
            out[k] = Math.exp(a + k * step);
        }
        // exp(log(x)) may miss by an ulp; pin the ends so the grid reports exactly the bounds asked for
        out[0] = lo;
        out[n - 1] = hi;
        return out;
    }

    /**
     * Routes every test query at every λ and records (mean true cost, mean true score) of the chosen models.
     *
     * @param predictions the router's predictions for {@code test.x()}, n × M
     * @param test        fully labeled test set
     * @param lambdas     trade-offs, each ≥ 0; the frontier keeps their order
     * @throws IllegalArgumentException on shape mismatch or when a chosen (query, model) cell is unlabeled
     */
    public static Frontier sweep(Router.Predictions predictions, LabeledSet test, double[] lambdas) {
        checkShapes(predictions, test);
        int n = test.size();
        double[] meanCost = new double[lambdas.length];
        double[] meanScore = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            double sumCost = 0;
            double sumScore = 0;
            for (int i = 0; i < n; i++) {
                int m = RoutingRule.choose(predictions.accuracy()[i], predictions.cost()[i], lambdas[l]);
                sumCost += trueCost(test, i, m);
                sumScore += test.score()[i][m];
            }
            meanCost[l] = sumCost / n;
            meanScore[l] = sumScore / n;
        }
        return Frontier.of(meanCost, meanScore);
    }

    /**
     * The sweep of a two-model pool on RouteLLM's axis: per λ, the share of queries routed to the strong model
     * and the mean true score. The strong model is the one with the higher mean true score on {@code test}.
     */
    public static CallShareCurve callShares(Router.Predictions predictions, LabeledSet test, double[] lambdas) {
        checkShapes(predictions, test);
        if (test.models() != 2) {
            throw new IllegalArgumentException("call shares need a two-model pool, got " + test.models() + " models");
        }
        int n = test.size();
        double[] meanScore = Baselines.meanScores(test);
        int strong = meanScore[1] > meanScore[0] ? 1 : 0;
        double[] share = new double[lambdas.length];
        double[] acc = new double[lambdas.length];
        for (int l = 0; l < lambdas.length; l++) {
            int strongCalls = 0;
            double sumScore = 0;
            for (int i = 0; i < n; i++) {
                int m = RoutingRule.choose(predictions.accuracy()[i], predictions.cost()[i], lambdas[l]);
                if (m == strong) {
                    strongCalls++;
                }
                sumScore += test.score()[i][m];
            }
            share[l] = (double) strongCalls / n;
            acc[l] = sumScore / n;
        }
        return new CallShareCurve(meanScore[1 - strong], meanScore[strong], share, acc);
    }

    private static void checkShapes(Router.Predictions predictions, LabeledSet test) {
        if (test.size() == 0) {
            throw new IllegalArgumentException("empty test set");
        }
        if (predictions.accuracy().length != test.size() || predictions.cost().length != test.size()) {
            throw new IllegalArgumentException("prediction rows (" + predictions.accuracy().length + ", "
                    + predictions.cost().length + ") != test queries " + test.size());
        }
        if (predictions.accuracy()[0].length != test.models()) {
            throw new IllegalArgumentException("predicted models " + predictions.accuracy()[0].length
                    + " != test models " + test.models());
        }
    }

    private static double trueCost(LabeledSet test, int i, int m) {
        double s = test.score()[i][m];
        double c = test.cost()[i][m];
        if (Double.isNaN(s) || Double.isNaN(c)) {
            throw new IllegalArgumentException("test query " + i + " has no label for chosen model " + m
                    + "; evaluation needs a fully labeled test set");
        }
        return c;
    }
}
