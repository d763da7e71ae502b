package io.fedrouter.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An evaluation dataset: queries × models with a score and a cost per evaluated cell. Immutable.
 *
 * @param name    a short name for reports (usually the file or folder name)
 * @param models  model ids, in column order
 * @param queries the queries
 * @param sha256  hash of the source bytes, recorded in every report so a result can say what it was made from
 */
public record Dataset(String name, List<String> models, List<Query> queries, String sha256) {

    public Dataset {
        Objects.requireNonNull(name, "name");
        models = List.copyOf(models);
        queries = List.copyOf(queries);
        for (Query q : queries) {
            if (q.scores().length != models.size()) {
                throw new IllegalArgumentException("query " + q.id() + " has " + q.scores().length
                        + " model columns, dataset has " + models.size());
            }
        }
    }

    public int size() {
        return queries.size();
    }

    /** Distinct task labels in first-seen order. */
    public List<String> tasks() {
        LinkedHashSet<String> tasks = new LinkedHashSet<>();
        for (Query q : queries) {
            tasks.add(q.task());
        }
        return new ArrayList<>(tasks);
    }

    /** Whether every query carries an embedding. */
    public boolean embedded() {
        return !queries.isEmpty() && queries.stream().allMatch(q -> q.embedding() != null);
    }

    /** Embedding dimension, or 0 when the queries are not embedded. */
    public int dim() {
        return embedded() ? queries.get(0).embedding().length : 0;
    }

    /** A copy whose queries carry the embeddings {@code embed} returns. */
    public Dataset withEmbeddings(Function<List<Query>, List<float[]>> embed) {
        List<float[]> vectors = embed.apply(queries);
        if (vectors.size() != queries.size()) {
            throw new IllegalArgumentException("embedder returned " + vectors.size() + " vectors for " + queries.size() + " queries");
        }
        List<Query> out = new ArrayList<>(queries.size());
        for (int i = 0; i < queries.size(); i++) {
            out.add(queries.get(i).withEmbedding(vectors.get(i)));
        }
        return new Dataset(name, models, out, sha256);
    }
}
