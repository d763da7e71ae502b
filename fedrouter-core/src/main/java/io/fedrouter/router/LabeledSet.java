package io.fedrouter.router;

import io.fedrouter.data.Query;

import java.util.List;

/**
 * Embedded queries with per-model labels, the input routers train and are evaluated on. {@code NaN} in
 * {@code score}/{@code cost} marks an unobserved cell: a sparse train view has one observed model per row, a test
 * view has all of them.
 *
 * @param x     embeddings, n × d
 * @param score scores in [0,1], n × M
 * @param cost  costs in USD, n × M
 */
public record LabeledSet(float[][] x, double[][] score, double[][] cost) {

    public LabeledSet {
        if (x.length != score.length || x.length != cost.length) {
            throw new IllegalArgumentException("row counts differ: x " + x.length + ", score " + score.length + ", cost " + cost.length);
        }
    }

    public int size() {
        return x.length;
    }

    public int dim() {
        return x.length == 0 ? 0 : x[0].length;
    }

    public int models() {
        return score.length == 0 ? 0 : score[0].length;
    }

    public boolean observed(int i, int m) {
        return !Double.isNaN(score[i][m]);
    }

    /** Number of observed (query, model) cells. */
    public int observedCells() {
        int n = 0;
        for (double[] row : score) {
            for (double s : row) {
                if (!Double.isNaN(s)) {
                    n++;
                }
            }
        }
        return n;
    }

    /** The fully labeled view of embedded queries (every evaluated model kept). */
    public static LabeledSet of(List<Query> queries) {
        int n = queries.size();
        float[][] x = new float[n][];
        double[][] s = new double[n][];
        double[][] c = new double[n][];
        for (int i = 0; i < n; i++) {
            Query q = queries.get(i);
            if (q.embedding() == null) {
                throw new IllegalArgumentException("query " + q.id() + " has no embedding");
            }
            x[i] = q.embedding();
            s[i] = q.scores();
            c[i] = q.costs();
        }
        return new LabeledSet(x, s, c);
    }

    /** Concatenation of several sets with the same models (pooled data). */
    public static LabeledSet concat(List<LabeledSet> parts) {
        int n = parts.stream().mapToInt(LabeledSet::size).sum();
        float[][] x = new float[n][];
        double[][] s = new double[n][];
        double[][] c = new double[n][];
        int k = 0;
        for (LabeledSet p : parts) {
            for (int i = 0; i < p.size(); i++, k++) {
                x[k] = p.x[i];
                s[k] = p.score[i];
                c[k] = p.cost[i];
            }
        }
        return new LabeledSet(x, s, c);
    }
}
