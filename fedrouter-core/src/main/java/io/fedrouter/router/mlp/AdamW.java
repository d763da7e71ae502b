package io.fedrouter.router.mlp;

/**
 * AdamW with decoupled weight decay (Loshchilov &amp; Hutter, "Decoupled Weight Decay Regularization", ICLR 2019),
 * matching {@code torch.optim.AdamW} with β = (0.9, 0.999), ε = 1e-8 and decay applied to every parameter. State
 * is created fresh per instance: SPEC §6 asks for a fresh optimizer each federated round.
 */
final class AdamW {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double lr;
    private final double weightDecay;
    private final MlpParams m;
    private final MlpParams v;
    private int step;

    AdamW(MlpParams shape, double lr, double weightDecay) {
        if (!(lr > 0) || !(weightDecay >= 0)) {
            throw new IllegalArgumentException("lr must be > 0 and weight decay >= 0: lr=" + lr + ", weight-decay=" + weightDecay);
        }
        this.lr = lr;
        this.weightDecay = weightDecay;
        this.m = MlpParams.zeros(shape.dim, shape.hidden, shape.models);
        this.v = MlpParams.zeros(shape.dim, shape.hidden, shape.models);
    }

    /** One update of {@code p} in place from gradient {@code g}. */
    void step(MlpParams p, MlpParams g) {
        step++;
        double bc1 = 1 - Math.pow(BETA1, step);
        double bc2 = 1 - Math.pow(BETA2, step);
        float decay = (float) (1 - lr * weightDecay);
        float stepSize = (float) (lr / bc1);
        float invSqrtBc2 = (float) (1 / Math.sqrt(bc2));
        float b1 = (float) BETA1;
        float b2 = (float) BETA2;
        float eps = (float) EPS;
        for (int k = 0; k < p.blocks.length; k++) {
            float[] pk = p.blocks[k];
            float[] gk = g.blocks[k];
            float[] mk = m.blocks[k];
            float[] vk = v.blocks[k];
            for (int j = 0; j < pk.length; j++) {
                float gj = gk[j];
                float mj = b1 * mk[j] + (1 - b1) * gj;
                float vj = b2 * vk[j] + (1 - b2) * gj * gj;
                mk[j] = mj;
                vk[j] = vj;
                pk[j] = pk[j] * decay - stepSize * mj / ((float) Math.sqrt(vj) * invSqrtBc2 + eps);
            }
        }
    }
}
