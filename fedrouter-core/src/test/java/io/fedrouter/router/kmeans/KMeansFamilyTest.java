package io.fedrouter.router.kmeans;

import io.fedrouter.federation.Message;
import io.fedrouter.federation.RecordDict;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.RouterFamily;
import io.fedrouter.router.RouterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KMeansFamilyTest {

    private static final double N = Double.NaN;
    // two far apart groups of three points; one observed model per row
    private static final LabeledSet DATA = new LabeledSet(
            new float[][] {{0, 0}, {0, 1}, {1, 0}, {10, 10}, {10, 11}, {11, 10}},
            new double[][] {{1.0, N}, {0.0, N}, {N, 0.5}, {0.4, N}, {N, 1.0}, {N, 0.0}},
            new double[][] {{0.1, N}, {0.3, N}, {N, 2.0}, {0.2, N}, {N, 4.0}, {N, 2.0}});
    private static final List<String> MODELS = List.of("A", "B");

    @Test
    void defaultsAndOverridesAreReportedInSettings() {
        assertEquals(Map.of("k-local", 15, "k-global", 20, "restarts", 3, "max-iter", 30, "tol", 1e-4,
                "k-centralized", 30, "k-client", 8, "fallback", "global-mean", "prior", 10.0), new KMeansFamily().settings());

        RouterFamily f = RouterRegistry.create("kmeans", Map.of("k-global", "12", "fallback", "paper", "tol", "0"));

        assertInstanceOf(KMeansFamily.class, f);
        assertEquals(12, f.settings().get("k-global"));
        assertEquals("paper", f.settings().get("fallback"));
        assertEquals(0.0, f.settings().get("tol"));
        assertEquals(List.copyOf(KMeansFamily.DEFAULTS.keySet()), List.copyOf(f.settings().keySet()));
    }

    @Test
    void unknownOrBadOptionsAreRejectedClearly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new KMeansFamily(Map.of("k_local", "3")));
        assertTrue(e.getMessage().contains("'k_local'") && e.getMessage().contains("k-local") && e.getMessage().contains("fallback"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KMeansFamily(Map.of("k-global", "0")));
        assertTrue(e.getMessage().contains("k-global must be >= 1: 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new KMeansFamily(Map.of("restarts", "three")));
        assertTrue(e.getMessage().contains("'three'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new KMeansFamily(Map.of("tol", "-1")));
        assertThrows(IllegalArgumentException.class, () -> new KMeansFamily(Map.of("fallback", "zero")));
    }

    @Test
    void centralizedTrainingGathersPerCellMeans() {
        KMeansFamily f = new KMeansFamily(Map.of("k-centralized", "2"));

        KMeansRouter r = (KMeansRouter) f.train(DATA, MODELS, RouterFamily.Scope.CENTRALIZED, 1);

        assertEquals(2, r.centers().k());
        int low = r.centers().nearest(new float[] {0, 0});
        int high = 1 - low;
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3}, r.centers().row(low), 1e-7);
        assertArrayEquals(new double[] {0.5, 0.5}, r.meanAccuracy()[low], 1e-12);
        assertArrayEquals(new double[] {0.2, 2.0}, r.meanCost()[low], 1e-12);
        assertArrayEquals(new long[] {2, 1}, r.counts()[low]);
        assertArrayEquals(new double[] {0.4, 0.5}, r.meanAccuracy()[high], 1e-12);
        assertArrayEquals(new double[] {0.2, 3.0}, r.meanCost()[high], 1e-12);
        assertArrayEquals(new long[] {1, 2}, r.counts()[high]);
        assertArrayEquals(new double[] {1.4 / 3, 0.5}, r.globalAccuracy(), 1e-12);
        assertArrayEquals(new double[] {0.2, 8.0 / 3}, r.globalCost(), 1e-12);
    }

    @Test
    void localScopeUsesKClient() {
        KMeansFamily f = new KMeansFamily(Map.of("k-client", "1", "k-centralized", "2"));

        KMeansRouter r = (KMeansRouter) f.train(DATA, MODELS, RouterFamily.Scope.LOCAL, 1);

        assertEquals(1, r.centers().k());
        assertArrayEquals(r.globalAccuracy(), r.meanAccuracy()[0], 1e-12);
        assertArrayEquals(r.globalCost(), r.meanCost()[0], 1e-12);
    }

    @Test
    void kLargerThanTheDataShrinksToTheNumberOfPoints() {
        KMeansRouter r = (KMeansRouter) new KMeansFamily().train(DATA, MODELS, RouterFamily.Scope.CENTRALIZED, 3);

        assertEquals(6, r.centers().k());
    }

    @Test
    void handleRejectsForeignMessageTypesAsErrorReplies() {
        Message in = Message.of("kmeans.bogus", 4, 0, RecordDict.empty());

        Message out = new KMeansFamily().handle(in, DATA);

        assertTrue(out.failed());
        assertTrue(out.error().contains("kmeans.centroids"), out.error());
    }
}
