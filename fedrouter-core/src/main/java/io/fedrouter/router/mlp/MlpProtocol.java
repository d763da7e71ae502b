package io.fedrouter.router.mlp;

import io.fedrouter.federation.Message;
import io.fedrouter.federation.RecordDict;
import io.fedrouter.federation.Tensor;
import io.fedrouter.router.LabeledSet;

/**
 * The messages of the MLP federation, shared by the coordinator ({@link FedAvg}) and the client handler
 * ({@link MlpFamily#handle}). Only arrays, metrics and config strings travel; everything random a client does is
 * seeded by the instruction's {@code seed}.
 *
 * <ul>
 *   <li>{@code mlp.cost-stats} (config {@code models}) → arrays {@code log-cost-sum}, {@code log-cost-sum-sq},
 *   {@code count}, each of length M.</li>
 *   <li>{@code mlp.train} (arrays {@code params}, {@code cost-mean}, {@code cost-std}; config {@code seed},
 *   {@code hidden}, {@code local-epochs}, {@code lr}, {@code weight-decay}, {@code batch-size}, {@code prox-mu})
 *   → array {@code delta} (local − global), metrics {@code num-examples} and {@code train-loss}.</li>
 * </ul>
 */
final class MlpProtocol {

    static final String COST_STATS = "mlp.cost-stats";
    static final String TRAIN = "mlp.train";

    static final String SUM = "log-cost-sum";
    static final String SUM_SQ = "log-cost-sum-sq";
    static final String COUNT = "count";
    static final String PARAMS = "params";
    static final String COST_MEAN = "cost-mean";
    static final String COST_STD = "cost-std";
    static final String DELTA = "delta";
    static final String NUM_EXAMPLES = "num-examples";
    static final String TRAIN_LOSS = "train-loss";

    /** Dropout and clipping are fixed by SPEC §5.1, not negotiated per round. */
    static final double DROPOUT = 0.1;
    static final double CLIP_NORM = 1.0;

    private MlpProtocol() {
    }

    /** Client side of {@code mlp.cost-stats}. */
    static Message costStats(Message in, LabeledSet local) {
        int models = in.content().configInt("models");
        if (local.size() > 0 && local.models() != models) {
            throw new IllegalArgumentException("client data has " + local.models() + " models, coordinator expects " + models);
        }
        double[][] s = CostNormalizer.sums(local.cost(), models);
        return in.reply(RecordDict.builder()
                .array(SUM, Tensor.vector(s[0]))
                .array(SUM_SQ, Tensor.vector(s[1]))
                .array(COUNT, Tensor.vector(s[2]))
                .metric(NUM_EXAMPLES, local.size())
                .build());
    }

    /** Client side of {@code mlp.train}: trains from the global parameters and returns the difference. */
    static Message train(Message in, LabeledSet local) {
        RecordDict c = in.content();
        double[] global = c.array(PARAMS).data();
        CostNormalizer costs = new CostNormalizer(c.array(COST_MEAN).data(), c.array(COST_STD).data());
        int models = costs.models();
        if (local.size() == 0) {
            // nothing to learn from: weight 0 tells the coordinator to skip this reply
            return in.reply(RecordDict.builder()
                    .array(DELTA, Tensor.vector(new double[global.length]))
                    .metric(NUM_EXAMPLES, 0)
                    .metric(TRAIN_LOSS, Double.NaN)
                    .build());
        }
        int hidden = c.configInt("hidden");
        MlpParams start = MlpParams.fromArray(local.dim(), hidden, models, global);
        MlpTrainer.Config cfg = new MlpTrainer.Config(c.configInt("local-epochs"), c.configDouble("lr"),
                c.configDouble("weight-decay"), c.configInt("batch-size"), CLIP_NORM, DROPOUT, c.configDouble("prox-mu"));
        MlpTrainer.Result r = new MlpTrainer(cfg).train(start, costs, local, c.configLong("seed"), cfg.proxMu() > 0 ? start : null);
        double[] delta = r.params().toArray();
        for (int j = 0; j < delta.length; j++) {
            delta[j] -= global[j];
        }
        double[] loss = r.epochLoss();
        return in.reply(RecordDict.builder()
                .array(DELTA, Tensor.vector(delta))
                .metric(NUM_EXAMPLES, local.size())
                .metric(TRAIN_LOSS, loss.length == 0 ? Double.NaN : loss[loss.length - 1])
                .build());
    }
}
