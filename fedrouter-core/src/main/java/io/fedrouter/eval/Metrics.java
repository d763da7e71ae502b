package io.fedrouter.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Scalar summaries of accuracy-cost frontiers (SPEC §7).
 *
 * <ul>
 *   <li><b>Normalized AUC</b>, the metric of "Federate the Router" (Askin et al., arXiv 2601.22318): with the points
 *   sorted by cost (ties by accuracy), {@code AUC = Σ_k (c_{k+1} − c_k)(a_k + a_{k+1})/2 / (c_max − c_min)}, the mean
 *   accuracy of the piecewise-linear curve over its own cost range.</li>
 *   <li><b>AIQ</b>, from RouterBench (Hu et al., "RouterBench: A Benchmark for Multi-LLM Routing System", 2024):
 *   {@code AIQ = (1/C) ∫_{c_min}^{C} H(c) dc}, where {@code H} is the non-decreasing upper convex hull of the points
 *   extended flat from its highest point to {@code C}, and {@code C} is the largest cost (by default the curve's
 *   own; pass the largest over all compared routers to put them on one axis, as RouterBench does). The area from 0
 *   to {@code c_min} counts as zero, exactly as in RouterBench, so a router that cannot be cheap is penalised.</li>
 *   <li><b>APGR</b> and <b>CPT</b> for two-model pools, from RouteLLM (Ong et al., "RouteLLM: Learning to Route LLMs
 *   with Preference Data", 2024): on the axis {@code s} = share of calls to the strong model,
 *   {@code PGR = (a − a_weak)/(a_strong − a_weak)}; {@code APGR = ∫_0^1 PGR(s) ds} and {@code CPT(x)} is the
 *   smallest {@code s} with {@code PGR(s) ≥ x}.</li>
 * </ul>
 */
public final class Metrics {

    private Metrics() {
    }

    /**
     * The paper's normalized AUC. A single point, or a curve whose points all share one cost, has no cost range to
     * normalize by; it returns its highest accuracy, the value the area would tend to if the range shrank to zero.
     */
    public static double normalizedAuc(Frontier frontier) {
        List<Frontier.Point> pts = frontier.sortedByCost();
        double range = pts.get(pts.size() - 1).cost() - pts.get(0).cost();
        if (pts.size() == 1 || range == 0) {
            return frontier.maxAccuracy();
        }
        return trapezoid(pts) / range;
    }

    /**
     * RouterBench's AIQ with the curve's own largest cost as {@code C}. On its own axis a single point covers no cost
     * range and scores 0; to compare routers, and baselines in particular, use {@link #aiq(Frontier, double)} with
     * {@link #maxCost(Collection)} of all of them, as RouterBench does.
     */
    public static double aiq(Frontier frontier) {
        return aiq(frontier, frontier.maxCost());
    }

    /**
     * RouterBench's AIQ with an explicit largest cost {@code C}, which must cover the curve. When {@code C} is 0 (every
     * point free) there is no axis to average over and the hull's highest accuracy is returned.
     *
     * @throws IllegalArgumentException when a cost is negative or {@code maxCost} is below the curve's largest cost
     */
    public static double aiq(Frontier frontier, double maxCost) {
        if (frontier.minCost() < 0) {
            throw new IllegalArgumentException("AIQ needs non-negative costs, min cost " + frontier.minCost());
        }
        if (!(maxCost >= frontier.maxCost()) || Double.isInfinite(maxCost)) {
            throw new IllegalArgumentException("maxCost " + maxCost + " must be finite and >= the curve's largest cost "
                    + frontier.maxCost());
        }
        List<Frontier.Point> hull = nonDecreasingHull(frontier);
        Frontier.Point last = hull.get(hull.size() - 1);
        if (maxCost == 0) {
            return last.accuracy();
        }
        double area = trapezoid(hull) + (maxCost - last.cost()) * last.accuracy();
        return area / maxCost;
    }

    /** The largest cost over several frontiers: the common {@code C} that puts their AIQs on one axis. */
    public static double maxCost(Collection<Frontier> frontiers) {
        if (frontiers.isEmpty()) {
            throw new IllegalArgumentException("no frontiers");
        }
        return frontiers.stream().mapToDouble(Frontier::maxCost).max().orElseThrow();
    }

    /**
     * The non-decreasing upper convex hull of the points, sorted by cost: Andrew's monotone chain (O(n log n)) over
     * the highest point per cost, cut at its first highest vertex (past it the concave hull can only fall, and a
     * user would rather pay more for the same accuracy than less for a worse one, so the hull stays flat there).
     * Collinear middle points are dropped.
     */
    public static List<Frontier.Point> nonDecreasingHull(Frontier frontier) {
        Frontier.Point[] pts = frontier.points().toArray(new Frontier.Point[0]);
        // cost ascending, accuracy descending: the first point of each cost is its highest
        Arrays.sort(pts, (p, q) -> p.cost() != q.cost() ? Double.compare(p.cost(), q.cost())
                : Double.compare(q.accuracy(), p.accuracy()));
        List<Frontier.Point> hull = new ArrayList<>();
        for (int k = 0; k < pts.length; k++) {
            Frontier.Point p = pts[k];
            if (k > 0 && p.cost() == pts[k - 1].cost()) {
                continue;
            }
            // pop while the last vertex is not strictly above the chord to p (not a clockwise turn)
            while (hull.size() >= 2 && cross(hull.get(hull.size() - 2), hull.get(hull.size() - 1), p) >= 0) {
                hull.remove(hull.size() - 1);
            }
            hull.add(p);
        }
        int top = 0;
        for (int k = 1; k < hull.size(); k++) {
            if (hull.get(k).accuracy() > hull.get(top).accuracy()) {
                top = k;
            }
        }
        return List.copyOf(hull.subList(0, top + 1));
    }

    /**
     * RouteLLM's average performance gap recovered: the area under PGR over the strong-call share in [0,1]. The
     * curve is the router's operating points, sorted by share (ties by PGR), anchored at (0, 0) and (1, 1): always
     * calling the weak, resp. strong, model is an operating point of every two-model router. Between points the
     * curve is linear, which a router reaches by mixing its two neighbouring thresholds at random.
     *
     * @throws IllegalArgumentException when the strong model is not better than the weak one
     */
    public static double apgr(CallShareCurve curve) {
        double[][] pgr = pgrCurve(curve);
        double area = 0;
        for (int k = 1; k < pgr[0].length; k++) {
            area += (pgr[0][k] - pgr[0][k - 1]) * (pgr[1][k] + pgr[1][k - 1]) / 2;
        }
        return area;
    }

    /**
     * RouteLLM's call-performance threshold: the smallest share of strong calls at which the (piecewise-linear, see
     * {@link #apgr}) PGR curve reaches {@code fraction} of the weak-to-strong gap, e.g. 0.5 for CPT(50%).
     */
    public static double cpt(CallShareCurve curve, double fraction) {
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0,1]: " + fraction);
        }
        double[][] pgr = pgrCurve(curve);
        double[] s = pgr[0];
        double[] p = pgr[1];
        if (p[0] >= fraction) {
            return s[0];
        }
        for (int k = 1; k < s.length; k++) {
            if (p[k] >= fraction) {
                return s[k - 1] + (fraction - p[k - 1]) / (p[k] - p[k - 1]) * (s[k] - s[k - 1]);
            }
        }
        // unreachable: the (1, 1) anchor always reaches any fraction <= 1
        throw new IllegalStateException("PGR curve never reaches " + fraction);
    }

    /** Rows: share, PGR; sorted by share then PGR, with the (0,0) and (1,1) anchors. */
    private static double[][] pgrCurve(CallShareCurve curve) {
        double gap = curve.strongAccuracy() - curve.weakAccuracy();
        if (!(gap > 0)) {
            throw new IllegalArgumentException("strong accuracy " + curve.strongAccuracy()
                    + " must exceed weak accuracy " + curve.weakAccuracy());
        }
        int n = curve.strongShare().length;
        double[][] pts = new double[n + 2][];
        pts[0] = new double[] {0, 0};
        pts[n + 1] = new double[] {1, 1};
        for (int k = 0; k < n; k++) {
            pts[k + 1] = new double[] {curve.strongShare()[k], (curve.accuracy()[k] - curve.weakAccuracy()) / gap};
        }
        Arrays.sort(pts, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
        double[][] out = new double[2][n + 2];
        for (int k = 0; k < n + 2; k++) {
            out[0][k] = pts[k][0];
            out[1][k] = pts[k][1];
        }
        return out;
    }

    private static double trapezoid(List<Frontier.Point> sorted) {
        double area = 0;
        for (int k = 1; k < sorted.size(); k++) {
            Frontier.Point a = sorted.get(k - 1);
            Frontier.Point b = sorted.get(k);
            area += (b.cost() - a.cost()) * (a.accuracy() + b.accuracy()) / 2;
        }
        return area;
    }

    /** z-component of (a − o) × (b − o); negative for a clockwise turn o → a → b. */
    private static double cross(Frontier.Point o, Frontier.Point a, Frontier.Point b) {
        return (a.cost() - o.cost()) * (b.accuracy() - o.accuracy()) - (a.accuracy() - o.accuracy()) * (b.cost() - o.cost());
    }
}
