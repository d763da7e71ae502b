package io.fedrouter.router;

import java.util.List;

/**
 * A learned router: for a query embedding it predicts, per model, the accuracy in [0,1] and the cost in USD.
 * Choosing a model from those predictions is the separate {@link RoutingRule}. Implementations are immutable and
 * thread-safe.
 */
public interface Router {

    /** Router family as registered in {@link RouterRegistry}, e.g. {@code mlp}. */
    String family();

    /** Model ids, in the order predictions are written. */
    List<String> models();

    /** Input embedding dimension. */
    int dim();

    /**
     * Predicts accuracy and cost for every model.
     *
     * @param x        query embedding of length {@link #dim()}
     * @param accuracy out: predicted accuracy per model
     * @param cost     out: predicted cost in USD per model
     */
    void predict(float[] x, double[] accuracy, double[] cost);

    /** Predictions for many queries; routers with batched kernels override this. */
    default Predictions predictAll(float[][] xs) {
        int m = models().size();
        double[][] acc = new double[xs.length][m];
        double[][] cost = new double[xs.length][m];
        for (int i = 0; i < xs.length; i++) {
            predict(xs[i], acc[i], cost[i]);
        }
        return new Predictions(acc, cost);
    }

    /** Predicted accuracy and cost, n × M each. */
    record Predictions(double[][] accuracy, double[][] cost) {
    }
}
