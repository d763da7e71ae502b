package io.fedrouter.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Runs a BERT-style sentence encoder exported to ONNX (here all-MiniLM-L6-v2; Reimers &amp; Gurevych,
 * "Sentence-BERT", EMNLP 2019) on padded batches: tokenize, pad to the batch's longest piece, one
 * {@link OrtSession#run} per batch, mean-pool {@code last_hidden_state} over the attention mask, L2-normalize.
 *
 * <p>This is what langchain4j's {@code OnnxBertBiEncoder} computes for a text of at most 510 wordpieces (read from
 * the 1.19.0-beta29 bytecode: its tokenizer is the artifact's tokenizer.json with padding off, so truncation at 128
 * positions applies; it runs one text per call and mean-pools over all positions, which without padding are exactly
 * the unmasked ones), but one ONNX call covers a whole batch, so the small matrix products of the 6-layer model
 * become large ones. Padding changes the per-row arithmetic only through masked positions (softmax weight 0), so
 * vectors agree with the one-at-a-time model to float rounding (tested to max abs diff 1e-4 in
 * {@code BertBatchEncoderTest}).
 *
 * <p>Pieces are sorted by token length before batching so that a batch pads little; results are returned in input
 * order. Identical pieces within one call are encoded once, so they get bit-identical vectors. Thread-safe:
 * {@link OrtSession#run} may be called concurrently, and batches of one call may run on several workers.
 */
final class BertBatchEncoder implements AutoCloseable {

    private static final String INPUT_IDS = "input_ids";
    private static final String ATTENTION_MASK = "attention_mask";
    private static final String TOKEN_TYPE_IDS = "token_type_ids";

    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;
    private final int dim;

    /**
     * Loads the model and tokenizer from the class path.
     *
     * @param modelResource e.g. {@code all-minilm-l6-v2.onnx}
     * @param tokenizerResource e.g. {@code all-minilm-l6-v2-tokenizer.json}; its own truncation setting applies
     * @param dim hidden size of the model's output
     * @param intraOpThreads ONNX Runtime threads per {@link OrtSession#run}, ≥ 1
     */
    BertBatchEncoder(String modelResource, String tokenizerResource, int dim, int intraOpThreads) {
        if (intraOpThreads < 1 || dim < 1) {
            throw new IllegalArgumentException("intraOpThreads and dim must be >= 1: " + intraOpThreads + ", " + dim);
        }
        this.dim = dim;
        byte[] model = readResource(modelResource);
        try (InputStream in = resource(tokenizerResource)) {
            // Same options as langchain4j: padding off (we pad per batch), truncation as in tokenizer.json.
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + tokenizerResource, e);
        }
        env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(intraOpThreads);
            session = env.createSession(model, options);
        } catch (OrtException e) {
            tokenizer.close();
            throw new IllegalStateException("cannot load ONNX model " + modelResource, e);
        }
        if (!session.getInputNames().containsAll(List.of(INPUT_IDS, ATTENTION_MASK))) {
            throw new IllegalStateException("model " + modelResource + " lacks input_ids/attention_mask: "
                    + session.getInputNames());
        }
        wantsTypeIds = session.getInputNames().contains(TOKEN_TYPE_IDS);
    }

    private static InputStream resource(String name) {
        InputStream in = BertBatchEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("resource not on the class path: " + name);
        }
        return in;
    }

    private static byte[] readResource(String name) {
        try (InputStream in = resource(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** Output dimension. */
    int dim() {
        return dim;
    }

    /** The model's input names, e.g. {@code [input_ids, attention_mask, token_type_ids]}. */
    List<String> inputNames() {
        return List.copyOf(session.getInputNames());
    }

    /**
     * Embeds {@code pieces}: one unit vector per piece, in input order.
     *
     * @param batchSize pieces per ONNX call, ≥ 1
     * @param workers runs batches concurrently, or null to run them on the calling thread
     * @throws IllegalArgumentException if a piece is null or blank
     */
    float[][] embed(List<String> pieces, int batchSize, ExecutorService workers) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be >= 1: " + batchSize);
        }
        // Encode each distinct piece once: identical pieces then share one bit-identical vector.
        Map<String, Integer> slotOf = new HashMap<>();
        int[] slotOfPiece = new int[pieces.size()];
        List<Encoding> encodings = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            String p = pieces.get(i);
            if (p == null || p.isBlank()) {
                throw new IllegalArgumentException("piece " + i + " is null, empty or whitespace only");
            }
            Integer slot = slotOf.get(p);
            if (slot == null) {
                slot = encodings.size();
                slotOf.put(p, slot);
                encodings.add(tokenizer.encode(p));
            }
            slotOfPiece[i] = slot;
        }
        int distinct = encodings.size();
        // Stable sort by length: neighbours have similar lengths, so padding is small and the order deterministic.
        Integer[] order = new Integer[distinct];
        for (int i = 0; i < distinct; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> encodings.get(i).getIds().length));
        float[][] vectors = new float[distinct][];
        List<Future<?>> running = new ArrayList<>();
        for (int from = 0; from < distinct; from += batchSize) {
            int[] batch = new int[Math.min(batchSize, distinct - from)];
            for (int k = 0; k < batch.length; k++) {
                batch[k] = order[from + k];
            }
            if (workers == null) {
                runBatch(encodings, batch, vectors);
            } else {
                running.add(workers.submit(() -> runBatch(encodings, batch, vectors)));
            }
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while embedding", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("embedding batch failed", e.getCause());
            }
        }
        float[][] out = new float[pieces.size()][];
        boolean[] handedOut = new boolean[distinct];
        for (int i = 0; i < out.length; i++) {
            int slot = slotOfPiece[i];
            // Duplicates get copies, so a caller changing one vector cannot change another.
            out[i] = handedOut[slot] ? vectors[slot].clone() : vectors[slot];
            handedOut[slot] = true;
        }
        return out;
    }

    /** Runs one padded batch and writes the pooled unit vector of each member into {@code vectors}. */
    private void runBatch(List<Encoding> encodings, int[] batch, float[][] vectors) {
        int b = batch.length;
        int len = 0;
        for (int idx : batch) {
            len = Math.max(len, encodings.get(idx).getIds().length);
        }
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] types = new long[b * len];
        int[] lengths = new int[b];
        for (int r = 0; r < b; r++) {
            Encoding e = encodings.get(batch[r]);
            long[] id = e.getIds();
            long[] am = e.getAttentionMask();
            long[] tt = e.getTypeIds();
            System.arraycopy(id, 0, ids, r * len, id.length);
            System.arraycopy(am, 0, mask, r * len, am.length);
            System.arraycopy(tt, 0, types, r * len, tt.length);
            lengths[r] = id.length;
        }
        long[] shape = {b, len};
        try (OnnxTensor tIds = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor tMask = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor tTypes = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put(INPUT_IDS, tIds);
            inputs.put(ATTENTION_MASK, tMask);
            if (wantsTypeIds) {
                inputs.put(TOKEN_TYPE_IDS, tTypes);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                // langchain4j pools output 0, i.e. last_hidden_state [b, len, dim].
                OnnxValue v = result.get(0);
                FloatBuffer hidden = ((OnnxTensor) v).getFloatBuffer();
                for (int r = 0; r < b; r++) {
                    vectors[batch[r]] = meanPoolNormalized(hidden, r, len, mask, dim);
                }
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX inference failed for a batch of " + b + " x " + len, e);
        }
    }

    /** Mean of the unmasked token vectors of row {@code r}, L2-normalized (accumulated in double). */
    static float[] meanPoolNormalized(FloatBuffer hidden, int r, int len, long[] mask, int dim) {
        double[] sum = new double[dim];
        int count = 0;
        for (int t = 0; t < len; t++) {
            if (mask[r * len + t] == 0) {
                continue;
            }
            count++;
            int base = (r * len + t) * dim;
            for (int j = 0; j < dim; j++) {
                sum[j] += hidden.get(base + j);
            }
        }
        double norm = 0;
        for (int j = 0; j < dim; j++) {
            sum[j] /= count;
            norm += sum[j] * sum[j];
        }
        norm = Math.sqrt(norm);
        float[] out = new float[dim];
        for (int j = 0; j < dim; j++) {
            out[j] = (float) (sum[j] / norm);
        }
        return out;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("cannot close ONNX session", e);
        } finally {
            tokenizer.close();
        }
    }
}
