package io.fedrouter.cli;

import io.fedrouter.data.Dataset;
import io.fedrouter.data.Query;
import io.fedrouter.embed.CachedEmbedder;
import io.fedrouter.embed.DistinctVectors;
import io.fedrouter.embed.EmbeddingCache;
import io.fedrouter.embed.LongPrompt;
import io.fedrouter.embed.MiniLmEmbedder;
import io.fedrouter.experiment.EmbedderInfo;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How queries are embedded: model variant, long-prompt coverage and the on-disk cache. */
final class EmbeddingOptions {

    @Option(names = "--embedder", defaultValue = "full",
            description = "all-MiniLM-L6-v2 variant: full or quantized (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--long-prompt", defaultValue = "windows",
            description = "How prompts over 128 tokens are covered: head, tail, or windows[:SIZE[:STRIDE]] pooled (default: ${DEFAULT-VALUE}).")
    String longPrompt;

    @Option(names = "--cache-dir", description = "Embedding cache folder (default: ~/.cache/fedrouter/embeddings).")
    Path cacheDir;

    @Option(names = "--no-cache", description = "Do not read or write the embedding cache.")
    boolean noCache;

    /** An embedded dataset and what embedded it. */
    record Embedded(Dataset dataset, EmbedderInfo info, Map<String, Object> details) {
    }

    Embedded embed(Dataset ds, int threads, PrintWriter out) throws IOException {
        Map<String, Object> details = new LinkedHashMap<>();
        if (ds.embedded()) {
            out.printf("using the %d-d embeddings present in the data%n", ds.dim());
            details.put("source", "precomputed");
            return new Embedded(ds, new EmbedderInfo("precomputed", ds.dim()), details);
        }
        MiniLmEmbedder model = new MiniLmEmbedder(MiniLmEmbedder.Variant.parse(variant), LongPrompt.parse(longPrompt),
                Math.max(1, Math.min(threads, MiniLmEmbedder.DEFAULT_THREADS)));
        List<String> texts = ds.queries().stream().map(Query::prompt).toList();
        long start = System.nanoTime();
        List<float[]> vectors;
        try (model) {
            if (noCache) {
                vectors = embedWithBar(model, texts, model.id());
            } else {
                Path dir = cacheDir == null ? EmbeddingCache.defaultDir() : cacheDir;
                try (EmbeddingCache cache = EmbeddingCache.open(dir, model.id(), model.dim())) {
                    CachedEmbedder cached = new CachedEmbedder(model, cache);
                    vectors = embedWithBar(cached, texts, model.id());
                    out.printf("embedding cache %s: %d hits, %d computed%n", dir, cached.hits(), cached.misses());
                    details.put("cache_hits", cached.hits());
                    details.put("cache_misses", cached.misses());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Dataset embedded = ds.withEmbeddings(qs -> vectors);
        Map<String, Integer> distinct = DistinctVectors.countByGroup(vectors,
                ds.queries().stream().map(Query::task).toList());
        int distinctAll = DistinctVectors.count(vectors);
        out.printf("embedded %,d prompts with %s in %.1f s: %,d distinct vectors %s%n",
                texts.size(), model.id(), seconds, distinctAll, distinct);
        details.put("source", "model");
        details.put("long_prompt", model.longPrompt().id());
        details.put("variant", model.variant().label());
        details.put("seconds", seconds);
        details.put("distinct_vectors", distinctAll);
        details.put("distinct_vectors_by_task", distinct);
        return new Embedded(embedded, new EmbedderInfo(model.id(), model.dim()), details);
    }

    /** A progress bar on a terminal; in logs and pipes a line per quarter, so CI output stays readable. */
    private static List<float[]> embedWithBar(io.fedrouter.embed.Embedder e, List<String> texts, String label) {
        if (System.console() == null) {
            int[] lastQuarter = {0};
            return e.embed(texts, (done, total) -> {
                int quarter = total == 0 ? 4 : 4 * done / total;
                if (quarter > lastQuarter[0]) {
                    lastQuarter[0] = quarter;
                    System.out.printf("embed %s: %,d/%,d%n", label, done, total);
                }
            });
        }
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("embed " + label).setInitialMax(texts.size())
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).continuousUpdate().build()) {
            return e.embed(texts, (done, total) -> bar.stepTo(done));
        }
    }
}
