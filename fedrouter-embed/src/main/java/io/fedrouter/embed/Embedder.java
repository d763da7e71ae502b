package io.fedrouter.embed;

import java.util.List;

/**
 * A sentence-embedding model (SPEC §3.5): maps texts to L2-normalized vectors of a fixed dimension.
 *
 * <p>{@link #id()} names everything that changes the vectors (model, variant, long-prompt handling), so a router
 * artifact that records it can refuse a mismatched embedder and the {@link EmbeddingCache} never mixes vectors of
 * two configurations. Implementations are thread-safe.
 */
public interface Embedder {

    /** Identifier of the vector space, e.g. {@code all-minilm-l6-v2/windows-126s96}; stable across runs. */
    String id();

    /** Dimension of every returned vector. */
    int dim();

    /**
     * Embeds texts, reporting progress as texts complete.
     *
     * @param texts non-empty-after-trim texts
     * @param progress receives (texts done, total) after each batch; never null ({@link Progress#NONE})
     * @return one L2-normalized vector of length {@link #dim()} per text, in input order
     */
    List<float[]> embed(List<String> texts, Progress progress);

    /** Embeds texts without progress reporting. */
    default List<float[]> embed(List<String> texts) {
        return embed(texts, Progress.NONE);
    }
}
