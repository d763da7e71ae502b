package io.fedrouter.router.mlp;

/**
 * FedAvg with server momentum (Hsu et al., "Measuring the Effects of Non-Identical Data Distribution for Federated
 * Visual Classification", 2019): {@code v ← β·v + Δ; w ← w + η·v}.
 */
public final class FedAvgM implements ServerOptimizer {

    private final double lr;
    private final double momentum;
    private double[] velocity;

    public FedAvgM(double lr, double momentum) {
        if (!(lr > 0) || Double.isInfinite(lr) || !(momentum >= 0 && momentum < 1)) {
            throw new IllegalArgumentException("server-lr must be finite and > 0 and server-momentum in [0,1): " + lr + ", " + momentum);
        }
        this.lr = lr;
        this.momentum = momentum;
    }

    @Override
    public String name() {
        return "fedavgm";
    }

    @Override
    public void apply(double[] global, double[] delta) {
        if (global.length != delta.length) {
            throw new IllegalArgumentException("update has " + delta.length + " values, parameters " + global.length);
        }
        if (velocity == null) {
            velocity = new double[global.length];
        }
        for (int j = 0; j < global.length; j++) {
            velocity[j] = momentum * velocity[j] + delta[j];
            global[j] += lr * velocity[j];
        }
    }
}
