package io.fedrouter.router.kmeans;

import io.fedrouter.router.Router;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The non-parametric K-means router of "Federate the Router" (Askin et al., arXiv 2601.22318; SPEC §5.2): global
 * cluster centers and, per (cluster, model), the mean observed accuracy, mean observed cost and the number of
 * observations. A query is routed with the table of its nearest center. A cell without observations falls back
 * per {@link Fallback}. Immutable and thread-safe.
 */
public final class KMeansRouter implements Router {

    /** Family name, as registered. */
    public static final String FAMILY = "kmeans";

    /** The paper's prediction for an unobserved cell: accuracy 0 at a prohibitive cost. */
    public static final double PAPER_ACCURACY = 0;
    public static final double PAPER_COST = 1e6;

    /** What an empty (cluster, model) cell predicts. */
    public enum Fallback {
        /**
         * The model's mean accuracy and cost over all clusters (the default: an unseen cell still says what the
         * model usually does). A model with no observation anywhere gets the paper's values.
         */
        GLOBAL_MEAN("global-mean"),
        /** The paper's choice: accuracy 0, cost 1e6, so an unobserved model is never picked when another has data. */
        PAPER("paper");

        private final String key;

        Fallback(String key) {
            this.key = key;
        }

        /** The option value, e.g. {@code global-mean}. */
        public String key() {
            return key;
        }

        public static Fallback parse(String s) {
            for (Fallback f : values()) {
                if (f.key.equals(s.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            throw new IllegalArgumentException("unknown fallback '" + s + "'; known: global-mean, paper");
        }
    }

    private final List<String> models;
    private final Centers centers;
    private final double[][] meanAccuracy;
    private final double[][] meanCost;
    private final long[][] counts;
    private final double[] globalAccuracy;
    private final double[] globalCost;
    private final Fallback fallback;
    private final double prior;
    /** Predictions per cluster with the fallback applied, k × M row-major: predict is a lookup. */
    private final double[] predAccuracy;
    private final double[] predCost;

    /**
     * @param models         model ids (M)
     * @param centers        the K cluster centers
     * @param meanAccuracy   K × M mean observed accuracy; read only where {@code counts > 0}
     * @param meanCost       K × M mean observed cost in USD; read only where {@code counts > 0}
     * @param counts         K × M number of observed cells
     * @param globalAccuracy per-model mean accuracy over all clusters, {@code NaN} when the model has no data
     * @param globalCost     per-model mean cost over all clusters, {@code NaN} when the model has no data
     * @param fallback       what empty cells predict
     */
    public KMeansRouter(List<String> models, Centers centers, double[][] meanAccuracy, double[][] meanCost, long[][] counts,
                        double[] globalAccuracy, double[] globalCost, Fallback fallback) {
        this(models, centers, meanAccuracy, meanCost, counts, globalAccuracy, globalCost, fallback, 0);
    }

    /**
     * As above, with cell means shrunk toward the model's global means: a cell with n observations predicts
     * {@code (n·mean + prior·global) / (n + prior)}. With sparse logs most cells hold a handful of observations,
     * and a plain mean of three 0/1 scores routes on noise; {@code prior} (a pseudo-count, 0 = plain means, the
     * paper's rule) trades that noise for the model's overall behaviour.
     *
     * @param prior pseudo-count of the global mean in every observed cell, finite and ≥ 0
     */
    public KMeansRouter(List<String> models, Centers centers, double[][] meanAccuracy, double[][] meanCost, long[][] counts,
                        double[] globalAccuracy, double[] globalCost, Fallback fallback, double prior) {
        int k = centers.k();
        int m = models.size();
        if (m == 0) {
            throw new IllegalArgumentException("a router needs at least one model");
        }
        requireShape("mean accuracy", meanAccuracy, k, m);
        requireShape("mean cost", meanCost, k, m);
        if (counts.length != k) {
            throw new IllegalArgumentException("counts have " + counts.length + " rows, centers " + k);
        }
        if (globalAccuracy.length != m || globalCost.length != m) {
            throw new IllegalArgumentException("global means have lengths " + globalAccuracy.length + " and " + globalCost.length + ", models " + m);
        }
        if (!(prior >= 0) || Double.isInfinite(prior)) {
            throw new IllegalArgumentException("prior must be finite and >= 0: " + prior);
        }
        this.models = List.copyOf(models);
        this.centers = centers;
        this.fallback = fallback;
        this.prior = prior;
        this.meanAccuracy = deepCopy(meanAccuracy);
        this.meanCost = deepCopy(meanCost);
        this.counts = new long[k][];
        this.globalAccuracy = globalAccuracy.clone();
        this.globalCost = globalCost.clone();
        this.predAccuracy = new double[k * m];
        this.predCost = new double[k * m];
        for (int c = 0; c < k; c++) {
            if (counts[c].length != m) {
                throw new IllegalArgumentException("counts row " + c + " has " + counts[c].length + " models, expected " + m);
            }
            this.counts[c] = counts[c].clone();
            for (int j = 0; j < m; j++) {
                double a;
                double co;
                if (counts[c][j] > 0) {
                    a = meanAccuracy[c][j];
                    co = meanCost[c][j];
                    if (!Double.isFinite(a) || !Double.isFinite(co)) {
                        throw new IllegalArgumentException("cell (" + c + ", " + j + ") has " + counts[c][j] + " observations but means " + a + ", " + co);
                    }
                    if (prior > 0 && Double.isFinite(globalAccuracy[j]) && Double.isFinite(globalCost[j])) {
                        double n = counts[c][j];
                        a = (n * a + prior * globalAccuracy[j]) / (n + prior);
                        co = (n * co + prior * globalCost[j]) / (n + prior);
                    }
                } else if (counts[c][j] < 0) {
                    throw new IllegalArgumentException("cell (" + c + ", " + j + ") has a negative count " + counts[c][j]);
                } else if (fallback == Fallback.GLOBAL_MEAN && Double.isFinite(globalAccuracy[j]) && Double.isFinite(globalCost[j])) {
                    a = globalAccuracy[j];
                    co = globalCost[j];
                } else {
                    a = PAPER_ACCURACY;
                    co = PAPER_COST;
                }
                predAccuracy[c * m + j] = a;
                predCost[c * m + j] = co;
            }
        }
    }

    @Override
    public String family() {
        return FAMILY;
    }

    @Override
    public List<String> models() {
        return models;
    }

    @Override
    public int dim() {
        return centers.dim();
    }

    public Centers centers() {
        return centers;
    }

    public Fallback fallback() {
        return fallback;
    }

    /** Pseudo-count of the global mean in every observed cell (0: plain cell means). */
    public double prior() {
        return prior;
    }

    /** Mean observed accuracy per (cluster, model), {@code NaN} for empty cells; a copy. */
    public double[][] meanAccuracy() {
        return masked(meanAccuracy);
    }

    /** Mean observed cost per (cluster, model), {@code NaN} for empty cells; a copy. */
    public double[][] meanCost() {
        return masked(meanCost);
    }

    /** Observations per (cluster, model); a copy. */
    public long[][] counts() {
        long[][] out = new long[counts.length][];
        for (int c = 0; c < counts.length; c++) {
            out[c] = counts[c].clone();
        }
        return out;
    }

    /** Per-model mean accuracy over all clusters, {@code NaN} for a model without data; a copy. */
    public double[] globalAccuracy() {
        return globalAccuracy.clone();
    }

    /** Per-model mean cost over all clusters, {@code NaN} for a model without data; a copy. */
    public double[] globalCost() {
        return globalCost.clone();
    }

    @Override
    public void predict(float[] x, double[] accuracy, double[] cost) {
        int m = models.size();
        if (accuracy.length != m || cost.length != m) {
            throw new IllegalArgumentException("output arrays have lengths " + accuracy.length + " and " + cost.length + ", models " + m);
        }
        int c = centers.nearest(x);
        System.arraycopy(predAccuracy, c * m, accuracy, 0, m);
        System.arraycopy(predCost, c * m, cost, 0, m);
    }

    @Override
    public Predictions predictAll(float[][] xs) {
        int m = models.size();
        int[] labels = centers.assign(xs);
        double[][] acc = new double[xs.length][];
        double[][] cost = new double[xs.length][];
        for (int i = 0; i < xs.length; i++) {
            acc[i] = Arrays.copyOfRange(predAccuracy, labels[i] * m, (labels[i] + 1) * m);
            cost[i] = Arrays.copyOfRange(predCost, labels[i] * m, (labels[i] + 1) * m);
        }
        return new Predictions(acc, cost);
    }

    @Override
    public String toString() {
        return "KMeansRouter[k=" + centers.k() + ", d=" + centers.dim() + ", models=" + models.size() + ", fallback=" + fallback.key() + "]";
    }

    private double[][] masked(double[][] means) {
        double[][] out = deepCopy(means);
        for (int c = 0; c < out.length; c++) {
            for (int j = 0; j < out[c].length; j++) {
                if (counts[c][j] == 0) {
                    out[c][j] = Double.NaN;
                }
            }
        }
        return out;
    }

    private static void requireShape(String what, double[][] a, int k, int m) {
        if (a.length != k) {
            throw new IllegalArgumentException(what + " has " + a.length + " rows, centers " + k);
        }
        for (int c = 0; c < k; c++) {
            if (a[c].length != m) {
                throw new IllegalArgumentException(what + " row " + c + " has " + a[c].length + " models, expected " + m);
            }
        }
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] out = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i].clone();
        }
        return out;
    }
}
