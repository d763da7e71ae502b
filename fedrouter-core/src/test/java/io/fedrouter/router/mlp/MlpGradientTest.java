package io.fedrouter.router.mlp;

import io.fedrouter.router.LabeledSet;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-propagation checked against central finite differences on a tiny network, for every parameter group,
 * with dropout masks fixed by re-seeding the mask stream for each evaluation.
 */
class MlpGradientTest {

    private static final int D = 5;
    private static final int H = 6;
    private static final int M = 3;
    private static final int N = 7;

    static LabeledSet tinyData(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[N][D];
        double[][] s = new double[N][M];
        double[][] c = new double[N][M];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                x[i][j] = (float) r.nextDouble(-2, 2);
            }
            for (int m = 0; m < M; m++) {
                // about half the cells observed, like a sparse train view but denser so every head gets gradient
                boolean seen = (i + m) % 2 == 0;
                s[i][m] = seen ? r.nextDouble() : Double.NaN;
                c[i][m] = seen ? r.nextDouble(0, 0.05) : Double.NaN;
            }
        }
        return new LabeledSet(x, s, c);
    }

    private static double loss(MlpTrainer.Batch batch, MlpParams p, int[] order, double dropout, MlpParams scratch) {
        SplittableRandom masks = dropout > 0 ? new SplittableRandom(99) : null;
        return batch.lossAndGradient(p, order, 0, N, dropout, masks, scratch);
    }

    private static void check(double dropout, double mu) {
        LabeledSet data = tinyData(3);
        MlpParams p = MlpParams.init(D, H, M, new SplittableRandom(5));
        // Perturb LayerNorm gains/shifts away from 1/0 so their gradients are generic.
        SplittableRandom r = new SplittableRandom(8);
        for (int j = 0; j < H; j++) {
            p.g1[j] += (float) r.nextDouble(-0.3, 0.3);
            p.be1[j] += (float) r.nextDouble(-0.3, 0.3);
            p.g2[j] += (float) r.nextDouble(-0.3, 0.3);
            p.be2[j] += (float) r.nextDouble(-0.3, 0.3);
        }
        MlpParams anchor = MlpParams.init(D, H, M, new SplittableRandom(6));
        CostNormalizer costs = CostNormalizer.fit(data.cost(), M);
        MlpTrainer.Batch batch = new MlpTrainer.Batch(p, costs, data, N);
        int[] order = {3, 0, 6, 1, 5, 2, 4};
        MlpParams grad = MlpParams.zeros(D, H, M);
        MlpParams scratch = MlpParams.zeros(D, H, M);
        loss(batch, p, order, dropout, grad);
        if (mu > 0) {
            MlpTrainer.addProximal(p, anchor, mu, grad);
        }

        float[][] groups = {p.w1[0], p.w1[4], p.b1, p.g1, p.be1, p.w2[2], p.b2, p.g2, p.be2, p.wh[1], p.wh[5], p.bh};
        float[][] gradGroups = {grad.w1[0], grad.w1[4], grad.b1, grad.g1, grad.be1, grad.w2[2], grad.b2, grad.g2, grad.be2, grad.wh[1], grad.wh[5], grad.bh};
        String[] names = {"w1[0]", "w1[4]", "b1", "ln1-gain", "ln1-shift", "w2[2]", "b2", "ln2-gain", "ln2-shift", "head-w[1]", "head-w[5]", "head-b"};
        double eps = 1e-2;
        double worst = 0;
        for (int gi = 0; gi < groups.length; gi++) {
            float[] w = groups[gi];
            for (int j = 0; j < w.length; j++) {
                float orig = w[j];
                w[j] = (float) (orig + eps);
                double up = loss(batch, p, order, dropout, scratch) + (mu > 0 ? prox(p, anchor, mu) : 0);
                w[j] = (float) (orig - eps);
                double down = loss(batch, p, order, dropout, scratch) + (mu > 0 ? prox(p, anchor, mu) : 0);
                w[j] = orig;
                double numeric = (up - down) / (2 * eps);
                double analytic = gradGroups[gi][j];
                double err = Math.abs(numeric - analytic);
                worst = Math.max(worst, err / (1e-3 + Math.abs(numeric)));
                assertEquals(numeric, analytic, 2e-4 + 1e-2 * Math.abs(numeric), names[gi] + "[" + j + "]");
            }
        }
        assertTrue(worst < 1, "worst relative error " + worst);
    }

    private static double prox(MlpParams p, MlpParams anchor, double mu) {
        return MlpTrainer.addProximal(p, anchor, mu, MlpParams.zeros(D, H, M));
    }

    @Test
    void backpropMatchesFiniteDifferencesWithoutDropout() {
        check(0, 0);
    }

    @Test
    void backpropMatchesFiniteDifferencesWithFixedDropoutMasks() {
        check(0.3, 0);
    }

    @Test
    void proximalTermGradientMatchesFiniteDifferences() {
        check(0, 0.7);
    }
}
