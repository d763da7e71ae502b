package io.fedrouter.embed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link Embedder} that answers from an {@link EmbeddingCache} and computes only the misses with the wrapped
 * embedder (each distinct missing text once), then stores them. Same id and dimension as the wrapped embedder.
 * Thread-safe; two threads missing the same text may both compute it, the cache keeps the first.
 */
public final class CachedEmbedder implements Embedder {

    private final Embedder delegate;
    private final EmbeddingCache cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();

    /**
     * @throws IllegalArgumentException if the cache belongs to another embedder id or dimension
     */
    public CachedEmbedder(Embedder delegate, EmbeddingCache cache) {
        if (!delegate.id().equals(cache.embedderId()) || delegate.dim() != cache.dim()) {
            throw new IllegalArgumentException("cache of '" + cache.embedderId() + "' (dim " + cache.dim()
                    + ") does not match embedder '" + delegate.id() + "' (dim " + delegate.dim() + ")");
        }
        this.delegate = delegate;
        this.cache = cache;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public int dim() {
        return delegate.dim();
    }

    /** Texts answered from the cache so far (each input text counts once, duplicates included). */
    public long hits() {
        return hits.get();
    }

    /** Texts that had to be computed so far (each input text counts once, duplicates included). */
    public long misses() {
        return misses.get();
    }

    /** The wrapped embedder. */
    public Embedder delegate() {
        return delegate;
    }

    @Override
    public List<float[]> embed(List<String> texts, Progress progress) {
        int total = texts.size();
        float[][] out = new float[total][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < total; i++) {
            String text = texts.get(i);
            if (text == null) {
                throw new IllegalArgumentException("text " + i + " is null");
            }
            out[i] = cache.get(text);
            if (out[i] == null) {
                missing.computeIfAbsent(text, t -> new ArrayList<>()).add(i);
            }
        }
        int hit = total - missing.values().stream().mapToInt(List::size).sum();
        hits.addAndGet(hit);
        misses.addAndGet(total - hit);
        progress.update(hit, total);
        if (!missing.isEmpty()) {
            List<String> toCompute = new ArrayList<>(missing.keySet());
            int computedTexts = total - hit;
            List<float[]> computed = delegate.embed(toCompute, (done, all) -> {
                // done counts distinct texts; scale to input texts so the bar ends exactly at total
                int scaled = all == 0 ? computedTexts : (int) ((long) done * computedTexts / all);
                progress.update(hit + scaled, total);
            });
            cache.putAll(toCompute, computed);
            for (int j = 0; j < toCompute.size(); j++) {
                List<Integer> at = missing.get(toCompute.get(j));
                for (int k = 0; k < at.size(); k++) {
                    out[at.get(k)] = k == 0 ? computed.get(j) : computed.get(j).clone();
                }
            }
        }
        return List.of(out);
    }

    @Override
    public String toString() {
        return "CachedEmbedder[" + delegate + ", cache=" + cache.file() + "]";
    }
}
