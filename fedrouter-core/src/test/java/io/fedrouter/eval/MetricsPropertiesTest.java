package io.fedrouter.eval;

import io.fedrouter.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invariants of the metrics on random frontiers, one seeded case per parameter. */
class MetricsPropertiesTest {

    private static final double EPS = 1e-9;

    static LongStream seeds() {
        return Seeds.of(300);
    }

    /** 1..40 points with cost in [0,10] and accuracy in [0,1]; costs sometimes repeat. */
    private static Frontier frontier(SplittableRandom r) {
        int n = 1 + r.nextInt(40);
        List<Frontier.Point> pts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double cost = r.nextInt(5) == 0 && !pts.isEmpty() ? pts.get(r.nextInt(pts.size())).cost() : 10 * r.nextDouble();
            pts.add(new Frontier.Point(cost, r.nextDouble()));
        }
        return new Frontier(pts);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void constantAccuracyGivesThatAccuracy(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Frontier shape = frontier(r);
        double a = r.nextDouble();
        List<Frontier.Point> flat = new ArrayList<>();
        for (Frontier.Point p : shape.points()) {
            flat.add(new Frontier.Point(p.cost(), a));
        }
        Frontier f = new Frontier(flat);
        assertEquals(a, Metrics.normalizedAuc(f), EPS);
        double c = f.maxCost();
        double expectedAiq = c == 0 ? a : a * (c - f.minCost()) / c;
        assertEquals(expectedAiq, Metrics.aiq(f), EPS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aucLiesWithinTheAccuracyRange(long seed) {
        Frontier f = frontier(new SplittableRandom(seed));
        double auc = Metrics.normalizedAuc(f);
        assertTrue(auc >= f.minAccuracy() - EPS && auc <= f.maxAccuracy() + EPS, "auc " + auc);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void hullIsNonDecreasingAndCoversEveryPoint(long seed) {
        Frontier f = frontier(new SplittableRandom(seed));
        List<Frontier.Point> hull = Metrics.nonDecreasingHull(f);
        for (int k = 1; k < hull.size(); k++) {
            assertTrue(hull.get(k).cost() > hull.get(k - 1).cost());
            assertTrue(hull.get(k).accuracy() >= hull.get(k - 1).accuracy());
        }
        assertEquals(f.minCost(), hull.get(0).cost());
        assertEquals(f.maxAccuracy(), hull.get(hull.size() - 1).accuracy());
        for (Frontier.Point p : f.points()) {
            assertTrue(hullAt(hull, p.cost()) >= p.accuracy() - EPS, "point " + p + " above hull " + hull);
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aiqIsBoundedAndDominatesAuc(long seed) {
        Frontier f = frontier(new SplittableRandom(seed));
        double c = f.maxCost();
        if (c == 0) {
            return;
        }
        double coverage = (c - f.minCost()) / c;
        double aiq = Metrics.aiq(f);
        assertTrue(aiq >= f.minAccuracy() * coverage - EPS && aiq <= f.maxAccuracy() * coverage + EPS, "aiq " + aiq);
        // the hull lies above the piecewise-linear curve on [c_min, c_max]
        assertTrue(aiq >= Metrics.normalizedAuc(f) * coverage - EPS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aiqIgnoresDominatedPoints(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Frontier f = frontier(r);
        int which = r.nextInt(40);
        double dx = r.nextDouble();
        double dy = r.nextDouble();
        Frontier.Point p = f.points().get(which % f.size());
        // costs at least p's (but within the curve's range), accuracy at most p's
        Frontier.Point dominated = new Frontier.Point(p.cost() + dx * (f.maxCost() - p.cost()), p.accuracy() * dy);
        List<Frontier.Point> more = new ArrayList<>(f.points());
        more.add(dominated);
        assertEquals(Metrics.aiq(f), Metrics.aiq(new Frontier(more)), EPS);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void logSpacedIsIncreasingWithExactEnds(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double lo = Math.pow(10, -6 * r.nextDouble());
        double hi = Math.pow(10, 8 * r.nextDouble());
        int n = 2 + r.nextInt(199);
        double[] l = LambdaSweep.logSpaced(lo, hi, n);
        assertEquals(n, l.length);
        assertEquals(lo, l[0]);
        assertEquals(hi, l[n - 1]);
        for (int k = 1; k < n; k++) {
            assertTrue(l[k] >= l[k - 1]);
        }
    }

    private static double hullAt(List<Frontier.Point> hull, double x) {
        Frontier.Point last = hull.get(hull.size() - 1);
        if (x >= last.cost()) {
            return last.accuracy();
        }
        for (int k = 1; k < hull.size(); k++) {
            Frontier.Point a = hull.get(k - 1);
            Frontier.Point b = hull.get(k);
            if (x <= b.cost()) {
                return a.accuracy() + (x - a.cost()) / (b.cost() - a.cost()) * (b.accuracy() - a.accuracy());
            }
        }
        throw new AssertionError("unreachable");
    }
}
