package io.fedrouter.router.mlp;

/**
 * Plain FedAvg on the server: {@code w ← w + η·Δ} (McMahan et al., "Communication-Efficient Learning of Deep
 * Networks from Decentralized Data", AISTATS 2017); with η = 1 the global model becomes the weighted mean of the
 * clients' models.
 */
public final class ServerSgd implements ServerOptimizer {

    private final double lr;

    public ServerSgd(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("server-lr must be finite and > 0: " + lr);
        }
        this.lr = lr;
    }

    @Override
    public String name() {
        return "fedavg";
    }

    @Override
    public void apply(double[] global, double[] delta) {
        if (global.length != delta.length) {
            throw new IllegalArgumentException("update has " + delta.length + " values, parameters " + global.length);
        }
        for (int j = 0; j < global.length; j++) {
            global[j] += lr * delta[j];
        }
    }
}
