package io.fedrouter.eval;

import io.fedrouter.router.LabeledSet;

/**
 * Operating points of the router-free baselines every report carries (SPEC §5.3). Each is a single point computed
 * from the true labels of a fully labeled test set, wrapped as a one-point {@link Frontier}.
 */
public final class Baselines {

    private Baselines() {
    }

    /**
     * The oracle: per query the model with the best true score, ties to the cheaper true cost (then the lower
     * index). An upper bound on accuracy no router can beat on this test set.
     */
    public static Frontier oracle(LabeledSet test) {
        requireLabeled(test);
        double sumCost = 0;
        double sumScore = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] s = test.score()[i];
            double[] c = test.cost()[i];
            int best = 0;
            for (int m = 1; m < s.length; m++) {
                if (s[m] > s[best] || (s[m] == s[best] && c[m] < c[best])) {
                    best = m;
                }
            }
            sumCost += c[best];
            sumScore += s[best];
        }
        return Frontier.of(sumCost / test.size(), sumScore / test.size());
    }

    /** Always calling model {@code m}. */
    public static Frontier single(LabeledSet test, int m) {
        requireLabeled(test);
        if (m < 0 || m >= test.models()) {
            throw new IllegalArgumentException("model index " + m + " out of range [0, " + test.models() + ")");
        }
        return Frontier.of(meanCosts(test)[m], meanScores(test)[m]);
    }

    /** Index of the model with the best mean true score, ties to the cheaper mean cost. */
    public static int bestSingleModel(LabeledSet test) {
        requireLabeled(test);
        double[] s = meanScores(test);
        double[] c = meanCosts(test);
        int best = 0;
        for (int m = 1; m < s.length; m++) {
            if (s[m] > s[best] || (s[m] == s[best] && c[m] < c[best])) {
                best = m;
            }
        }
        return best;
    }

    /** Index of the model with the lowest mean true cost, ties to the better mean score. */
    public static int cheapestModel(LabeledSet test) {
        requireLabeled(test);
        double[] s = meanScores(test);
        double[] c = meanCosts(test);
        int best = 0;
        for (int m = 1; m < c.length; m++) {
            if (c[m] < c[best] || (c[m] == c[best] && s[m] > s[best])) {
                best = m;
            }
        }
        return best;
    }

    /**
     * The random router: a uniformly random model per query. Reported as its <em>expected</em> operating point
     * (mean over models of each model's mean cost and mean score) rather than one seeded draw, so the baseline
     * carries no sampling noise and needs no seed.
     */
    public static Frontier random(LabeledSet test) {
        requireLabeled(test);
        double[] s = meanScores(test);
        double[] c = meanCosts(test);
        double cost = 0;
        double acc = 0;
        for (int m = 0; m < s.length; m++) {
            cost += c[m];
            acc += s[m];
        }
        return Frontier.of(cost / s.length, acc / s.length);
    }

    /** Mean true score per model over the test set. */
    static double[] meanScores(LabeledSet test) {
        return columnMeans(test.score(), test.models());
    }

    /** Mean true cost per model over the test set. */
    static double[] meanCosts(LabeledSet test) {
        return columnMeans(test.cost(), test.models());
    }

    private static double[] columnMeans(double[][] values, int models) {
        double[] sum = new double[models];
        for (double[] row : values) {
            for (int m = 0; m < models; m++) {
                sum[m] += row[m];
            }
        }
        for (int m = 0; m < models; m++) {
            sum[m] /= values.length;
        }
        return sum;
    }

    private static void requireLabeled(LabeledSet test) {
        if (test.size() == 0 || test.models() == 0) {
            throw new IllegalArgumentException("empty test set: " + test.size() + " queries, " + test.models() + " models");
        }
        for (int i = 0; i < test.size(); i++) {
            for (int m = 0; m < test.models(); m++) {
                if (Double.isNaN(test.score()[i][m]) || Double.isNaN(test.cost()[i][m])) {
                    throw new IllegalArgumentException("test query " + i + " has no label for model " + m
                            + "; baselines need a fully labeled test set");
                }
            }
        }
    }
}
