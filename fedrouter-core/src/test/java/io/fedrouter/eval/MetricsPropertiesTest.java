package io.fedrouter.eval;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsPropertiesTest {

    private static final double EPS = 1e-9;

    @Provide
    Arbitrary<Frontier> frontiers() {
        Arbitrary<Frontier.Point> point = Combinators.combine(
                Arbitraries.doubles().between(0, 10), Arbitraries.doubles().between(0, 1)).as(Frontier.Point::new);
        return point.list().ofMinSize(1).ofMaxSize(40).map(Frontier::new);
    }

    @Property(tries = 200)
    void constantAccuracyGivesThatAccuracy(@ForAll("frontiers") Frontier shape, @ForAll @DoubleRange(min = 0, max = 1) double a) {
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

    @Property(tries = 300)
    void aucLiesWithinTheAccuracyRange(@ForAll("frontiers") Frontier f) {
        double auc = Metrics.normalizedAuc(f);
        assertTrue(auc >= f.minAccuracy() - EPS && auc <= f.maxAccuracy() + EPS, "auc " + auc);
    }

    @Property(tries = 300)
    void hullIsNonDecreasingAndCoversEveryPoint(@ForAll("frontiers") Frontier f) {
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

    @Property(tries = 300)
    void aiqIsBoundedAndDominatesAuc(@ForAll("frontiers") Frontier f) {
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

    @Property(tries = 300)
    void aiqIgnoresDominatedPoints(@ForAll("frontiers") Frontier f, @ForAll @IntRange(min = 0, max = 39) int which,
                                   @ForAll @DoubleRange(min = 0, max = 1) double dx,
                                   @ForAll @DoubleRange(min = 0, max = 1) double dy) {
        Frontier.Point p = f.points().get(which % f.size());
        // costs at least p's (but within the curve's range), accuracy at most p's
        Frontier.Point dominated = new Frontier.Point(p.cost() + dx * (f.maxCost() - p.cost()), p.accuracy() * dy);
        List<Frontier.Point> more = new ArrayList<>(f.points());
        more.add(dominated);
        assertEquals(Metrics.aiq(f), Metrics.aiq(new Frontier(more)), EPS);
    }

    @Property(tries = 100)
    void logSpacedIsIncreasingWithExactEnds(@ForAll @DoubleRange(min = 1e-6, max = 1) @Scale(8) double lo,
                                            @ForAll @DoubleRange(min = 1, max = 1e8) double hi,
                                            @ForAll @IntRange(min = 2, max = 200) int n) {
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
