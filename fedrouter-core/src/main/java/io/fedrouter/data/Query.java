package io.fedrouter.data;

/**
 * One query of an evaluation dataset: its prompt, task label and, per model of the dataset, the score in [0,1]
 * and the cost in USD of that model's answer. {@code NaN} marks a model that was not evaluated on this query.
 *
 * @param id        query id, unique within a dataset
 * @param prompt    the prompt text (may be empty when an embedding is given)
 * @param task      task label, or {@code ""} when the data has none
 * @param scores    per-model score, indexed like {@link Dataset#models()}
 * @param costs     per-model cost in USD, indexed like {@link Dataset#models()}
 * @param embedding precomputed embedding, or {@code null}
 */
public record Query(String id, String prompt, String task, double[] scores, double[] costs, float[] embedding) {

    public Query {
        if (scores.length != costs.length) {
            throw new IllegalArgumentException("scores and costs differ in length: " + scores.length + " != " + costs.length);
        }
    }

    /** Whether model {@code m} was evaluated on this query. */
    public boolean observed(int m) {
        return !Double.isNaN(scores[m]);
    }

    public Query withEmbedding(float[] e) {
        return new Query(id, prompt, task, scores, costs, e);
    }
}
