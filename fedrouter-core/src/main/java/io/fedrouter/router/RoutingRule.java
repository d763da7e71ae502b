package io.fedrouter.router;

/**
 * The decision rule of SPEC §5: pick {@code argmax_m A(x,m) − λ·C(x,m)}; ties go to the model with the lower
 * predicted cost, then to the lower index.
 */
public final class RoutingRule {

    private RoutingRule() {
    }

    public static int choose(double[] accuracy, double[] cost, double lambda) {
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("lambda must be >= 0: " + lambda);
        }
        int best = -1;
        double bestUtility = Double.NEGATIVE_INFINITY;
        for (int m = 0; m < accuracy.length; m++) {
            double u = accuracy[m] - lambda * cost[m];
            if (u > bestUtility || (u == bestUtility && best >= 0 && cost[m] < cost[best])) {
                best = m;
                bestUtility = u;
            }
        }
        if (best < 0) {
            throw new IllegalArgumentException("no model has a finite utility");
        }
        return best;
    }
}
