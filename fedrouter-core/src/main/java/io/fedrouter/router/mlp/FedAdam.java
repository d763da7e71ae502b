package io.fedrouter.router.mlp;

/**
 * FedAdam (Reddi et al., "Adaptive Federated Optimization", ICLR 2021, Algorithm 2): Adam on the server with the
 * aggregated delta as pseudo-gradient, {@code v ← β2·v + (1−β2)·Δ²}.
 */
public final class FedAdam extends AdaptiveServerOptimizer {

    public FedAdam(double lr) {
        super(lr);
    }

    @Override
    public String name() {
        return "fedadam";
    }

    @Override
    double secondMoment(double v, double d2) {
        return BETA2 * v + (1 - BETA2) * d2;
    }
}
