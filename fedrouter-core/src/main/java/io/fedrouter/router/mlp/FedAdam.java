package io.fedrouter.router.mlp;

/**
 * FedAdam (Reddi et al., "Adaptive Federated Optimization", ICLR 2021, Algorithm 2): the aggregated delta is a
 * pseudo-gradient for Adam on the server, {@code m ← β1·m + (1−β1)·Δ; v ← β2·v + (1−β2)·Δ²;
 * w ← w + η·m / (√v + τ)}, with β1 = 0.9, β2 = 0.99, τ = 1e-3 and v initialized to τ² as in the paper (no bias
 * correction).
 */
public final class FedAdam implements ServerOptimizer {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.99;
    static final double TAU = 1e-3;

    private final double lr;
    private double[] m;
    private double[] v;

    public FedAdam(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("server-lr must be finite and > 0: " + lr);
        }
        this.lr = lr;
    }

    @Override
    public String name() {
        return "fedadam";
    }

    @Override
    public void apply(double[] global, double[] delta) {
        if (global.length != delta.length) {
            throw new IllegalArgumentException("update has " + delta.length + " values, parameters " + global.length);
        }
        if (m == null) {
            m = new double[global.length];
            v = new double[global.length];
            java.util.Arrays.fill(v, TAU * TAU);
        }
        for (int j = 0; j < global.length; j++) {
            double d = delta[j];
            m[j] = BETA1 * m[j] + (1 - BETA1) * d;
            v[j] = BETA2 * v[j] + (1 - BETA2) * d * d;
            global[j] += lr * m[j] / (Math.sqrt(v[j]) + TAU);
        }
    }
}
