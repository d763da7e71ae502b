package io.fedrouter.router.mlp;

import java.util.Arrays;

/**
 * The adaptive server optimizers of Reddi et al., "Adaptive Federated Optimization" (ICLR 2021, Algorithm 2): the
 * aggregated delta Δ is a pseudo-gradient, {@code m ← β1·m + (1−β1)·Δ}, the second moment v moves by the rule of
 * the subclass, and {@code w ← w + η·m / (√v + τ)}; β1 = 0.9, β2 = 0.99, τ = 1e-3, v initialized to τ² as in the
 * paper (no bias correction).
 */
abstract class AdaptiveServerOptimizer implements ServerOptimizer {

    static final double BETA1 = 0.9;
    static final double BETA2 = 0.99;
    static final double TAU = 1e-3;

    private final double lr;
    private double[] m;
    private double[] v;

    AdaptiveServerOptimizer(double lr) {
        if (!(lr > 0) || Double.isInfinite(lr)) {
            throw new IllegalArgumentException("server-lr must be finite and > 0: " + lr);
        }
        this.lr = lr;
    }

    /** The next second moment from the current one and the squared pseudo-gradient. */
    abstract double secondMoment(double v, double d2);

    @Override
    public final void apply(double[] global, double[] delta) {
        if (global.length != delta.length) {
            throw new IllegalArgumentException("update has " + delta.length + " values, parameters " + global.length);
        }
        if (m == null) {
            m = new double[global.length];
            v = new double[global.length];
            Arrays.fill(v, TAU * TAU);
        }
        for (int j = 0; j < global.length; j++) {
            double d = delta[j];
            m[j] = BETA1 * m[j] + (1 - BETA1) * d;
            v[j] = secondMoment(v[j], d * d);
            global[j] += lr * m[j] / (Math.sqrt(v[j]) + TAU);
        }
    }
}
