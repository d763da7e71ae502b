package io.fedrouter.router.kmeans;

import io.fedrouter.federation.ClientApp;
import io.fedrouter.federation.FederationException;
import io.fedrouter.federation.InMemoryGrid;
import io.fedrouter.federation.Message;
import io.fedrouter.federation.RecordDict;
import io.fedrouter.federation.RouterClientApp;
import io.fedrouter.federation.ServerLoop;
import io.fedrouter.federation.Strategy;
import io.fedrouter.federation.Tensor;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FederatedKMeansTest {

    private static final List<String> MODELS = List.of("a", "b", "c");
    private static final double[][] BLOBS = {{0, 0, 0}, {8, 0, 0}, {0, 8, 0}};
    private static final int PER_BLOB = 40;

    /** Three clients, each holding one contiguous slice of each blob, so every client sees every blob. */
    private static List<LabeledSet> clients() {
        SplittableRandom rng = new SplittableRandom(17);
        float[][] x = Blobs.points(BLOBS, PER_BLOB, 1.0, rng);
        int[] cuts = {0, 10, 25, PER_BLOB};
        List<LabeledSet> out = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            List<float[]> rows = new ArrayList<>();
            for (int b = 0; b < BLOBS.length; b++) {
                for (int i = cuts[c]; i < cuts[c + 1]; i++) {
                    rows.add(x[b * PER_BLOB + i]);
                }
            }
            out.add(Blobs.sparse(rows.toArray(new float[0][]), MODELS.size(), rng));
        }
        return out;
    }

    private static KMeansFamily family() {
        return new KMeansFamily(Map.of("k-local", "4", "k-global", "3"));
    }

    private static Router run(Strategy<Router> strategy, Map<Integer, ClientApp> apps, int threads) {
        try (InMemoryGrid grid = new InMemoryGrid(apps, threads)) {
            return ServerLoop.run(strategy, grid, new SplittableRandom(1));
        }
    }

    private static Map<Integer, ClientApp> apps(List<LabeledSet> data, KMeansFamily f) {
        Map<Integer, ClientApp> apps = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            apps.put(i, new RouterClientApp(data.get(i), List.of(f)));
        }
        return apps;
    }

    @Test
    void twoPassStatisticsEqualPooledStatisticsUnderTheSameCenters() {
        List<LabeledSet> data = clients();
        KMeansFamily f = family();
        Map<Integer, ClientApp> apps = apps(data, f);
        apps.put(3, new RouterClientApp(new LabeledSet(new float[0][], new double[0][], new double[0][]), List.of(f)));

        KMeansRouter r = (KMeansRouter) run(f.federated(MODELS, 3, 5), apps, 2);

        LabeledSet pooled = LabeledSet.concat(data);
        KMeansRouter expected = CellStats.of(pooled, r.centers(), MODELS.size()).toRouter(MODELS, r.centers(), r.fallback(), 0);
        assertArrayEquals(expected.counts(), r.counts());
        for (int c = 0; c < r.centers().k(); c++) {
            assertArrayEquals(expected.meanAccuracy()[c], r.meanAccuracy()[c], 1e-12, "accuracy of cluster " + c);
            assertArrayEquals(expected.meanCost()[c], r.meanCost()[c], 1e-12, "cost of cluster " + c);
        }
        assertArrayEquals(expected.globalAccuracy(), r.globalAccuracy(), 1e-12);
        assertArrayEquals(expected.globalCost(), r.globalCost(), 1e-12);
        long total = 0;
        for (long[] row : r.counts()) {
            for (long v : row) {
                total += v;
            }
        }
        assertEquals(pooled.observedCells(), total);
    }

    @Test
    void globalCentersRecoverTheBlobMeans() {
        List<LabeledSet> data = clients();
        KMeansFamily f = family();

        KMeansRouter r = (KMeansRouter) run(f.federated(MODELS, 3, 5), apps(data, f), 2);

        // the size-weighted mean of a blob's local centroids is the blob's pooled mean (up to float rounding)
        LabeledSet pooled = LabeledSet.concat(data);
        assertEquals(3, r.centers().k());
        for (int b = 0; b < BLOBS.length; b++) {
            List<float[]> members = new ArrayList<>();
            for (float[] x : pooled.x()) {
                if (Blobs.dist(BLOBS[b], new double[] {x[0], x[1], x[2]}) < 3) {
                    members.add(x);
                }
            }
            assertEquals(PER_BLOB, members.size());
            double[] mean = Blobs.mean(members.toArray(new float[0][]), 0, PER_BLOB);
            int j = r.centers().nearest(new float[] {(float) BLOBS[b][0], (float) BLOBS[b][1], (float) BLOBS[b][2]});
            assertArrayEquals(mean, r.centers().row(j), 1e-5, "blob " + b);
        }
    }

    @Test
    void badAndFailingRepliesAreSkippedAndCounted() {
        List<LabeledSet> data = clients();
        KMeansFamily f = family();
        Map<Integer, ClientApp> apps = apps(data, f);
        apps.put(7, in -> {
            throw new IllegalStateException("disk on fire");
        });
        apps.put(8, in -> in.type().equals(FederatedKMeans.CENTROIDS)
                ? in.reply(RecordDict.builder()
                        .array("centroids", new Tensor(new int[] {1, 3}, new double[] {0, Double.NaN, 0}))
                        .array("sizes", Tensor.vector(new double[] {5})).build())
                : in.reply(RecordDict.builder().array("count", Tensor.vector(new double[] {1})).build()));
        FederatedKMeans withFaults = (FederatedKMeans) f.federated(MODELS, 3, 5);

        KMeansRouter r = (KMeansRouter) run(withFaults, apps, 2);
        KMeansRouter clean = (KMeansRouter) run(f.federated(MODELS, 3, 5), apps(data, f), 2);

        assertEquals(2, withFaults.failed());
        assertEquals(2, withFaults.invalid());
        assertEquals(4, withFaults.rejections().size());
        assertTrue(withFaults.rejections().get(0).contains("disk on fire"), withFaults.rejections().toString());
        assertArrayEquals(clean.centers().rows(), r.centers().rows());
        assertArrayEquals(clean.counts(), r.counts());
    }

    @Test
    void sameSeedSameRouterWhateverTheThreadCount() {
        List<LabeledSet> data = clients();
        KMeansFamily f = family();

        KMeansRouter a = (KMeansRouter) run(f.federated(MODELS, 3, 9), apps(data, f), 1);
        KMeansRouter b = (KMeansRouter) run(f.federated(MODELS, 3, 9), apps(data, f), 2);

        assertArrayEquals(a.centers().rows(), b.centers().rows());
        assertArrayEquals(a.counts(), b.counts());
    }

    @Test
    void noValidReplyOrNoDataFailsTheRun() {
        KMeansFamily f = family();
        Map<Integer, ClientApp> failing = Map.of(0, in -> in.replyError("nope"), 1, in -> in.replyError("nope"));
        FederationException e = assertThrows(FederationException.class, () -> run(f.federated(MODELS, 3, 1), failing, 1));
        assertTrue(e.getMessage().contains("2 failed"), e.getMessage());

        LabeledSet empty = new LabeledSet(new float[0][], new double[0][], new double[0][]);
        e = assertThrows(FederationException.class, () -> run(f.federated(MODELS, 3, 1), apps(List.of(empty, empty), f), 1));
        assertTrue(e.getMessage().contains("no client holds any training data"), e.getMessage());
    }

    @Test
    void clientWithoutDataRepliesEmptyCentroidsAndZeroStatistics() {
        KMeansFamily f = family();
        LabeledSet empty = new LabeledSet(new float[0][], new double[0][], new double[0][]);
        FederatedKMeans s = (FederatedKMeans) f.federated(MODELS, 3, 1);
        Message round0 = s.configure(0, List.of(0), new SplittableRandom(1)).get(0);

        Message c = f.handle(round0, empty);
        Message st = f.handle(Message.of(FederatedKMeans.STATS, 0, 1, RecordDict.builder()
                .array("centers", new Tensor(new int[] {2, 3}, new double[6])).config("models", 3).config("dim", 3).build()), empty);

        assertArrayEquals(new int[] {0, 3}, c.content().array("centroids").shape());
        assertArrayEquals(new int[] {0}, c.content().array("sizes").shape());
        assertArrayEquals(new int[] {2, 3}, st.content().array("count").shape());
        assertArrayEquals(new double[6], st.content().array("score-sum").data());
        assertArrayEquals(new double[3], st.content().array("model-count").data());
    }

    @Test
    void clientRejectsADimensionMismatch() {
        KMeansFamily f = family();
        FederatedKMeans s = (FederatedKMeans) f.federated(MODELS, 5, 1);
        Message round0 = s.configure(0, List.of(0), new SplittableRandom(1)).get(0);

        Message reply = new RouterClientApp(clients().get(0), List.of(f)).handle(round0);

        assertTrue(reply.failed());
        assertTrue(reply.error().contains("dimension 3"), reply.error());
    }
}
