package io.fedrouter.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * An accuracy-cost curve: the (mean true cost, mean true score) a router reaches on a test set, one point per
 * routing trade-off λ, in λ order (SPEC §7). Baselines that have no trade-off are a frontier of one point.
 *
 * @param points the operating points, in λ order
 */
public record Frontier(List<Point> points) {

    /** One operating point: mean cost per query in USD and mean score in [0,1]. */
    public record Point(double cost, double accuracy) {

        public Point {
            if (!Double.isFinite(cost) || !Double.isFinite(accuracy)) {
                throw new IllegalArgumentException("point must be finite: cost " + cost + ", accuracy " + accuracy);
            }
        }
    }

    /** Orders by cost, then by accuracy, so equal-cost points rise vertically. */
    static final Comparator<Point> BY_COST = Comparator.comparingDouble(Point::cost).thenComparingDouble(Point::accuracy);

    public Frontier {
        Objects.requireNonNull(points, "points");
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a frontier needs at least one point");
        }
        points = List.copyOf(points);
    }

    /** A frontier of one operating point, for baselines such as the oracle or a single model. */
    public static Frontier of(double cost, double accuracy) {
        return new Frontier(List.of(new Point(cost, accuracy)));
    }

    /** A frontier from parallel arrays of costs and accuracies. */
    public static Frontier of(double[] cost, double[] accuracy) {
        if (cost.length != accuracy.length) {
            throw new IllegalArgumentException("lengths differ: cost " + cost.length + " != accuracy " + accuracy.length);
        }
        List<Point> pts = new ArrayList<>(cost.length);
        for (int i = 0; i < cost.length; i++) {
            pts.add(new Point(cost[i], accuracy[i]));
        }
        return new Frontier(pts);
    }

    public int size() {
        return points.size();
    }

    /** The points sorted by cost, ties by accuracy (both ascending). */
    public List<Point> sortedByCost() {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(BY_COST);
        return sorted;
    }

    public double minCost() {
        return points.stream().mapToDouble(Point::cost).min().orElseThrow();
    }

    public double maxCost() {
        return points.stream().mapToDouble(Point::cost).max().orElseThrow();
    }

    public double minAccuracy() {
        return points.stream().mapToDouble(Point::accuracy).min().orElseThrow();
    }

    public double maxAccuracy() {
        return points.stream().mapToDouble(Point::accuracy).max().orElseThrow();
    }
}
