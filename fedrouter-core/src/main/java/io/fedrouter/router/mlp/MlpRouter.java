package io.fedrouter.router.mlp;

import io.fedrouter.router.Router;

import java.util.List;

/**
 * The parametric router of SPEC §5.1 (the MLP of "Federate the Router", arXiv 2601.22318): a two-layer trunk with
 * LayerNorm, GELU and dropout, and one head per model predicting an accuracy logit and a normalized cost. Predicted
 * accuracy is {@code sigmoid(logit)}; predicted cost is de-normalized to USD by the {@link CostNormalizer} the
 * router was trained with. Dropout is off at inference. Immutable and thread-safe: every call uses its own
 * workspace.
 */
public final class MlpRouter implements Router {

    /** Rows per forward pass in {@link #predictAll}: bounds the workspace while keeping the products large. */
    private static final int CHUNK = 256;

    private final List<String> models;
    private final MlpParams params;
    private final CostNormalizer costs;

    public MlpRouter(List<String> models, MlpParams params, CostNormalizer costs) {
        if (models.size() != params.models || costs.models() != params.models) {
            throw new IllegalArgumentException("models " + models.size() + ", parameters " + params.describe()
                    + " and cost statistics for " + costs.models() + " models must agree");
        }
        this.models = List.copyOf(models);
        this.params = params.copy();
        this.costs = costs;
    }

    /** A router from a flat parameter vector in the {@link MlpParams} layout. */
    public static MlpRouter fromParameters(List<String> models, int dim, int hidden, double[] flat, CostNormalizer costs) {
        return new MlpRouter(models, MlpParams.fromArray(dim, hidden, models.size(), flat), costs);
    }

    @Override
    public String family() {
        return "mlp";
    }

    @Override
    public List<String> models() {
        return models;
    }

    @Override
    public int dim() {
        return params.dim;
    }

    public int hidden() {
        return params.hidden;
    }

    /** A copy of the parameters as one flat vector (FedAvg's exchange format). */
    public double[] parameters() {
        return params.toArray();
    }

    /** A copy of the parameters. */
    public MlpParams params() {
        return params.copy();
    }

    public CostNormalizer costNormalizer() {
        return costs;
    }

    @Override
    public void predict(float[] x, double[] accuracy, double[] cost) {
        requireDim(x, 0);
        int m = params.models;
        if (accuracy.length < m || cost.length < m) {
            throw new IllegalArgumentException("output arrays need " + m + " entries: accuracy " + accuracy.length + ", cost " + cost.length);
        }
        MlpNet net = new MlpNet(params.dim, params.hidden, m, 1, false);
        net.x[0] = x;
        net.forward(params, 1, 0, null);
        read(net.head[0], accuracy, cost);
    }

    @Override
    public Predictions predictAll(float[][] xs) {
        int m = params.models;
        double[][] acc = new double[xs.length][m];
        double[][] cost = new double[xs.length][m];
        if (xs.length == 0) {
            return new Predictions(acc, cost);
        }
        MlpNet net = new MlpNet(params.dim, params.hidden, m, Math.min(CHUNK, xs.length), false);
        for (int start = 0; start < xs.length; start += net.capacity) {
            int n = Math.min(net.capacity, xs.length - start);
            for (int r = 0; r < n; r++) {
                requireDim(xs[start + r], start + r);
                net.x[r] = xs[start + r];
            }
            net.forward(params, n, 0, null);
            for (int r = 0; r < n; r++) {
                read(net.head[r], acc[start + r], cost[start + r]);
            }
        }
        return new Predictions(acc, cost);
    }

    private void read(float[] head, double[] accuracy, double[] cost) {
        for (int k = 0; k < params.models; k++) {
            accuracy[k] = 1 / (1 + Math.exp(-head[2 * k]));
            cost[k] = costs.denormalize(k, head[2 * k + 1]);
        }
    }

    private void requireDim(float[] x, int row) {
        if (x.length != params.dim) {
            throw new IllegalArgumentException("embedding dimension mismatch at row " + row + ": " + x.length + " != " + params.dim);
        }
    }

    @Override
    public String toString() {
        return "MlpRouter[" + params.describe() + ", models=" + models + "]";
    }
}
