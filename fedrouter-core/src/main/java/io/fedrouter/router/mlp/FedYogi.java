package io.fedrouter.router.mlp;

/**
 * FedYogi (Reddi et al., "Adaptive Federated Optimization", ICLR 2021, Algorithm 2): like {@link FedAdam} but the
 * second moment moves additively, {@code v ← v − (1−β2)·Δ²·sign(v − Δ²)}, so it grows slowly and never collapses;
 * β1 = 0.9, β2 = 0.99, τ = 1e-3, v initialized to τ².
 */
public final class FedYogi implements ServerOptimizer {

    private final double lr;
    private double[] m;
    private double[] v;

    public FedYogi(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("server-lr must be finite and > 0: " + lr);
        }
        this.lr = lr;
    }

    @Override
    public String name() {
        return "fedyogi";
    }

    @Override
    public void apply(double[] global, double[] delta) {
        if (global.length != delta.length) {
            throw new IllegalArgumentException("update has " + delta.length + " values, parameters " + global.length);
        }
        if (m == null) {
            m = new double[global.length];
            v = new double[global.length];
            java.util.Arrays.fill(v, FedAdam.TAU * FedAdam.TAU);
        }
        for (int j = 0; j < global.length; j++) {
            double d = delta[j];
            double d2 = d * d;
            m[j] = FedAdam.BETA1 * m[j] + (1 - FedAdam.BETA1) * d;
            v[j] = v[j] - (1 - FedAdam.BETA2) * d2 * Math.signum(v[j] - d2);
            global[j] += lr * m[j] / (Math.sqrt(v[j]) + FedAdam.TAU);
        }
    }
}
