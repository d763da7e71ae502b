package io.fedrouter.router.mlp;

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
import io.fedrouter.router.RouterRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static io.fedrouter.router.mlp.MlpTrainerTest.MODELS;
import static io.fedrouter.router.mlp.MlpTrainerTest.synthetic;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FedAvgTest {

    private static final int D = 8;
    private static final int H = 16;

    private static MlpFamily family(String... kv) {
        Map<String, String> o = new java.util.LinkedHashMap<>();
        o.put("hidden", String.valueOf(H));
        for (int i = 0; i < kv.length; i += 2) {
            o.put(kv[i], kv[i + 1]);
        }
        return new MlpFamily(o);
    }

    @Test
    void oneClientWithFullParticipationEqualsLocalTrainingWithTheSameSeed() {
        MlpFamily family = family("rounds", "1", "fraction", "1", "local-epochs", "3");
        LabeledSet data = synthetic(200, D, 1, true);
        Strategy<Router> strategy = family.federated(MODELS, D, 42);

        // prepare: drive the rounds by hand to capture the seed the coordinator hands the client
        strategy.aggregate(0, List.of(family.handle(strategy.configure(0, List.of(5), new SplittableRandom(1)).get(0), data)));
        Message train = strategy.configure(1, List.of(5), new SplittableRandom(2)).get(0);
        long clientSeed = train.content().configLong("seed");
        strategy.aggregate(1, List.of(family.handle(train, data)));
        assertTrue(strategy.configure(2, List.of(5), new SplittableRandom(3)).isEmpty());

        // the same training done locally from the same initial network
        MlpParams init = MlpParams.init(D, H, 3, new SplittableRandom(42).split());
        CostNormalizer costs = CostNormalizer.fit(data.cost(), 3);
        MlpParams local = new MlpTrainer(new MlpTrainer.Config(3, 1e-3, 3e-4, 128, 1.0, 0.1, 0))
                .train(init, costs, data, clientSeed, null).params();

        MlpRouter federated = (MlpRouter) strategy.result();
        assertEquals(costs, federated.costNormalizer());
        assertArrayEquals(local.toArray(), federated.parameters());
    }

    @Test
    void simulationOverTheInMemoryGridIsReproducibleAndSamplesSixOfTen() {
        List<LabeledSet> clients = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            clients.add(c == 3 ? new LabeledSet(new float[0][], new double[0][], new double[0][]) : synthetic(30, D, 100 + c, true));
        }
        double[] first = null;
        for (int parallelism : new int[] {1, 2}) {
            MlpFamily family = family();
            Map<Integer, io.fedrouter.federation.ClientApp> apps = new java.util.HashMap<>();
            for (int c = 0; c < 10; c++) {
                apps.put(c, new RouterClientApp(clients.get(c), List.of(family)));
            }
            List<Integer> sentPerRound = new ArrayList<>();
            try (InMemoryGrid grid = new InMemoryGrid(apps, parallelism)) {
                MlpRouter r = (MlpRouter) ServerLoop.run(family.federated(MODELS, D, 7), grid, new SplittableRandom(8),
                        s -> {
                            sentPerRound.add(s.sent());
                            assertEquals(0, s.failed(), s.errors().toString());
                        });
                double[] p = r.parameters();
                assertTrue(Arrays.stream(p).allMatch(Double::isFinite));
                if (first == null) {
                    first = p;
                } else {
                    assertArrayEquals(first, p, "thread count must not change the result");
                }
            }
            // round 0 goes to everyone, then 5 rounds of ceil(0.6 * 10) = 6 clients
            assertEquals(List.of(10, 6, 6, 6, 6, 6), sentPerRound);
        }
    }

    /** A strategy past round 0 with nodes 1..4 sampled in round 1 (fraction 1). */
    private static FedAvg readyForRound1(String aggregation) {
        MlpParams init = MlpParams.init(D, H, 3, new SplittableRandom(1));
        FedAvg s = new FedAvg(MODELS, init, new FedAvg.Config(1, 1.0, 1, 1e-3, 3e-4, 128, 0, aggregation, 0.25), new ServerSgd(1.0));
        List<Integer> nodes = List.of(1, 2, 3, 4);
        List<Message> stats = new ArrayList<>();
        for (Message m : s.configure(0, nodes, new SplittableRandom(2))) {
            stats.add(m.reply(RecordDict.builder()
                    .array("log-cost-sum", Tensor.vector(new double[] {1, 2, 0}))
                    .array("log-cost-sum-sq", Tensor.vector(new double[] {1, 4, 0}))
                    .array("count", Tensor.vector(new double[] {2, 2, 0}))
                    .build()));
        }
        s.aggregate(0, stats);
        assertEquals(4, s.configure(1, nodes, new SplittableRandom(3)).size());
        return s;
    }

    private static Message update(int node, double value, double examples, int length) {
        double[] d = new double[length];
        Arrays.fill(d, value);
        return Message.of("mlp.train", node, 1, RecordDict.builder().array("delta", Tensor.vector(d)).metric("num-examples", examples).build());
    }

    @Test
    void costStatisticsMergeAndModelsWithoutDataGetUnitScale() {
        FedAvg s = readyForRound1("mean");
        // 4 clients × (sum 1, 2, 0; sumSq 1, 4, 0; count 2, 2, 0) → means 0.5, 1; variances 0.25, 1
        assertArrayEquals(new double[] {0.5, 1.0, 0.0}, s.costNormalizer().mean(), 1e-12);
        assertArrayEquals(new double[] {0.5, 1.0, 1.0}, s.costNormalizer().std(), 1e-12);
    }

    @Test
    void examplesWeightTheMeanAndBadOrEmptyRepliesAreSkipped() {
        FedAvg s = readyForRound1("mean");
        double[] before = s.globalParameters();
        int n = before.length;
        double[] nan = new double[n];
        nan[5] = Double.NaN;

        s.aggregate(1, List.of(
                update(1, 1.0, 10, n),
                update(2, 5.0, 30, n),
                Message.of("mlp.train", 3, 1, RecordDict.builder().array("delta", Tensor.vector(nan)).metric("num-examples", 50).build()),
                update(4, 100.0, 0, n),         // empty client: no weight
                update(4, 7.0, 10, n),          // duplicate reply from node 4
                update(9, 7.0, 10, n),          // node that was not sampled
                Message.error("mlp.train", 1, 1, "crashed")));

        double[] after = s.globalParameters();
        for (int j = 0; j < n; j++) {
            assertEquals(before[j] + (10 * 1.0 + 30 * 5.0) / 40, after[j], 1e-12, "coordinate " + j);
        }
        assertEquals(4, s.skippedReplies());
    }

    @Test
    void wrongShapesAndOnlyFailuresEndTheRun() {
        FedAvg s = readyForRound1("mean");
        int n = s.globalParameters().length;
        assertThrows(FederationException.class, () -> s.aggregate(1, List.of(
                update(1, 1.0, 10, n - 1),
                Message.error("mlp.train", 2, 1, "timeout"))));
    }

    @Test
    void medianIgnoresAnOutlier() {
        FedAvg s = readyForRound1("median");
        double[] before = s.globalParameters();
        int n = before.length;
        s.aggregate(1, List.of(update(1, 1.0, 1, n), update(2, 2.0, 1, n), update(3, 1e6, 1000, n)));
        assertEquals(before[0] + 2.0, s.globalParameters()[0], 1e-12);
    }

    @Test
    void trimmedMeanDropsTheExtremes() {
        FedAvg s = readyForRound1("trimmed-mean");
        double[] before = s.globalParameters();
        int n = before.length;
        // trim 0.25 of 4 drops one value at each end: mean of 2 and 3
        s.aggregate(1, List.of(update(1, -50, 1, n), update(2, 2, 1, n), update(3, 3, 1, n), update(4, 90, 1, n)));
        assertEquals(before[7] + 2.5, s.globalParameters()[7], 1e-12);
    }

    @Test
    void samplingDrawsDistinctNodesAndAtLeastOne() {
        MlpParams init = MlpParams.init(D, H, 3, new SplittableRandom(1));
        FedAvg tiny = new FedAvg(MODELS, init, new FedAvg.Config(3, 0.01, 1, 1e-3, 0, 128, 0, "mean", 0.1), new ServerSgd(1));
        tiny.aggregate(0, tiny.configure(0, List.of(1, 2), new SplittableRandom(1)).stream()
                .map(m -> family().handle(m, synthetic(4, D, 1, true))).toList());
        assertEquals(1, tiny.configure(1, List.of(1, 2), new SplittableRandom(2)).size());

        List<Integer> nodes = java.util.stream.IntStream.range(0, 10).boxed().toList();
        FedAvg six = new FedAvg(MODELS, init, new FedAvg.Config(3, 0.6, 1, 1e-3, 0, 128, 0, "mean", 0.1), new ServerSgd(1));
        six.aggregate(0, six.configure(0, nodes, new SplittableRandom(1)).stream()
                .map(m -> family().handle(m, synthetic(4, D, 1, true))).toList());
        List<Message> round = six.configure(1, nodes, new SplittableRandom(5));
        assertEquals(6, new HashSet<>(round.stream().map(Message::node).toList()).size());
        assertEquals(6, round.size());
    }

    @Test
    void unknownOptionsAreRejectedWithTheKnownKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MlpFamily(Map.of("epochs", "3")));
        assertTrue(e.getMessage().contains("epochs") && e.getMessage().contains("local-epochs"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MlpFamily(Map.of("server-optimizer", "sgd")));
        assertThrows(IllegalArgumentException.class, () -> new MlpFamily(Map.of("fraction", "1.5")));
    }

    @Test
    void settingsShowTheValuesInEffect() {
        Map<String, Object> s = RouterRegistry.create("mlp", Map.of("server-optimizer", "fedadam")).settings();
        assertEquals(512, s.get("hidden"));
        assertEquals(3, s.get("centralized-epochs")); // ceil(5 rounds × 0.6 × 1 epoch)
        assertEquals(0.01, s.get("server-lr"));
        assertEquals(MlpFamily.optionKeys(), List.copyOf(s.keySet()));
    }

    @Test
    void adaptiveServerOptimizersMoveAlongTheUpdate() {
        for (String name : ServerOptimizer.NAMES) {
            ServerOptimizer opt = ServerOptimizer.create(name, ServerOptimizer.defaultLearningRate(name), 0.9);
            double[] w = {0, 0};
            opt.apply(w, new double[] {0.01, -0.01});
            assertTrue(w[0] > 0 && w[1] < 0 && w[0] == -w[1], name + " " + Arrays.toString(w));
        }
        // hand-computed first FedAdam step: m = 0.1·Δ, v = 0.99·τ² + 0.01·Δ²
        double d = 0.01;
        double v = 0.99 * 1e-6 + 0.01 * d * d;
        double[] w = {0};
        new FedAdam(0.01).apply(w, new double[] {d});
        assertEquals(0.01 * 0.1 * d / (Math.sqrt(v) + 1e-3), w[0], 1e-15);
    }
}
