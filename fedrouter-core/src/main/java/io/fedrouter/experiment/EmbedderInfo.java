package io.fedrouter.experiment;

/**
 * The embedder behind the query embeddings.
 *
 * @param id  embedder id, e.g. {@code all-minilm-l6-v2}, or {@code precomputed}
 * @param dim embedding dimension
 */
public record EmbedderInfo(String id, int dim) {
}
