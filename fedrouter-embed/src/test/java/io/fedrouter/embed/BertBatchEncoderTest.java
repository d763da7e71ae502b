package io.fedrouter.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.fedrouter.embed.MiniLmEmbedder.Variant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Batched inference against langchain4j's one-text-per-call model, on the real in-jar ONNX files. */
class BertBatchEncoderTest {

    private static final String[] VOCAB = ("the a cat dog sat on mat which answer question energy water plant cell "
            + "force heat light earth moon sun student teacher city river mountain choose correct following best "
            + "explain describe number function python write list return value sentence blank option reason "
            + "unaffable photosynthesis héllo naïve , . ? ! ( ) 42 1999").split(" ");

    private static BertBatchEncoder full;
    private static BertBatchEncoder quantized;
    private static EmbeddingModel fullReference;
    private static EmbeddingModel quantizedReference;

    @BeforeAll
    static void open() {
        full = Variant.FULL.newEncoder(1);
        quantized = Variant.QUANTIZED.newEncoder(1);
        fullReference = new AllMiniLmL6V2EmbeddingModel();
        quantizedReference = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }

    @AfterAll
    static void close() {
        full.close();
        quantized.close();
    }

    /** Texts of 1..{@code maxWords} random words, some with {@code [CLS]}+126+{@code [SEP]} after truncation. */
    static List<String> texts(long seed, int n, int maxWords) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int words = 1 + rng.nextInt(maxWords);
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < words; w++) {
                sb.append(w == 0 ? "" : " ").append(VOCAB[rng.nextInt(VOCAB.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static double maxAbsDiff(float[] a, float[] b) {
        assertEquals(a.length, b.length);
        double m = 0;
        for (int i = 0; i < a.length; i++) {
            m = Math.max(m, Math.abs(a[i] - b[i]));
        }
        return m;
    }

    private static double cosine(float[] a, float[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        return ab / Math.sqrt(aa * bb);
    }

    private static void assertMatchesReference(BertBatchEncoder encoder, EmbeddingModel reference, List<String> texts,
            int batchSize) {
        float[][] batched = encoder.embed(texts, batchSize, null);

        assertEquals(texts.size(), batched.length);
        for (int i = 0; i < texts.size(); i++) {
            float[] expected = reference.embed(texts.get(i)).content().vector();
            assertTrue(maxAbsDiff(expected, batched[i]) <= 1e-4,
                    "text " + i + " max abs diff " + maxAbsDiff(expected, batched[i]) + ": " + texts.get(i));
            assertTrue(cosine(expected, batched[i]) >= 0.9999, "text " + i + " cosine " + cosine(expected, batched[i]));
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void fullModelBatchesEqualOneAtATimeVectors(long seed) {
        // Up to 140 words: short texts, texts near 126 wordpieces and texts the tokenizer truncates, in one batch.
        assertMatchesReference(full, fullReference, texts(seed, 20, 140), 8);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void quantizedModelAtItsMaxBatchEqualsOneAtATimeVectors(long seed) {
        assertMatchesReference(quantized, quantizedReference, texts(seed, 20, 140), Variant.QUANTIZED.maxBatch());
    }

    @Test
    void quantizedModelInBatchesWouldMakeAVectorDependOnItsNeighbours() {
        // Why Variant.QUANTIZED.maxBatch() is 1: dynamic int8 activation scales are shared by the whole batch.
        List<String> texts = texts(1, 8, 140);

        float[][] batched = quantized.embed(texts, 8, null);
        float[][] single = quantized.embed(texts, 1, null);

        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            worst = Math.max(worst, maxAbsDiff(single[i], batched[i]));
        }
        assertTrue(worst > 1e-3, "max abs diff batched vs single " + worst);
    }

    @Test
    void longestTextsFillAllPositions() {
        // 140 single-wordpiece words: truncated to [CLS] + 126 + [SEP] by both, batched with a one-word text.
        String longText = "the red cat sat on the mat . ".repeat(20);
        assertMatchesReference(full, fullReference, List.of("cat", longText, "a dog", longText + " dog"), 4);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void outputOrderFollowsInputOrderWhateverTheLengths(long seed) {
        List<String> texts = texts(seed, 24, 60);
        List<String> shuffled = new ArrayList<>(texts);
        Collections.shuffle(shuffled, new java.util.Random(seed));

        float[][] a = full.embed(texts, 5, null);
        float[][] b = full.embed(shuffled, 5, null);

        for (int i = 0; i < texts.size(); i++) {
            float[] one = full.embed(List.of(texts.get(i)), 1, null)[0];
            assertTrue(maxAbsDiff(one, a[i]) <= 1e-5, "text " + i + " diff " + maxAbsDiff(one, a[i]));
            assertTrue(maxAbsDiff(one, b[shuffled.indexOf(texts.get(i))]) <= 1e-5);
        }
    }

    @Test
    void duplicatePiecesGetIdenticalButIndependentVectors() {
        float[][] v = full.embed(List.of("same text", "other text", "same text"), 2, null);

        assertArrayEquals(v[0], v[2]);
        assertNotSame(v[0], v[2]);
    }

    @Test
    void modelInputsAreTheBertTriple() {
        assertEquals(List.of("attention_mask", "input_ids", "token_type_ids"),
                full.inputNames().stream().sorted().toList());
    }

    @Test
    void blankPiecesAndBadBatchSizesAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> full.embed(List.of("fine", " "), 4, null));
        assertTrue(e.getMessage().contains("piece 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> full.embed(List.of("fine"), 0, null));
    }
}
