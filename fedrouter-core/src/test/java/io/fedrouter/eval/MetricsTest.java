package io.fedrouter.eval;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MetricsTest {

    private static final double EPS = 1e-12;

    private static Frontier f(double... costAcc) {
        double[] c = new double[costAcc.length / 2];
        double[] a = new double[costAcc.length / 2];
        for (int k = 0; k < c.length; k++) {
            c[k] = costAcc[2 * k];
            a[k] = costAcc[2 * k + 1];
        }
        return Frontier.of(c, a);
    }

    @Test
    void aucOfThreePointsByHand() {
        // area = 1·(0.5+0.7)/2 + 2·(0.7+0.8)/2 = 0.6 + 1.5 = 2.1; range 3
        assertEquals(0.7, Metrics.normalizedAuc(f(0, 0.5, 1, 0.7, 3, 0.8)), EPS);
    }

    @Test
    void aucSortsByCostWhateverTheLambdaOrder() {
        assertEquals(0.7, Metrics.normalizedAuc(f(3, 0.8, 0, 0.5, 1, 0.7)), EPS);
    }

    @Test
    void aucFollowsConcaveViolatingPoint() {
        // extra (2, 0.72): 0.6 + 0.71 + 0.76 = 2.07 over range 3
        assertEquals(0.69, Metrics.normalizedAuc(f(0, 0.5, 1, 0.7, 2, 0.72, 3, 0.8)), EPS);
    }

    @Test
    void aucOfSinglePointOrZeroRangeIsTheAccuracy() {
        assertEquals(0.42, Metrics.normalizedAuc(Frontier.of(0.3, 0.42)), EPS);
        assertEquals(0.6, Metrics.normalizedAuc(f(2, 0.4, 2, 0.6)), EPS);
    }

    @Test
    void aiqEqualsAucOnConcaveCurveStartingAtZero() {
        assertEquals(0.7, Metrics.aiq(f(0, 0.5, 1, 0.7, 3, 0.8)), EPS);
    }

    @Test
    void aiqExcludesConcaveViolatingPoint() {
        // (2, 0.72) lies below the chord (1,0.7)-(3,0.8), which is 0.75 at cost 2
        Frontier withDip = f(0, 0.5, 1, 0.7, 2, 0.72, 3, 0.8);
        assertEquals(List.of(new Frontier.Point(0, 0.5), new Frontier.Point(1, 0.7), new Frontier.Point(3, 0.8)),
                Metrics.nonDecreasingHull(withDip));
        assertEquals(0.7, Metrics.aiq(withDip), EPS);
    }

    @Test
    void aiqStaysFlatAfterTheBestPoint() {
        // hull area 2.1, then flat at 0.8 from 3 to 4: (2.1 + 0.8) / 4; AUC falls instead: (2.1 + 0.7) / 4
        Frontier falling = f(0, 0.5, 1, 0.7, 3, 0.8, 4, 0.6);
        assertEquals(0.725, Metrics.aiq(falling), EPS);
        assertEquals(0.7, Metrics.normalizedAuc(falling), EPS);
    }

    @Test
    void aiqExtendsFlatToASharedLargestCost() {
        // (2.1 + 3·0.8) / 6
        assertEquals(0.75, Metrics.aiq(f(0, 0.5, 1, 0.7, 3, 0.8), 6), EPS);
        assertThrows(IllegalArgumentException.class, () -> Metrics.aiq(f(0, 0.5, 3, 0.8), 2));
    }

    @Test
    void singlePointAiqNeedsASharedAxis() {
        Frontier router = f(0, 0.5, 1, 0.7, 3, 0.8);
        Frontier single = Frontier.of(2, 0.6);
        assertEquals(0.0, Metrics.aiq(single), EPS);
        double c = Metrics.maxCost(List.of(router, single));
        assertEquals(3.0, c);
        // flat at 0.6 from 2 to 3, over 3
        assertEquals(0.2, Metrics.aiq(single, c), EPS);
    }

    @Test
    void aiqCountsNothingBelowTheCheapestPoint() {
        // hull starts at the highest point of cost 1: (1·(0.6+0.8)/2) / 2
        assertEquals(0.35, Metrics.aiq(f(1, 0.4, 1, 0.6, 2, 0.8)), EPS);
        assertEquals(0.7, Metrics.normalizedAuc(f(1, 0.6, 2, 0.8)), EPS);
    }

    @Test
    void aiqOfAllFreePointsIsTheBestAccuracy() {
        assertEquals(0.9, Metrics.aiq(f(0, 0.3, 0, 0.9)), EPS);
    }

    @Test
    void apgrAndCptByHand() {
        // weak 0.5, strong 0.9; router at share 0.5 scores 0.8 → PGR 0.75.
        // Curve (0,0) (0.5,0.75) (1,1): APGR = 0.5·0.75/2 + 0.5·1.75/2 = 0.625
        CallShareCurve curve = new CallShareCurve(0.5, 0.9, new double[] {0.5}, new double[] {0.8});
        assertEquals(0.625, Metrics.apgr(curve), EPS);
        assertEquals(1.0 / 3, Metrics.cpt(curve, 0.5), EPS);
        assertEquals(0.6, Metrics.cpt(curve, 0.8), EPS);
        assertEquals(0.0, Metrics.cpt(curve, 0.0), EPS);
    }

    @Test
    void apgrOfRandomMixingIsOneHalf() {
        // a router that mixes weak and strong without skill lies on the diagonal
        CallShareCurve diagonal = new CallShareCurve(0.2, 0.6, new double[] {0.25, 0.5, 0.75}, new double[] {0.3, 0.4, 0.5});
        assertEquals(0.5, Metrics.apgr(diagonal), EPS);
        assertEquals(0.8, Metrics.cpt(diagonal, 0.8), EPS);
    }

    @Test
    void apgrNeedsAGap() {
        CallShareCurve flat = new CallShareCurve(0.5, 0.5, new double[] {0.5}, new double[] {0.5});
        assertThrows(IllegalArgumentException.class, () -> Metrics.apgr(flat));
    }
}
