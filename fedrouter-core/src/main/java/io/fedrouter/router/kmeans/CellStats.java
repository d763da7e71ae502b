package io.fedrouter.router.kmeans;

import io.fedrouter.federation.RecordDict;
import io.fedrouter.federation.Tensor;
import io.fedrouter.router.LabeledSet;

import java.util.Arrays;
import java.util.List;

/**
 * Sufficient statistics of a K-means router: per (cluster, model) the sum of observed scores, the sum of observed
 * costs and the number of observed cells, plus the same per model over all clusters (for the global fallback).
 * Sums, so clients' statistics merge by addition (SPEC §6, second pass). Mutable; not thread-safe.
 */
final class CellStats {

    static final String SCORE_SUM = "score-sum";
    static final String COST_SUM = "cost-sum";
    static final String COUNT = "count";
    static final String MODEL_SCORE_SUM = "model-score-sum";
    static final String MODEL_COST_SUM = "model-cost-sum";
    static final String MODEL_COUNT = "model-count";
    static final List<String> CELL_ARRAYS = List.of(SCORE_SUM, COST_SUM, COUNT);
    static final List<String> MODEL_ARRAYS = List.of(MODEL_SCORE_SUM, MODEL_COST_SUM, MODEL_COUNT);

    final int k;
    final int m;
    final double[] scoreSum;
    final double[] costSum;
    final double[] count;
    final double[] modelScoreSum;
    final double[] modelCostSum;
    final double[] modelCount;

    CellStats(int k, int m) {
        this.k = k;
        this.m = m;
        this.scoreSum = new double[k * m];
        this.costSum = new double[k * m];
        this.count = new double[k * m];
        this.modelScoreSum = new double[m];
        this.modelCostSum = new double[m];
        this.modelCount = new double[m];
    }

    /** Statistics of the observed cells of {@code data}, each row in the cluster of its nearest center. */
    static CellStats of(LabeledSet data, Centers centers, int models) {
        CellStats s = new CellStats(centers.k(), models);
        if (data.size() == 0) {
            return s;
        }
        if (data.models() != models) {
            throw new IllegalArgumentException("data has " + data.models() + " models, expected " + models);
        }
        s.add(data, centers.assign(data.x()));
        return s;
    }

    /** Adds the observed cells of {@code data} with the given cluster labels. */
    void add(LabeledSet data, int[] labels) {
        for (int i = 0; i < data.size(); i++) {
            double[] sc = data.score()[i];
            double[] co = data.cost()[i];
            int o = labels[i] * m;
            for (int j = 0; j < m; j++) {
                if (Double.isNaN(sc[j])) {
                    continue;
                }
                scoreSum[o + j] += sc[j];
                costSum[o + j] += co[j];
                count[o + j] += 1;
                modelScoreSum[j] += sc[j];
                modelCostSum[j] += co[j];
                modelCount[j] += 1;
            }
        }
    }

    void add(CellStats other) {
        addInto(scoreSum, other.scoreSum);
        addInto(costSum, other.costSum);
        addInto(count, other.count);
        addInto(modelScoreSum, other.modelScoreSum);
        addInto(modelCostSum, other.modelCostSum);
        addInto(modelCount, other.modelCount);
    }

    RecordDict.Builder writeTo(RecordDict.Builder b) {
        int[] cell = {k, m};
        int[] model = {m};
        return b.array(SCORE_SUM, new Tensor(cell, scoreSum.clone()))
                .array(COST_SUM, new Tensor(cell, costSum.clone()))
                .array(COUNT, new Tensor(cell, count.clone()))
                .array(MODEL_SCORE_SUM, new Tensor(model, modelScoreSum.clone()))
                .array(MODEL_COST_SUM, new Tensor(model, modelCostSum.clone()))
                .array(MODEL_COUNT, new Tensor(model, modelCount.clone()));
    }

    /**
     * Reads statistics sent by a client, checking every array is present, shaped k × M (or M), finite, and that
     * counts are non-negative whole numbers.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    static CellStats readFrom(RecordDict r, int k, int m) {
        CellStats s = new CellStats(k, m);
        read(r, SCORE_SUM, new int[] {k, m}, s.scoreSum, false);
        read(r, COST_SUM, new int[] {k, m}, s.costSum, false);
        read(r, COUNT, new int[] {k, m}, s.count, true);
        read(r, MODEL_SCORE_SUM, new int[] {m}, s.modelScoreSum, false);
        read(r, MODEL_COST_SUM, new int[] {m}, s.modelCostSum, false);
        read(r, MODEL_COUNT, new int[] {m}, s.modelCount, true);
        return s;
    }

    private static void read(RecordDict r, String name, int[] shape, double[] into, boolean counts) {
        Tensor t = r.array(name);
        if (!Arrays.equals(t.shape(), shape)) {
            throw new IllegalArgumentException("'" + name + "' has shape " + Arrays.toString(t.shape()) + ", expected " + Arrays.toString(shape));
        }
        if (!t.finite()) {
            throw new IllegalArgumentException("'" + name + "' has non-finite values");
        }
        if (counts) {
            for (double v : t.data()) {
                if (v < 0 || v != Math.rint(v)) {
                    throw new IllegalArgumentException("'" + name + "' must hold whole counts >= 0, found " + v);
                }
            }
        }
        System.arraycopy(t.data(), 0, into, 0, into.length);
    }

    private static void addInto(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
    }

    /** The router these statistics describe: cell means where a cell has data, per-model global means. */
    KMeansRouter toRouter(List<String> models, Centers centers, KMeansRouter.Fallback fallback, double prior) {
        double[][] acc = new double[k][m];
        double[][] cost = new double[k][m];
        long[][] n = new long[k][m];
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < m; j++) {
                int o = c * m + j;
                n[c][j] = (long) count[o];
                acc[c][j] = count[o] > 0 ? scoreSum[o] / count[o] : Double.NaN;
                cost[c][j] = count[o] > 0 ? costSum[o] / count[o] : Double.NaN;
            }
        }
        double[] gAcc = new double[m];
        double[] gCost = new double[m];
        for (int j = 0; j < m; j++) {
            gAcc[j] = modelCount[j] > 0 ? modelScoreSum[j] / modelCount[j] : Double.NaN;
            gCost[j] = modelCount[j] > 0 ? modelCostSum[j] / modelCount[j] : Double.NaN;
        }
        return new KMeansRouter(models, centers, acc, cost, n, gAcc, gCost, fallback, prior);
    }
}
