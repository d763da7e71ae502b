package io.fedrouter.router.mlp;

import io.fedrouter.federation.Message;
import io.fedrouter.federation.Strategy;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RouterFamily;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The MLP router family (SPEC §5.1, §6): centralized and client-local training with {@link MlpTrainer}, federated
 * training with {@link FedAvg}, and the client handler of its {@code mlp.*} messages.
 *
 * <p>Options (kebab-case): {@code hidden} (512), {@code rounds} (5), {@code local-epochs} (1), {@code fraction}
 * (0.6), {@code lr} (1e-3), {@code weight-decay} (3e-4), {@code batch-size} (128), {@code centralized-epochs}
 * (default ⌈rounds·fraction·local-epochs⌉: the centralized router makes as many passes over the pooled data as the
 * federation makes over all clients' data together, 3 with the defaults), {@code local-only-epochs} (default 5: tuned for
 * the client-local baseline on the RouterBench subset, where 3, 5, 10, 20 and 40 epochs gave mean local AUC 0.714,
 * 0.727, 0.723, 0.701 and 0.694 — more epochs overfit a client's few hundred sparse rows; see docs/tuning.md), {@code server-optimizer}
 * (fedavg | fedavgm | fedadam | fedyogi), {@code server-lr} (1 for fedavg/fedavgm, 1e-2 for fedadam/fedyogi),
 * {@code server-momentum} (0.9, FedAvgM only), {@code prox-mu} (0), {@code aggregation} (mean | median |
 * trimmed-mean), {@code trim} (0.1). All three ways of training use the same learning rate and weight decay.
 *
 * <p>Seeds: {@code new SplittableRandom(seed).split()} draws the initial weights in both {@link #train} and
 * {@link #federated}, so a centralized and a federated run with the same seed start from the same network.
 */
public final class MlpFamily implements RouterFamily {

    /** Option keys with their defaults ({@code null}: computed from other options). */
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("hidden", "512");
        DEFAULTS.put("rounds", "5");
        DEFAULTS.put("local-epochs", "1");
        DEFAULTS.put("fraction", "0.6");
        DEFAULTS.put("lr", "1e-3");
        DEFAULTS.put("weight-decay", "3e-4");
        DEFAULTS.put("batch-size", "128");
        DEFAULTS.put("centralized-epochs", null);
        DEFAULTS.put("local-only-epochs", "5");
        DEFAULTS.put("server-optimizer", "fedavg");
        DEFAULTS.put("server-lr", null);
        DEFAULTS.put("server-momentum", "0.9");
        DEFAULTS.put("prox-mu", "0");
        DEFAULTS.put("aggregation", "mean");
        DEFAULTS.put("trim", "0.1");
    }

    private final int hidden;
    private final FedAvg.Config fed;
    private final int centralizedEpochs;
    private final int localOnlyEpochs;
    private final String serverOptimizer;
    private final double serverLr;
    private final double serverMomentum;

    public MlpFamily() {
        this(Map.of());
    }

    /** A family configured by options; unknown keys and bad values throw {@link IllegalArgumentException}. */
    public MlpFamily(Map<String, String> options) {
        for (String key : options.keySet()) {
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("unknown mlp option '" + key + "'; known: " + DEFAULTS.keySet());
            }
        }
        Map<String, String> o = new LinkedHashMap<>(DEFAULTS);
        o.putAll(options);
        hidden = parse(o, "hidden", Integer::parseInt);
        if (hidden < 1) {
            throw new IllegalArgumentException("hidden must be >= 1: " + hidden);
        }
        fed = new FedAvg.Config(parse(o, "rounds", Integer::parseInt), parse(o, "fraction", Double::parseDouble),
                parse(o, "local-epochs", Integer::parseInt), parse(o, "lr", Double::parseDouble),
                parse(o, "weight-decay", Double::parseDouble), parse(o, "batch-size", Integer::parseInt),
                parse(o, "prox-mu", Double::parseDouble), o.get("aggregation"), parse(o, "trim", Double::parseDouble));
        centralizedEpochs = o.get("centralized-epochs") == null
                ? Math.max(1, (int) Math.ceil(fed.rounds() * fed.fraction() * fed.localEpochs() - 1e-9))
                : parse(o, "centralized-epochs", Integer::parseInt);
        localOnlyEpochs = parse(o, "local-only-epochs", Integer::parseInt);
        if (centralizedEpochs < 0 || localOnlyEpochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0: centralized-epochs=" + centralizedEpochs + ", local-only-epochs=" + localOnlyEpochs);
        }
        serverOptimizer = o.get("server-optimizer");
        serverLr = o.get("server-lr") == null ? ServerOptimizer.defaultLearningRate(serverOptimizer) : parse(o, "server-lr", Double::parseDouble);
        serverMomentum = parse(o, "server-momentum", Double::parseDouble);
        ServerOptimizer.create(serverOptimizer, serverLr, serverMomentum); // validates name and values now
    }

    private static <T> T parse(Map<String, String> o, String key, Function<String, T> parser) {
        try {
            return parser.apply(o.get(key).trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("mlp option " + key + ": cannot parse '" + o.get(key) + "'");
        }
    }

    @Override
    public String name() {
        return "mlp";
    }

    @Override
    public Router train(LabeledSet data, List<String> models, Scope scope, long seed) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train an mlp router on an empty set (" + scope + ")");
        }
        if (data.models() != models.size()) {
            throw new IllegalArgumentException("data has " + data.models() + " models, names given for " + models.size());
        }
        SplittableRandom root = new SplittableRandom(seed);
        MlpParams init = MlpParams.init(data.dim(), hidden, models.size(), root.split());
        CostNormalizer costs = CostNormalizer.fit(data.cost(), models.size());
        int epochs = scope == Scope.CENTRALIZED ? centralizedEpochs : localOnlyEpochs;
        MlpTrainer trainer = new MlpTrainer(new MlpTrainer.Config(epochs, fed.lr(), fed.weightDecay(), fed.batchSize(),
                MlpProtocol.CLIP_NORM, MlpProtocol.DROPOUT, 0));
        MlpTrainer.Result r = trainer.train(init, costs, data, root.nextLong(), null);
        return new MlpRouter(models, r.params(), costs);
    }

    @Override
    public Strategy<Router> federated(List<String> models, int dim, long seed) {
        MlpParams init = MlpParams.init(dim, hidden, models.size(), new SplittableRandom(seed).split());
        return new FedAvg(models, init, fed, ServerOptimizer.create(serverOptimizer, serverLr, serverMomentum));
    }

    @Override
    public Message handle(Message instruction, LabeledSet localTrain) {
        return switch (instruction.type()) {
            case MlpProtocol.COST_STATS -> MlpProtocol.costStats(instruction, localTrain);
            case MlpProtocol.TRAIN -> MlpProtocol.train(instruction, localTrain);
            default -> instruction.replyError("mlp family cannot handle '" + instruction.type() + "'; known: "
                    + List.of(MlpProtocol.COST_STATS, MlpProtocol.TRAIN));
        };
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("hidden", hidden);
        s.put("rounds", fed.rounds());
        s.put("local-epochs", fed.localEpochs());
        s.put("fraction", fed.fraction());
        s.put("lr", fed.lr());
        s.put("weight-decay", fed.weightDecay());
        s.put("batch-size", fed.batchSize());
        s.put("centralized-epochs", centralizedEpochs);
        s.put("local-only-epochs", localOnlyEpochs);
        s.put("server-optimizer", serverOptimizer);
        s.put("server-lr", serverLr);
        s.put("server-momentum", serverMomentum);
        s.put("prox-mu", fed.proxMu());
        s.put("aggregation", fed.aggregation());
        s.put("trim", fed.trim());
        return s;
    }

    /** Known option keys, for CLI help and config validation. */
    public static List<String> optionKeys() {
        return List.copyOf(DEFAULTS.keySet());
    }
}
