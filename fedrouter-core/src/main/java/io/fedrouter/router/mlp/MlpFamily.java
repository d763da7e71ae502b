package io.fedrouter.router.mlp;

import io.fedrouter.federation.Message;
import io.fedrouter.federation.Strategy;
import io.fedrouter.router.FamilyOptions;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RouterFamily;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

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
        FamilyOptions o = new FamilyOptions("mlp", DEFAULTS, options);
        hidden = o.positiveInt("hidden");
        fed = new FedAvg.Config(o.parse("rounds", Integer::parseInt), o.parse("fraction", Double::parseDouble),
                o.parse("local-epochs", Integer::parseInt), o.parse("lr", Double::parseDouble),
                o.parse("weight-decay", Double::parseDouble), o.parse("batch-size", Integer::parseInt),
                o.parse("prox-mu", Double::parseDouble), o.string("aggregation"), o.parse("trim", Double::parseDouble));
        centralizedEpochs = !o.isSet("centralized-epochs")
                ? Math.max(1, (int) Math.ceil(fed.rounds() * fed.fraction() * fed.localEpochs() - 1e-9))
                : o.parse("centralized-epochs", Integer::parseInt);
        localOnlyEpochs = o.parse("local-only-epochs", Integer::parseInt);
        if (centralizedEpochs < 0 || localOnlyEpochs < 0) {
            throw new IllegalArgumentException("epochs must be >= 0: centralized-epochs=" + centralizedEpochs + ", local-only-epochs=" + localOnlyEpochs);
        }
        serverOptimizer = o.string("server-optimizer");
        serverLr = !o.isSet("server-lr") ? ServerOptimizer.defaultLearningRate(serverOptimizer) : o.parse("server-lr", Double::parseDouble);
        serverMomentum = o.parse("server-momentum", Double::parseDouble);
        ServerOptimizer.create(serverOptimizer, serverLr, serverMomentum); // validates name and values now
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
