package io.fedrouter.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import io.fedrouter.embed.MiniLmEmbedder.Variant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the real in-jar ONNX models on a few short texts. */
class MiniLmEmbedderTest {

    /** 8 single-wordpiece words per repetition, so window edges need no snapping. */
    private static final String PREFIX = "the red cat sat on the mat . ".repeat(25);

    private static MiniLmEmbedder head;
    private static MiniLmEmbedder tail;
    private static MiniLmEmbedder windows;

    @BeforeAll
    static void open() {
        head = new MiniLmEmbedder(Variant.FULL, LongPrompt.head());
        tail = new MiniLmEmbedder(Variant.FULL, LongPrompt.tail());
        windows = new MiniLmEmbedder(Variant.FULL, LongPrompt.windows());
    }

    @AfterAll
    static void close() {
        head.close();
        tail.close();
        windows.close();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void assertUnitVectors(List<float[]> vs, int dim) {
        for (float[] v : vs) {
            assertEquals(dim, v.length);
            assertEquals(1.0, Math.sqrt(dot(v, v)), 1e-5);
        }
    }

    @Test
    void fullModelEmbedsUnitVectorsWithSimilarTextsCloser() {
        List<float[]> v = head.embed(List.of("A cat sits on the mat.", "A kitten is sitting on a rug.",
                "The stock market fell sharply today."));

        assertUnitVectors(v, 384);
        assertEquals(384, head.dim());
        assertTrue(dot(v.get(0), v.get(1)) > dot(v.get(0), v.get(2)) + 0.2,
                "cat/kitten " + dot(v.get(0), v.get(1)) + " vs cat/stocks " + dot(v.get(0), v.get(2)));
    }

    @Test
    void quantizedModelAgreesWithFullModel() {
        List<String> texts = List.of("A cat sits on the mat.", "A kitten is sitting on a rug.",
                "The stock market fell sharply today.");
        try (MiniLmEmbedder q = new MiniLmEmbedder(Variant.QUANTIZED, LongPrompt.head())) {
            List<float[]> vq = q.embed(texts);
            List<float[]> vf = head.embed(texts);

            assertUnitVectors(vq, 384);
            assertTrue(dot(vq.get(0), vq.get(1)) > dot(vq.get(0), vq.get(2)) + 0.2);
            for (int i = 0; i < texts.size(); i++) {
                assertTrue(dot(vq.get(i), vf.get(i)) > 0.9, "full vs quantized cosine " + dot(vq.get(i), vf.get(i)));
            }
            assertEquals("all-minilm-l6-v2-q/head", q.id());
        }
    }

    @Test
    void headModeMapsPromptsSharingALongPrefixToOneVectorWhileTailAndWindowsDoNot() {
        List<String> prompts = List.of(PREFIX + "What is the capital of France?",
                PREFIX + "How many legs does a spider have?");
        assertEquals(200, head.countWordpieces(PREFIX));

        List<float[]> h = head.embed(prompts);
        List<float[]> t = tail.embed(prompts);
        List<float[]> w = windows.embed(prompts);

        assertArrayEquals(h.get(0), h.get(1));
        assertFalse(java.util.Arrays.equals(t.get(0), t.get(1)));
        assertFalse(java.util.Arrays.equals(w.get(0), w.get(1)));
        assertUnitVectors(w, 384);
        assertEquals(1, DistinctVectors.count(h));
        assertEquals(2, DistinctVectors.count(w));
    }

    @Test
    void headModeReproducesTheArtifactsOwnTruncation() {
        // The langchain4j model cuts at 126 wordpieces by itself: a long suffix does not change its vector.
        AllMiniLmL6V2EmbeddingModel raw = new AllMiniLmL6V2EmbeddingModel();
        String text = PREFIX + "What is the capital of France?";

        float[] artifact = raw.embed(text).content().vector();
        float[] artifactLonger = raw.embed(text + " And of Spain? ".repeat(30)).content().vector();
        float[] ours = head.embed(List.of(text)).get(0);

        assertArrayEquals(artifact, artifactLonger);
        // Our pooling sums in double, langchain4j's in float: equal up to float rounding.
        assertArrayEquals(artifact, ours, 1e-5f);
    }

    @Test
    void shortTextsGetTheSameVectorInEveryMode() {
        List<String> texts = List.of("Write a python function to reverse a string.");

        float[] h = head.embed(texts).get(0);

        assertArrayEquals(h, tail.embed(texts).get(0));
        assertArrayEquals(h, windows.embed(texts).get(0));
    }

    @Test
    void windowsCoverTheWholePromptWithFullWindows() {
        // 301 single-wordpiece tokens: starts 0 and 96 (< 301-126 = 175), then the final window at 175.
        String text = "the red cat sat on the mat . ".repeat(37) + "dog sat on the mat";
        assertEquals(301, head.countWordpieces(text));

        List<String> pieces = windows.pieces(text);

        assertEquals(3, pieces.size());
        for (String p : pieces) {
            assertEquals(126, windows.countWordpieces(p));
        }
        assertTrue(text.startsWith(pieces.get(0)));
        assertTrue(text.endsWith(pieces.get(2)));
        assertEquals(List.of(text.substring(0, pieces.get(0).length())), head.pieces(text));
        assertEquals(List.of(pieces.get(2)), tail.pieces(text));
    }

    @Test
    void pieceEdgesStayOnWordBoundaries() {
        // "unaffable" is three wordpieces; accented and supplementary characters shift code point offsets.
        String text = "héllo 😀 wörld unaffable , ".repeat(40);

        List<String> pieces = windows.pieces(text);

        assertTrue(pieces.size() >= 3, "pieces: " + pieces.size());
        for (String p : pieces) {
            assertTrue(windows.countWordpieces(p) <= 126, "piece of " + windows.countWordpieces(p));
            assertTrue(text.contains(p));
            assertFalse(p.startsWith("ffable") || p.startsWith("ble"), "piece starts inside a word: " + p);
        }
        assertUnitVectors(windows.embed(List.of(text)), 384);
    }

    @Test
    void progressIsReportedUpToTheTotal() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            texts.add("query number " + i);
        }
        List<int[]> updates = new ArrayList<>();

        head.embed(texts, (done, total) -> updates.add(new int[] {done, total}));

        assertArrayEquals(new int[] {0, 70}, updates.get(0));
        assertArrayEquals(new int[] {70, 70}, updates.get(1));
        assertArrayEquals(new int[] {70, 70}, updates.get(updates.size() - 1));
    }

    @Test
    void windowsVectorsEqualTheMeanOfLangchain4jPieceVectors() {
        AllMiniLmL6V2EmbeddingModel raw = new AllMiniLmL6V2EmbeddingModel();
        List<String> texts = List.of("short one", PREFIX + "What is the capital of France?", "a second short text",
                "the red cat sat on the mat . ".repeat(37) + "dog sat on the mat");

        List<float[]> ours = windows.embed(texts);

        for (int i = 0; i < texts.size(); i++) {
            double[] sum = new double[384];
            for (String piece : windows.pieces(texts.get(i))) {
                float[] v = raw.embed(piece).content().vector();
                for (int j = 0; j < 384; j++) {
                    sum[j] += v[j];
                }
            }
            double norm = Math.sqrt(java.util.Arrays.stream(sum).map(x -> x * x).sum());
            for (int j = 0; j < 384; j++) {
                assertEquals(sum[j] / norm, ours.get(i)[j], 1e-4, "text " + i + " coordinate " + j);
            }
        }
    }

    @Test
    void aPieceRepeatedAcrossChunksGetsOneBitIdenticalVector() {
        // The shared head piece occurs before and after more than CHUNK other pieces, i.e. in two chunks.
        List<String> texts = new ArrayList<>();
        texts.add(PREFIX + "What is the capital of France?");
        for (int i = 0; i < MiniLmEmbedder.CHUNK + 10; i++) {
            texts.add("query number " + i);
        }
        texts.add(PREFIX + "How many legs does a spider have?");
        List<int[]> updates = new ArrayList<>();

        List<float[]> v = head.embed(texts, (done, total) -> updates.add(new int[] {done, total}));

        assertArrayEquals(v.get(0), v.get(texts.size() - 1));
        assertTrue(updates.size() >= 3, "progress updates " + updates.size());
        v.get(0)[0] += 1; // callers own their arrays
        assertFalse(java.util.Arrays.equals(v.get(0), v.get(texts.size() - 1)));
    }

    @Test
    void idNamesVariantAndLongPromptMode() {
        assertEquals("all-minilm-l6-v2/head", head.id());
        assertEquals("all-minilm-l6-v2/tail", tail.id());
        assertEquals("all-minilm-l6-v2/windows-126s96", windows.id());
        assertNotEquals(windows.id(), new MiniLmEmbedder(Variant.FULL, new LongPrompt(LongPrompt.Mode.WINDOWS, 126, 63)).id());
    }

    @Test
    void blankTextsAndBadArgumentsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> head.embed(List.of("fine", "  ")));
        assertTrue(e.getMessage().contains("text 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MiniLmEmbedder(Variant.FULL, LongPrompt.head(), 0));
    }
}
