package io.fedrouter.embed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingCacheTest {

    private static final int DIM = 4;
    /** 32-byte key + 4 floats + CRC. */
    private static final int RECORD = 32 + 4 * DIM + 4;

    @TempDir
    Path dir;

    /** Deterministic unit vectors from a text-seeded generator; counts calls and texts. */
    static final class CountingEmbedder implements Embedder {
        final AtomicInteger calls = new AtomicInteger();
        final List<String> seen = new ArrayList<>();

        @Override
        public String id() {
            return "fake/test";
        }

        @Override
        public int dim() {
            return DIM;
        }

        @Override
        public synchronized List<float[]> embed(List<String> texts, Progress progress) {
            calls.incrementAndGet();
            seen.addAll(texts);
            List<float[]> out = new ArrayList<>();
            for (String t : texts) {
                out.add(vector(t));
            }
            progress.update(texts.size(), texts.size());
            return out;
        }

        static float[] vector(String text) {
            SplittableRandom rng = new SplittableRandom(text.hashCode());
            float[] v = new float[DIM];
            double n = 0;
            for (int i = 0; i < DIM; i++) {
                v[i] = (float) rng.nextGaussian();
                n += v[i] * v[i];
            }
            for (int i = 0; i < DIM; i++) {
                v[i] /= (float) Math.sqrt(n);
            }
            return v;
        }
    }

    @Test
    void hitsAreServedWithoutCallingTheWrappedEmbedder() throws IOException {
        CountingEmbedder inner = new CountingEmbedder();
        try (EmbeddingCache cache = EmbeddingCache.open(dir, inner.id(), DIM)) {
            CachedEmbedder cached = new CachedEmbedder(inner, cache);

            List<float[]> first = cached.embed(List.of("a", "b", "a"));
            List<float[]> second = cached.embed(List.of("b", "a", "a"));

            assertEquals(1, inner.calls.get());
            assertEquals(List.of("a", "b"), inner.seen);
            assertEquals(3, cached.misses());
            assertEquals(3, cached.hits());
            assertArrayEquals(first.get(0), second.get(1));
            assertArrayEquals(first.get(1), second.get(0));
            assertArrayEquals(CountingEmbedder.vector("a"), second.get(2));
            assertEquals(2, cache.size());
        }
    }

    @Test
    void progressCountsHitsThenComputedTexts() throws IOException {
        CountingEmbedder inner = new CountingEmbedder();
        try (EmbeddingCache cache = EmbeddingCache.open(dir, inner.id(), DIM)) {
            CachedEmbedder cached = new CachedEmbedder(inner, cache);
            cached.embed(List.of("a"));
            List<String> updates = new ArrayList<>();

            cached.embed(List.of("a", "b", "b"), (done, total) -> updates.add(done + "/" + total));

            assertEquals(List.of("1/3", "3/3"), updates);
        }
    }

    @Test
    void entriesSurviveReopen() throws IOException {
        CountingEmbedder inner = new CountingEmbedder();
        try (EmbeddingCache cache = EmbeddingCache.open(dir, inner.id(), DIM)) {
            new CachedEmbedder(inner, cache).embed(List.of("x", "y"));
        }

        try (EmbeddingCache cache = EmbeddingCache.open(dir, inner.id(), DIM)) {
            CachedEmbedder cached = new CachedEmbedder(inner, cache);
            List<float[]> v = cached.embed(List.of("y", "x"));

            assertEquals(1, inner.calls.get());
            assertArrayEquals(CountingEmbedder.vector("y"), v.get(0));
            assertArrayEquals(CountingEmbedder.vector("x"), v.get(1));
            assertEquals(0, cache.corruptRecords());
            assertEquals(0, cache.droppedBytes());
        }
    }

    @Test
    void truncatedTrailingRecordIsIgnoredAndCutOffOnTheNextAppend() throws IOException {
        Path file;
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            cache.putAll(List.of("p", "q", "r"), List.of(CountingEmbedder.vector("p"), CountingEmbedder.vector("q"),
                    CountingEmbedder.vector("r")));
            file = cache.file();
        }
        long full = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(full - 10); // a crash in the middle of the last record
        }

        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            assertEquals(2, cache.size());
            assertEquals(RECORD - 10, cache.droppedBytes());
            assertNull(cache.get("r"));
            assertArrayEquals(CountingEmbedder.vector("q"), cache.get("q"));
            cache.putAll(List.of("s"), List.of(CountingEmbedder.vector("s")));
        }
        assertEquals(full, Files.size(file));

        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            assertEquals(3, cache.size());
            assertEquals(0, cache.droppedBytes());
            assertArrayEquals(CountingEmbedder.vector("s"), cache.get("s"));
        }
    }

    @Test
    void recordWithBadChecksumIsSkipped() throws IOException {
        Path file;
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            cache.putAll(List.of("p", "q", "r"), List.of(CountingEmbedder.vector("p"), CountingEmbedder.vector("q"),
                    CountingEmbedder.vector("r")));
            file = cache.file();
        }
        long secondRecordFloats = Files.size(file) - 2L * RECORD + 32;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x7f}), secondRecordFloats);
        }

        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            assertEquals(2, cache.size());
            assertEquals(1, cache.corruptRecords());
            assertNull(cache.get("q"));
            assertArrayEquals(CountingEmbedder.vector("r"), cache.get("r"));
        }
    }

    @Test
    void eachEmbedderIdHasItsOwnFileAndForeignHeadersAreRefused() throws IOException {
        try (EmbeddingCache a = EmbeddingCache.open(dir, "m/head", DIM);
                EmbeddingCache b = EmbeddingCache.open(dir, "m/tail", DIM)) {
            a.putAll(List.of("t"), List.of(CountingEmbedder.vector("t")));
            assertNotEquals(a.file(), b.file());
            assertNull(b.get("t"));
            assertTrue(a.file().getFileName().toString().startsWith("m_head-"));
        }
        IOException e = assertThrows(IOException.class, () -> EmbeddingCache.open(dir, "m/head", DIM + 1));
        assertTrue(e.getMessage().contains("m/head"), e.getMessage());
    }

    @Test
    void wrongVectorsAndMismatchedEmbeddersAreRejected() throws IOException {
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "other/id", DIM)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> cache.putAll(List.of("t"), List.of(new float[DIM + 1])));
            assertEquals("vector 0 has dimension 5 != 4", e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> new CachedEmbedder(new CountingEmbedder(), cache));
        }
    }

    @Test
    void concurrentWritersLoseNothing() throws Exception {
        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            Thread[] threads = new Thread[2];
            for (int t = 0; t < threads.length; t++) {
                int id = t;
                threads[t] = new Thread(() -> {
                    for (int i = 0; i < 50; i++) {
                        String text = id + ":" + i;
                        cache.putAll(List.of(text), List.of(CountingEmbedder.vector(text)));
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
        }

        try (EmbeddingCache cache = EmbeddingCache.open(dir, "fake/test", DIM)) {
            assertEquals(100, cache.size());
            assertEquals(0, cache.corruptRecords());
            assertArrayEquals(CountingEmbedder.vector("1:49"), cache.get("1:49"));
        }
    }
}
