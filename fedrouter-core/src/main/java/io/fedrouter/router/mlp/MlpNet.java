package io.fedrouter.router.mlp;

import io.fedrouter.math.Kernels;

import java.util.SplittableRandom;

/**
 * Forward and backward passes of the MLP of SPEC §5.1 over a batch, with every buffer allocated once for a
 * maximum batch size. GELU uses the tanh approximation (PyTorch {@code approximate="tanh"}, Hendrycks &amp; Gimpel,
 * "Gaussian Error Linear Units", 2016): it needs one {@code exp} per unit and its derivative is closed-form;
 * it differs from the erf form by less than 1e-3. LayerNorm uses ε = 1e-5 like PyTorch. Not thread-safe: one
 * workspace per trainer or per predicting call.
 */
final class MlpNet {

    static final float LN_EPS = 1e-5f;
    private static final double GELU_C = Math.sqrt(2 / Math.PI);
    private static final double GELU_K = 0.044715;

    final int dim;
    final int hidden;
    final int outs;
    final int capacity;

    /** Input rows of the current batch: references to the caller's embeddings, never copied. */
    final float[][] x;
    // per trunk layer: normalized pre-activation, layer output (after GELU and dropout), and
    // d output / d LayerNorm output (GELU derivative times the dropout scale), plus 1/σ per row
    private final float[][] xhat1;
    private final float[][] xhat2;
    final float[][] out1;
    final float[][] out2;
    private final float[][] gd1;
    private final float[][] gd2;
    private final float[] rstd1;
    private final float[] rstd2;
    /** Head outputs: column 2m is model m's accuracy logit, 2m+1 its normalized cost. */
    final float[][] head;

    // backward-only buffers, null for an inference workspace
    final float[][] dHead;
    private final float[][] dA;
    private final float[][] dZ;
    private final float[][] actT;
    private final float[][] xT;
    private final float[][] w2T;
    private final float[][] whT;

    MlpNet(int dim, int hidden, int models, int capacity, boolean training) {
        if (capacity < 1) {
            throw new IllegalArgumentException("batch capacity must be >= 1: " + capacity);
        }
        this.dim = dim;
        this.hidden = hidden;
        this.outs = 2 * models;
        this.capacity = capacity;
        x = new float[capacity][];
        xhat1 = new float[capacity][hidden];
        xhat2 = new float[capacity][hidden];
        out1 = new float[capacity][hidden];
        out2 = new float[capacity][hidden];
        gd1 = training ? new float[capacity][hidden] : null;
        gd2 = training ? new float[capacity][hidden] : null;
        rstd1 = new float[capacity];
        rstd2 = new float[capacity];
        head = new float[capacity][outs];
        dHead = training ? new float[capacity][outs] : null;
        dA = training ? new float[capacity][hidden] : null;
        dZ = training ? new float[capacity][hidden] : null;
        actT = training ? new float[hidden][capacity] : null;
        xT = training ? new float[dim][capacity] : null;
        w2T = training ? new float[hidden][hidden] : null;
        whT = training ? new float[outs][hidden] : null;
    }

    /**
     * Forward pass over rows {@code x[0..n)}. With a non-null {@code dropoutRng} and {@code dropout > 0} units are
     * zeroed with probability {@code dropout} and survivors scaled by 1/(1−p) (inverted dropout); masks are drawn
     * row by row, layer 1 then layer 2, so a seed fixes them.
     */
    void forward(MlpParams p, int n, double dropout, SplittableRandom dropoutRng) {
        check(p, n);
        boolean drop = dropoutRng != null && dropout > 0;
        Kernels.matmul(x, p.w1, xhat1, n, dim, hidden, false);
        trunkActivation(p.b1, p.g1, p.be1, xhat1, out1, gd1, rstd1, n, drop ? dropout : 0, dropoutRng);
        Kernels.matmul(out1, p.w2, xhat2, n, hidden, hidden, false);
        trunkActivation(p.b2, p.g2, p.be2, xhat2, out2, gd2, rstd2, n, drop ? dropout : 0, dropoutRng);
        Kernels.matmul(out2, p.wh, head, n, hidden, outs, false);
        for (int i = 0; i < n; i++) {
            float[] row = head[i];
            for (int j = 0; j < outs; j++) {
                row[j] += p.bh[j];
            }
        }
    }

    /** Bias, LayerNorm (in place in {@code z}, leaving x̂), GELU and dropout, row by row. */
    private void trunkActivation(float[] bias, float[] gain, float[] shift, float[][] z, float[][] out, float[][] gd,
                                 float[] rstd, int n, double dropout, SplittableRandom rng) {
        int h = hidden;
        float keepScale = (float) (1 / (1 - dropout));
        for (int i = 0; i < n; i++) {
            float[] zi = z[i];
            double s = 0;
            for (int j = 0; j < h; j++) {
                zi[j] += bias[j];
                s += zi[j];
            }
            float mu = (float) (s / h);
            double v = 0;
            for (int j = 0; j < h; j++) {
                float c = zi[j] - mu;
                v += c * c;
            }
            float r = (float) (1 / Math.sqrt(v / h + LN_EPS));
            rstd[i] = r;
            float[] oi = out[i];
            float[] gi = gd == null ? null : gd[i];
            for (int j = 0; j < h; j++) {
                float xh = (zi[j] - mu) * r;
                zi[j] = xh;
                double y = gain[j] * xh + shift[j];
                double u = GELU_C * (y + GELU_K * y * y * y);
                double t = 1 - 2 / (Math.exp(2 * u) + 1);
                float scale = 1f;
                if (dropout > 0) {
                    scale = rng.nextDouble() < dropout ? 0f : keepScale;
                }
                oi[j] = (float) (0.5 * y * (1 + t)) * scale;
                if (gi != null) {
                    double dGelu = 0.5 * (1 + t) + 0.5 * y * (1 - t * t) * GELU_C * (1 + 3 * GELU_K * y * y);
                    gi[j] = (float) dGelu * scale;
                }
            }
        }
    }

    /**
     * Backward pass of the last {@link #forward}, starting from {@code dHead[0..n)} (d loss / d head outputs),
     * writing every parameter's gradient into {@code g} (overwritten, not accumulated).
     */
    void backward(MlpParams p, MlpParams g, int n) {
        check(p, n);
        // head: dWh = out2ᵀ·dHead, dbh = Σ dHead, d out2 = dHead·Whᵀ
        Kernels.transpose(out2, n, hidden, actT);
        Kernels.matmul(actT, dHead, g.wh, hidden, n, outs, false);
        columnSums(dHead, n, outs, g.bh);
        Kernels.transpose(p.wh, hidden, outs, whT);
        Kernels.matmul(dHead, whT, dA, n, outs, hidden, false);
        trunkBackward(p.g2, xhat2, gd2, rstd2, n, g.g2, g.be2);
        columnSums(dZ, n, hidden, g.b2);
        Kernels.transpose(out1, n, hidden, actT);
        Kernels.matmul(actT, dZ, g.w2, hidden, n, hidden, false);
        Kernels.transpose(p.w2, hidden, hidden, w2T);
        Kernels.matmul(dZ, w2T, dA, n, hidden, hidden, false);
        trunkBackward(p.g1, xhat1, gd1, rstd1, n, g.g1, g.be1);
        columnSums(dZ, n, hidden, g.b1);
        Kernels.transpose(x, n, dim, xT);
        Kernels.matmul(xT, dZ, g.w1, dim, n, hidden, false);
    }

    /** From d loss / d layer output in {@code dA} to d loss / d pre-LayerNorm in {@code dZ}, plus gain/shift grads. */
    private void trunkBackward(float[] gain, float[][] xhat, float[][] gd, float[] rstd, int n, float[] gGain, float[] gShift) {
        int h = hidden;
        java.util.Arrays.fill(gGain, 0f);
        java.util.Arrays.fill(gShift, 0f);
        for (int i = 0; i < n; i++) {
            float[] dai = dA[i];
            float[] gdi = gd[i];
            float[] xi = xhat[i];
            float[] dzi = dZ[i];
            double sumD = 0;
            double sumDx = 0;
            for (int j = 0; j < h; j++) {
                float dy = dai[j] * gdi[j];
                gGain[j] += dy * xi[j];
                gShift[j] += dy;
                float dxh = dy * gain[j];
                dzi[j] = dxh;
                sumD += dxh;
                sumDx += dxh * xi[j];
            }
            // d z = (1/σ)·(dx̂ − mean(dx̂) − x̂·mean(dx̂ ⊙ x̂))
            float meanD = (float) (sumD / h);
            float meanDx = (float) (sumDx / h);
            float r = rstd[i];
            for (int j = 0; j < h; j++) {
                dzi[j] = r * (dzi[j] - meanD - xi[j] * meanDx);
            }
        }
    }

    private static void columnSums(float[][] a, int n, int cols, float[] out) {
        java.util.Arrays.fill(out, 0, cols, 0f);
        for (int i = 0; i < n; i++) {
            float[] ai = a[i];
            for (int j = 0; j < cols; j++) {
                out[j] += ai[j];
            }
        }
    }

    private void check(MlpParams p, int n) {
        if (p.dim != dim || p.hidden != hidden || 2 * p.models != outs) {
            throw new IllegalArgumentException("parameters " + p.describe() + " do not fit a workspace for d=" + dim
                    + ", hidden=" + hidden + ", models=" + outs / 2);
        }
        if (n < 0 || n > capacity) {
            throw new IllegalArgumentException("batch of " + n + " rows exceeds capacity " + capacity);
        }
    }
}
