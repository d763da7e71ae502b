package io.fedrouter.router.mlp;

import io.fedrouter.federation.Aggregation;
import io.fedrouter.federation.FederationException;
import io.fedrouter.federation.Message;
import io.fedrouter.federation.RecordDict;
import io.fedrouter.federation.Strategy;
import io.fedrouter.federation.Tensor;
import io.fedrouter.router.Router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Federated averaging of the MLP router (SPEC §6; McMahan et al., "Communication-Efficient Learning of Deep Networks
 * from Decentralized Data", AISTATS 2017, as used by "Federate the Router", arXiv 2601.22318).
 *
 * <p>Round 0 sends {@code mlp.cost-stats} to every node and merges the per-model sums of log1p(cost) into the
 * global {@link CostNormalizer}. Rounds 1..R each sample ⌈fraction·N⌉ nodes (at least 1) without replacement from
 * the round's random stream and send {@code mlp.train} with the global parameters, the cost statistics, a
 * per-client seed and the local hyperparameters (with {@code prox-mu > 0} clients add the FedProx term). The
 * replies' deltas are combined by the example-weighted mean, or by the coordinate median / trimmed mean (Yin et
 * al., 2018) with equal weights, and applied through a {@link ServerOptimizer} (FedAvg, FedAvgM, FedAdam, FedYogi).
 *
 * <p>Error replies, replies from nodes not sampled, duplicates, and replies whose arrays are missing, wrongly
 * shaped or non-finite are skipped and counted; replies with zero examples carry no weight and are skipped. A
 * round with no valid reply throws {@link FederationException}.
 */
public final class FedAvg implements Strategy<Router> {

    /**
     * Federation hyperparameters.
     *
     * @param rounds      training rounds after the statistics round
     * @param fraction    share of nodes sampled per round, in (0, 1]
     * @param localEpochs client epochs per round
     * @param lr          client AdamW learning rate
     * @param weightDecay client AdamW weight decay
     * @param batchSize   client batch size
     * @param proxMu      FedProx μ (0: plain FedAvg clients)
     * @param aggregation {@code mean}, {@code median} or {@code trimmed-mean}
     * @param trim        fraction trimmed at each end by {@code trimmed-mean}
     */
    public record Config(int rounds, double fraction, int localEpochs, double lr, double weightDecay, int batchSize,
                         double proxMu, String aggregation, double trim) {

        public static final List<String> AGGREGATIONS = List.of("mean", "median", "trimmed-mean");

        public Config {
            if (rounds < 0 || !(fraction > 0 && fraction <= 1) || localEpochs < 0 || !(lr > 0) || !(weightDecay >= 0)
                    || batchSize < 1 || !(proxMu >= 0) || !(trim >= 0 && trim < 0.5)) {
                throw new IllegalArgumentException("invalid federation config: rounds=" + rounds + ", fraction=" + fraction
                        + ", local-epochs=" + localEpochs + ", lr=" + lr + ", weight-decay=" + weightDecay + ", batch-size="
                        + batchSize + ", prox-mu=" + proxMu + ", trim=" + trim);
            }
            if (!AGGREGATIONS.contains(aggregation)) {
                throw new IllegalArgumentException("unknown aggregation '" + aggregation + "'; known: " + AGGREGATIONS);
            }
        }
    }

    private final List<String> models;
    private final int dim;
    private final int hidden;
    private final Config config;
    private final ServerOptimizer optimizer;
    private final double[] global;
    private CostNormalizer costs;
    private Set<Integer> sampled = Set.of();
    private int skipped;

    public FedAvg(List<String> models, MlpParams init, Config config, ServerOptimizer optimizer) {
        if (models.size() != init.models) {
            throw new IllegalArgumentException("models " + models.size() + " != parameters' " + init.models);
        }
        this.models = List.copyOf(models);
        this.dim = init.dim;
        this.hidden = init.hidden;
        this.config = config;
        this.optimizer = optimizer;
        this.global = init.toArray();
    }

    @Override
    public String name() {
        String n = optimizer.name();
        if (config.proxMu() > 0) {
            n += "+prox";
        }
        if (!config.aggregation().equals("mean")) {
            n += "+" + config.aggregation();
        }
        return n;
    }

    /** Replies skipped so far (errors, bad arrays, duplicates, strangers); zero-example replies not included. */
    public int skippedReplies() {
        return skipped;
    }

    /** The current global parameters (a copy). */
    public double[] globalParameters() {
        return global.clone();
    }

    /** The merged cost statistics, or null before round 0 was aggregated. */
    public CostNormalizer costNormalizer() {
        return costs;
    }

    @Override
    public List<Message> configure(int round, List<Integer> nodes, SplittableRandom rng) {
        if (nodes.isEmpty()) {
            throw new FederationException("no client nodes connected");
        }
        List<Integer> sorted = new ArrayList<>(nodes);
        sorted.sort(null);
        List<Message> out = new ArrayList<>();
        if (round == 0) {
            RecordDict ask = RecordDict.builder().config("models", models.size()).build();
            for (int node : sorted) {
                out.add(Message.of(MlpProtocol.COST_STATS, node, round, ask));
            }
        } else if (round <= config.rounds()) {
            if (costs == null) {
                throw new IllegalStateException("round " + round + " configured before the cost statistics of round 0");
            }
            int k = Math.max(1, (int) Math.ceil(config.fraction() * sorted.size() - 1e-9));
            k = Math.min(k, sorted.size());
            // partial Fisher–Yates: the first k slots become a uniform sample without replacement
            for (int i = 0; i < k; i++) {
                int j = i + rng.nextInt(sorted.size() - i);
                Integer t = sorted.get(i);
                sorted.set(i, sorted.get(j));
                sorted.set(j, t);
            }
            List<Integer> chosen = new ArrayList<>(sorted.subList(0, k));
            chosen.sort(null);
            Tensor params = Tensor.vector(global.clone());
            Tensor mean = Tensor.vector(costs.mean());
            Tensor std = Tensor.vector(costs.std());
            for (int node : chosen) {
                out.add(Message.of(MlpProtocol.TRAIN, node, round, RecordDict.builder()
                        .array(MlpProtocol.PARAMS, params)
                        .array(MlpProtocol.COST_MEAN, mean)
                        .array(MlpProtocol.COST_STD, std)
                        .config("seed", rng.nextLong())
                        .config("hidden", hidden)
                        .config("local-epochs", config.localEpochs())
                        .config("lr", config.lr())
                        .config("weight-decay", config.weightDecay())
                        .config("batch-size", config.batchSize())
                        .config("prox-mu", config.proxMu())
                        .build()));
            }
        }
        sampled = new HashSet<>();
        for (Message m : out) {
            sampled.add(m.node());
        }
        return out;
    }

    @Override
    public void aggregate(int round, List<Message> replies) {
        if (round == 0) {
            aggregateCostStats(replies);
        } else {
            aggregateUpdates(round, replies);
        }
    }

    private void aggregateCostStats(List<Message> replies) {
        int m = models.size();
        double[] sum = new double[m];
        double[] sumSq = new double[m];
        double[] count = new double[m];
        int valid = 0;
        Set<Integer> seen = new HashSet<>();
        for (Message r : replies) {
            if (!accept(r, MlpProtocol.COST_STATS, seen)) {
                continue;
            }
            RecordDict c = r.content();
            Tensor s = c.arrays().get(MlpProtocol.SUM);
            Tensor sq = c.arrays().get(MlpProtocol.SUM_SQ);
            Tensor n = c.arrays().get(MlpProtocol.COUNT);
            if (!vector(s, m) || !vector(sq, m) || !vector(n, m) || Arrays.stream(n.data()).anyMatch(v -> v < 0)) {
                skipped++;
                continue;
            }
            for (int j = 0; j < m; j++) {
                sum[j] += s.data()[j];
                sumSq[j] += sq.data()[j];
                count[j] += n.data()[j];
            }
            valid++;
        }
        if (valid == 0) {
            throw new FederationException("round 0: no valid cost-statistics reply out of " + replies.size());
        }
        costs = CostNormalizer.fromSums(sum, sumSq, count);
    }

    private void aggregateUpdates(int round, List<Message> replies) {
        List<double[]> deltas = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int valid = 0;
        Set<Integer> seen = new HashSet<>();
        for (Message r : replies) {
            if (!accept(r, MlpProtocol.TRAIN, seen)) {
                continue;
            }
            Tensor d = r.content().arrays().get(MlpProtocol.DELTA);
            Double n = r.content().metrics().get(MlpProtocol.NUM_EXAMPLES);
            if (!vector(d, global.length) || n == null || !(n >= 0) || Double.isInfinite(n)) {
                skipped++;
                continue;
            }
            valid++;
            if (n > 0) {
                deltas.add(d.data());
                weights.add(n);
            }
        }
        if (valid == 0) {
            throw new FederationException("round " + round + ": no valid update out of " + replies.size() + " replies");
        }
        if (deltas.isEmpty()) {
            return; // every sampled client was empty: nothing to learn this round
        }
        double[] delta = switch (config.aggregation()) {
            case "median" -> Aggregation.coordinateMedian(deltas);
            case "trimmed-mean" -> Aggregation.trimmedMean(deltas, config.trim());
            default -> Aggregation.weightedMean(deltas, weights.stream().mapToDouble(Double::doubleValue).toArray());
        };
        optimizer.apply(global, delta);
    }

    /** Whether a reply is a non-error answer of the expected type from a node sampled this round, seen first time. */
    private boolean accept(Message r, String type, Set<Integer> seen) {
        if (r.failed() || !r.type().equals(type) || !sampled.contains(r.node()) || !seen.add(r.node())) {
            skipped++;
            return false;
        }
        return true;
    }

    private static boolean vector(Tensor t, int length) {
        return t != null && t.shape().length == 1 && t.size() == length && t.finite();
    }

    @Override
    public Router result() {
        if (costs == null) {
            throw new IllegalStateException("no result before the cost statistics round was aggregated");
        }
        return MlpRouter.fromParameters(models, dim, hidden, global, costs);
    }
}
