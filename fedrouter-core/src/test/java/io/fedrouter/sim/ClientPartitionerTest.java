package io.fedrouter.sim;

import io.fedrouter.data.Dataset;
import io.fedrouter.data.Query;
import io.fedrouter.synth.SyntheticBenchmark;
import io.fedrouter.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientPartitionerTest {

    private static final Dataset WORLD = new SyntheticBenchmark(new SyntheticBenchmark.Config(400, 4, 5, 8, 2), 3).generate();

    static LongStream seeds() {
        return Seeds.of(40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void everyQueryLandsInExactlyOneClientAndOneSide(long seed) {
        SplittableRandom cases = new SplittableRandom(seed);
        int clients = 1 + cases.nextInt(40);
        double alpha = Math.exp(Math.log(0.01) + cases.nextDouble() * Math.log(500));
        double beta = 0.05 + 3 * cases.nextDouble();
        Partition p = ClientPartitioner.partition(WORLD,
                new ClientPartitioner.Config(clients, alpha, beta, 0.75), new SplittableRandom(seed));

        assertEquals(clients, p.clients().size());
        Set<String> seen = new HashSet<>();
        for (ClientData c : p.clients()) {
            for (Query q : c.train()) {
                assertTrue(seen.add(q.id()), "query twice: " + q.id());
            }
            for (Query q : c.test()) {
                assertTrue(seen.add(q.id()), "query twice: " + q.id());
            }
        }
        assertEquals(WORLD.size(), seen.size());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void trainKeepsOneObservedModelAndTestKeepsAll(long seed) {
        int clients = 1 + (int) Math.floorMod(seed, 20L);
        Partition p = ClientPartitioner.partition(WORLD, ClientPartitioner.Config.paperDefaults(clients), new SplittableRandom(seed));

        Map<String, Query> original = new HashMap<>();
        WORLD.queries().forEach(q -> original.put(q.id(), q));
        for (ClientData c : p.clients()) {
            for (Query q : c.train()) {
                int observed = 0;
                for (int m = 0; m < q.scores().length; m++) {
                    if (q.observed(m)) {
                        observed++;
                        assertEquals(original.get(q.id()).scores()[m], q.scores()[m]);
                        assertEquals(original.get(q.id()).costs()[m], q.costs()[m]);
                    }
                }
                assertEquals(1, observed);
            }
            for (Query q : c.test()) {
                assertArrayEquals(original.get(q.id()).scores(), q.scores());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void localSplitIsSeventyFiveTwentyFive(long seed) {
        int clients = 1 + (int) Math.floorMod(seed, 20L);
        Partition p = ClientPartitioner.partition(WORLD, ClientPartitioner.Config.paperDefaults(clients), new SplittableRandom(seed));

        for (ClientData c : p.clients()) {
            int n = c.train().size() + c.test().size();
            assertEquals(Math.round(0.75 * n), c.train().size());
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void sameSeedSamePartition(long seed) {
        Partition a = ClientPartitioner.partition(WORLD, ClientPartitioner.Config.paperDefaults(7), new SplittableRandom(seed));
        Partition b = ClientPartitioner.partition(WORLD, ClientPartitioner.Config.paperDefaults(7), new SplittableRandom(seed));

        for (int c = 0; c < 7; c++) {
            assertEquals(ids(a.clients().get(c).train()), ids(b.clients().get(c).train()));
            assertEquals(ids(a.clients().get(c).test()), ids(b.clients().get(c).test()));
        }
    }

    @Test
    void smallAlphaConcentratesEachTaskOnFewClients() {
        Partition skewed = ClientPartitioner.partition(WORLD, new ClientPartitioner.Config(10, 0.03, 0.45, 0.75), new SplittableRandom(1));
        Partition even = ClientPartitioner.partition(WORLD, new ClientPartitioner.Config(10, 100, 0.45, 0.75), new SplittableRandom(1));

        assertTrue(maxTaskShare(skewed) > 0.8, "alpha 0.03 should put most of a task on one client");
        assertTrue(maxTaskShare(even) < 0.3, "alpha 100 should spread tasks evenly");
    }

    @Test
    void smallModelAlphaMakesClientsObserveFewModels() {
        Partition p = ClientPartitioner.partition(WORLD, new ClientPartitioner.Config(5, 0.6, 0.05, 0.75), new SplittableRandom(4));

        for (ClientData c : p.clients()) {
            double max = 0;
            for (double v : c.modelPreference()) {
                max = Math.max(max, v);
            }
            assertTrue(max > 0.5, "beta 0.05 should give a dominant favourite model");
        }
    }

    @Test
    void testQueriesMissingAModelAreDroppedAndCounted() {
        double nan = Double.NaN;
        List<Query> qs = List.of(
                new Query("a", "p", "t", new double[] {1, nan}, new double[] {0.1, nan}, new float[] {1, 0}),
                new Query("b", "p", "t", new double[] {1, 0}, new double[] {0.1, 0.2}, new float[] {0, 1}));
        Dataset d = new Dataset("tiny", List.of("m1", "m2"), qs, "x");

        Partition p = ClientPartitioner.partition(d, new ClientPartitioner.Config(1, 1, 1, 0.0001), new SplittableRandom(1));

        assertEquals(1, p.droppedIncompleteTest());
        assertEquals(1, p.clients().get(0).test().size());
        assertEquals("b", p.clients().get(0).test().get(0).id());
    }

    @Test
    void rejectsBadConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ClientPartitioner.Config(0, 0.6, 0.45, 0.75));
        assertTrue(e.getMessage().contains("clients"));
        assertThrows(IllegalArgumentException.class, () -> new ClientPartitioner.Config(3, -1, 0.45, 0.75));
        assertThrows(IllegalArgumentException.class, () -> new ClientPartitioner.Config(3, 0.6, Double.NaN, 0.75));
        assertThrows(IllegalArgumentException.class, () -> new ClientPartitioner.Config(3, 0.6, 0.45, 1.5));
    }

    private static double maxTaskShare(Partition p) {
        Map<String, int[]> perTask = new HashMap<>();
        for (ClientData c : p.clients()) {
            for (Query q : c.train()) {
                perTask.computeIfAbsent(q.task(), t -> new int[p.clients().size()])[c.client()]++;
            }
            for (Query q : c.test()) {
                perTask.computeIfAbsent(q.task(), t -> new int[p.clients().size()])[c.client()]++;
            }
        }
        double sum = 0;
        for (int[] counts : perTask.values()) {
            int total = 0;
            int max = 0;
            for (int v : counts) {
                total += v;
                max = Math.max(max, v);
            }
            sum += (double) max / total;
        }
        return sum / perTask.size();
    }

    private static List<String> ids(List<Query> qs) {
        return qs.stream().map(Query::id).toList();
    }
}
