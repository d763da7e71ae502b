package io.fedrouter.router.mlp;

/**
 * FedYogi (Reddi et al., "Adaptive Federated Optimization", ICLR 2021, Algorithm 2): like {@link FedAdam} but the
 * second moment moves additively, {@code v ← v − (1−β2)·Δ²·sign(v − Δ²)}, so it grows slowly and never collapses.
 */
public final class FedYogi extends AdaptiveServerOptimizer {

    public FedYogi(double lr) {
        super(lr);
    }

    @Override
    public String name() {
        return "fedyogi";
    }

    @Override
    double secondMoment(double v, double d2) {
        return v - (1 - BETA2) * d2 * Math.signum(v - d2);
    }
}
