package io.fedrouter.router.mlp;

import io.fedrouter.router.LabeledSet;

import java.util.SplittableRandom;

/**
 * Trains the MLP router of SPEC §5.1 from given initial parameters on one labeled set: loss on observed cells
 * only, {@code MSE(sigmoid(logit), score) + SmoothL1(ẑ − z)} (β = 1), each term averaged over the batch's observed
 * entries; AdamW (fresh state per call), mini-batches shuffled each epoch, gradient-norm clipping, dropout.
 * With {@code proxMu > 0} the FedProx term μ/2·‖w − w_global‖² is added (Li et al., "Federated Optimization in
 * Heterogeneous Networks", MLSys 2020).
 *
 * <p>All randomness (shuffling, dropout masks) comes from {@code new SplittableRandom(seed)}, and the numeric
 * kernels give identical results for any thread count, so a call is reproducible. Buffers are allocated once per
 * call for the batch size; nothing is allocated per sample or per batch.
 */
public final class MlpTrainer {

    /**
     * Training hyperparameters.
     *
     * @param epochs      passes over the data (0 returns the initial parameters)
     * @param lr          AdamW learning rate
     * @param weightDecay AdamW decoupled weight decay
     * @param batchSize   rows per optimizer step
     * @param clipNorm    maximum global gradient L2 norm (≤ 0: no clipping)
     * @param dropout     dropout probability in the trunk
     * @param proxMu      FedProx coefficient μ (0: off)
     */
    public record Config(int epochs, double lr, double weightDecay, int batchSize, double clipNorm, double dropout, double proxMu) {
        public Config {
            if (epochs < 0 || batchSize < 1 || !(lr > 0) || !(weightDecay >= 0) || !(dropout >= 0 && dropout < 1) || !(proxMu >= 0)) {
                throw new IllegalArgumentException("invalid trainer config: epochs=" + epochs + ", lr=" + lr + ", weight-decay="
                        + weightDecay + ", batch-size=" + batchSize + ", dropout=" + dropout + ", prox-mu=" + proxMu);
            }
        }

        /** SPEC §5.1/§6 defaults: AdamW lr 1e-3, wd 3e-4, batch 128, clip 1.0, dropout 0.1, no proximal term. */
        public static Config defaults(int epochs) {
            return new Config(epochs, 1e-3, 3e-4, 128, 1.0, 0.1, 0);
        }
    }

    /**
     * What a training call produced.
     *
     * @param params    the trained parameters
     * @param epochLoss mean data loss (without the proximal term) per epoch, over the batches of that epoch
     * @param steps     optimizer steps taken
     */
    public record Result(MlpParams params, double[] epochLoss, int steps) {
    }

    private final Config config;

    public MlpTrainer(Config config) {
        this.config = config;
    }

    public Config config() {
        return config;
    }

    /**
     * Trains a copy of {@code init} on {@code data}.
     *
     * @param anchor the global parameters of the FedProx term, or {@code null} (required when μ &gt; 0)
     */
    public Result train(MlpParams init, CostNormalizer costs, LabeledSet data, long seed, MlpParams anchor) {
        requireFits(init, costs, data);
        if (config.proxMu() > 0 && anchor == null) {
            throw new IllegalArgumentException("prox-mu " + config.proxMu() + " needs the global parameters as anchor");
        }
        MlpParams p = init.copy();
        int n = data.size();
        double[] epochLoss = new double[config.epochs()];
        if (n == 0 || config.epochs() == 0) {
            return new Result(p, epochLoss, 0);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int cap = Math.min(config.batchSize(), n);
        Batch batch = new Batch(p, costs, data, cap);
        MlpParams grad = MlpParams.zeros(p.dim, p.hidden, p.models);
        AdamW opt = new AdamW(p, config.lr(), config.weightDecay());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int steps = 0;
        for (int e = 0; e < config.epochs(); e++) {
            shuffle(order, rng);
            double total = 0;
            int batches = 0;
            for (int start = 0; start < n; start += cap) {
                int size = Math.min(cap, n - start);
                total += batch.lossAndGradient(p, order, start, size, config.dropout(), rng, grad);
                if (config.proxMu() > 0) {
                    addProximal(p, anchor, config.proxMu(), grad);
                }
                clip(grad, config.clipNorm());
                opt.step(p, grad);
                steps++;
                batches++;
            }
            epochLoss[e] = total / batches;
        }
        return new Result(p, epochLoss, steps);
    }

    static void requireFits(MlpParams p, CostNormalizer costs, LabeledSet data) {
        if (data.size() > 0 && (data.dim() != p.dim || data.models() != p.models)) {
            throw new IllegalArgumentException("data has d=" + data.dim() + " and " + data.models() + " models, parameters " + p.describe());
        }
        if (costs.models() != p.models) {
            throw new IllegalArgumentException("cost statistics for " + costs.models() + " models, parameters " + p.describe());
        }
    }

    private static void shuffle(int[] a, SplittableRandom rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** Adds μ(w − w_global) to the gradient and returns μ/2·‖w − w_global‖². */
    static double addProximal(MlpParams p, MlpParams anchor, double mu, MlpParams grad) {
        double sq = 0;
        float fm = (float) mu;
        for (int k = 0; k < p.blocks.length; k++) {
            float[] pk = p.blocks[k];
            float[] ak = anchor.blocks[k];
            float[] gk = grad.blocks[k];
            for (int j = 0; j < pk.length; j++) {
                float d = pk[j] - ak[j];
                gk[j] += fm * d;
                sq += (double) d * d;
            }
        }
        return 0.5 * mu * sq;
    }

    /** Scales the gradient to global L2 norm {@code max} when it is larger (as torch.nn.utils.clip_grad_norm_). */
    static void clip(MlpParams grad, double max) {
        if (!(max > 0)) {
            return;
        }
        double sq = 0;
        for (float[] b : grad.blocks) {
            for (float v : b) {
                sq += (double) v * v;
            }
        }
        double norm = Math.sqrt(sq);
        if (norm > max) {
            float s = (float) (max / (norm + 1e-6));
            for (float[] b : grad.blocks) {
                for (int j = 0; j < b.length; j++) {
                    b[j] *= s;
                }
            }
        }
    }

    /** A batch workspace: the network buffers plus the normalized cost targets of the data set. */
    static final class Batch {
        private final MlpNet net;
        private final LabeledSet data;
        private final double[][] target;

        Batch(MlpParams shape, CostNormalizer costs, LabeledSet data, int capacity) {
            this.net = new MlpNet(shape.dim, shape.hidden, shape.models, capacity, true);
            this.data = data;
            int models = shape.models;
            this.target = new double[data.size()][models];
            for (int i = 0; i < data.size(); i++) {
                double[] c = data.cost()[i];
                for (int m = 0; m < models; m++) {
                    target[i][m] = Double.isNaN(c[m]) ? Double.NaN : costs.normalize(m, c[m]);
                }
            }
        }

        /**
         * Loss of rows {@code order[start..start+size)} and its gradient written into {@code grad}. Dropout masks
         * come from {@code rng} (none when it is null or {@code dropout} is 0).
         */
        double lossAndGradient(MlpParams p, int[] order, int start, int size, double dropout, SplittableRandom rng, MlpParams grad) {
            int models = p.models;
            int nAcc = 0;
            int nCost = 0;
            for (int r = 0; r < size; r++) {
                int i = order[start + r];
                net.x[r] = data.x()[i];
                double[] s = data.score()[i];
                double[] t = target[i];
                for (int m = 0; m < models; m++) {
                    if (!Double.isNaN(s[m])) {
                        nAcc++;
                    }
                    if (!Double.isNaN(t[m])) {
                        nCost++;
                    }
                }
            }
            net.forward(p, size, dropout, rng);
            double accLoss = 0;
            double costLoss = 0;
            double wAcc = nAcc == 0 ? 0 : 1.0 / nAcc;
            double wCost = nCost == 0 ? 0 : 1.0 / nCost;
            for (int r = 0; r < size; r++) {
                int i = order[start + r];
                double[] s = data.score()[i];
                double[] t = target[i];
                float[] out = net.head[r];
                float[] d = net.dHead[r];
                for (int m = 0; m < models; m++) {
                    double ga = 0;
                    if (!Double.isNaN(s[m])) {
                        double prob = 1 / (1 + Math.exp(-out[2 * m]));
                        double e = prob - s[m];
                        accLoss += e * e;
                        ga = 2 * e * prob * (1 - prob) * wAcc;
                    }
                    double gc = 0;
                    if (!Double.isNaN(t[m])) {
                        double e = out[2 * m + 1] - t[m];
                        double a = Math.abs(e);
                        costLoss += a < 1 ? 0.5 * e * e : a - 0.5;
                        gc = Math.max(-1, Math.min(1, e)) * wCost;
                    }
                    d[2 * m] = (float) ga;
                    d[2 * m + 1] = (float) gc;
                }
            }
            net.backward(p, grad, size);
            for (int r = 0; r < size; r++) {
                net.x[r] = null;
            }
            return accLoss * wAcc + costLoss * wCost;
        }
    }
}
