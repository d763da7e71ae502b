package io.fedrouter.router.mlp;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The weights of the MLP router of SPEC §5.1, as single-precision row arrays: trunk Linear(d,h) → LayerNorm,
 * Linear(h,h) → LayerNorm, and the per-model heads Linear(h,2) stacked into one Linear(h,2M) whose columns 2m and
 * 2m+1 are model m's accuracy logit and normalized cost. Weights are stored input-major ({@code w[in][out]}, the
 * transpose of PyTorch's layout) so the forward product streams rows.
 *
 * <p>The flat layout used for federation ({@link #toArray()}) is, in order: w1 (d×h, row-major), b1, ln1 gain,
 * ln1 bias, w2 (h×h), b2, ln2 gain, ln2 bias, head weights (h×2M), head bias. This holder is mutable (trainers
 * update it in place) and not thread-safe; {@link MlpRouter} keeps its own copy.
 */
public final class MlpParams {

    final int dim;
    final int hidden;
    final int models;
    final float[][] w1;
    final float[] b1;
    final float[] g1;
    final float[] be1;
    final float[][] w2;
    final float[] b2;
    final float[] g2;
    final float[] be2;
    final float[][] wh;
    final float[] bh;
    /** Every array above in flat-layout order: what optimizers, clipping and export iterate over. */
    final float[][] blocks;

    private MlpParams(int dim, int hidden, int models) {
        if (dim < 1 || hidden < 1 || models < 1) {
            throw new IllegalArgumentException("dim, hidden and models must be >= 1: " + dim + ", " + hidden + ", " + models);
        }
        this.dim = dim;
        this.hidden = hidden;
        this.models = models;
        w1 = new float[dim][hidden];
        b1 = new float[hidden];
        g1 = new float[hidden];
        be1 = new float[hidden];
        w2 = new float[hidden][hidden];
        b2 = new float[hidden];
        g2 = new float[hidden];
        be2 = new float[hidden];
        wh = new float[hidden][2 * models];
        bh = new float[2 * models];
        blocks = new float[dim + 2 * hidden + 7][];
        int k = 0;
        for (float[] r : w1) {
            blocks[k++] = r;
        }
        blocks[k++] = b1;
        blocks[k++] = g1;
        blocks[k++] = be1;
        for (float[] r : w2) {
            blocks[k++] = r;
        }
        blocks[k++] = b2;
        blocks[k++] = g2;
        blocks[k++] = be2;
        for (float[] r : wh) {
            blocks[k++] = r;
        }
        blocks[k] = bh;
    }

    /** All-zero parameters (also the shape of a gradient). */
    public static MlpParams zeros(int dim, int hidden, int models) {
        return new MlpParams(dim, hidden, models);
    }

    /**
     * PyTorch's default initialization: Linear weights and biases uniform in ±1/√fan_in (Kaiming-uniform with
     * a = √5), LayerNorm gain 1 and bias 0.
     */
    public static MlpParams init(int dim, int hidden, int models, SplittableRandom rng) {
        MlpParams p = new MlpParams(dim, hidden, models);
        uniform(p.w1, p.b1, dim, rng);
        uniform(p.w2, p.b2, hidden, rng);
        uniform(p.wh, p.bh, hidden, rng);
        Arrays.fill(p.g1, 1f);
        Arrays.fill(p.g2, 1f);
        return p;
    }

    private static void uniform(float[][] w, float[] b, int fanIn, SplittableRandom rng) {
        double bound = 1.0 / Math.sqrt(fanIn);
        for (float[] row : w) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) rng.nextDouble(-bound, bound);
            }
        }
        for (int j = 0; j < b.length; j++) {
            b[j] = (float) rng.nextDouble(-bound, bound);
        }
    }

    /** Number of scalar parameters for this shape. */
    public static int size(int dim, int hidden, int models) {
        return dim * hidden + 3 * hidden + hidden * hidden + 3 * hidden + hidden * 2 * models + 2 * models;
    }

    public int size() {
        return size(dim, hidden, models);
    }

    public int dim() {
        return dim;
    }

    public int hidden() {
        return hidden;
    }

    public int models() {
        return models;
    }

    /** The parameters as one flat vector in the documented layout (for FedAvg). */
    public double[] toArray() {
        double[] out = new double[size()];
        int k = 0;
        for (float[] b : blocks) {
            for (float v : b) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** Parameters of the given shape read from a flat vector in the documented layout. */
    public static MlpParams fromArray(int dim, int hidden, int models, double[] flat) {
        MlpParams p = new MlpParams(dim, hidden, models);
        if (flat.length != p.size()) {
            throw new IllegalArgumentException("parameter vector has " + flat.length + " values, shape d=" + dim
                    + ", hidden=" + hidden + ", models=" + models + " needs " + p.size());
        }
        int k = 0;
        for (float[] b : p.blocks) {
            for (int j = 0; j < b.length; j++) {
                b[j] = (float) flat[k++];
            }
        }
        return p;
    }

    public MlpParams copy() {
        MlpParams p = new MlpParams(dim, hidden, models);
        p.copyFrom(this);
        return p;
    }

    void copyFrom(MlpParams o) {
        if (o.dim != dim || o.hidden != hidden || o.models != models) {
            throw new IllegalArgumentException("shapes differ: " + describe() + " vs " + o.describe());
        }
        for (int k = 0; k < blocks.length; k++) {
            System.arraycopy(o.blocks[k], 0, blocks[k], 0, blocks[k].length);
        }
    }

    String describe() {
        return "d=" + dim + ", hidden=" + hidden + ", models=" + models;
    }
}
