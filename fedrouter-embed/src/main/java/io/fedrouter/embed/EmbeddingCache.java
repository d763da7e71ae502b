package io.fedrouter.embed;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;

/**
 * On-disk embedding cache for one embedder (SPEC §3.5), keyed by (embedder id, SHA-256 of the UTF-8 text).
 *
 * <p>One append-only file per embedder id, {@code <dir>/<sanitized id>-<8 hex of SHA-256(id)>.vec}. The header
 * (magic, version, dim, id, CRC) is written to a temp file and renamed into place, so a file either has a whole
 * header or does not exist. Records have a fixed size — 32-byte key, {@code dim} big-endian floats, CRC32 of both —
 * so a crash mid-append leaves at most one partial trailing record, which is ignored and cut off on the next open
 * or append; a record whose checksum fails is skipped and counted. Appends hold an OS file lock, so two processes
 * can share a cache directory. The whole file is loaded into a map on open.
 *
 * <p>Thread-safe. Returned vectors are copies.
 */
public final class EmbeddingCache implements Closeable {

    private static final int MAGIC = 0x46525643; // "FRVC"
    private static final int VERSION = 1;
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final String embedderId;
    private final int dim;
    private final int recordSize;
    private final long headerSize;
    private final FileChannel channel;
    private final Map<Key, float[]> map = new ConcurrentHashMap<>();
    private final int corruptRecords;
    private final long droppedBytes;

    /** 256-bit text hash as a map key without boxing arrays. */
    private record Key(long a, long b, long c, long d) {
        static Key of(byte[] h, int off) {
            ByteBuffer bb = ByteBuffer.wrap(h, off, KEY_BYTES);
            return new Key(bb.getLong(), bb.getLong(), bb.getLong(), bb.getLong());
        }

        void write(ByteBuffer bb) {
            bb.putLong(a).putLong(b).putLong(c).putLong(d);
        }
    }

    private EmbeddingCache(Path file, String embedderId, int dim, FileChannel channel, long headerSize)
            throws IOException {
        this.file = file;
        this.embedderId = embedderId;
        this.dim = dim;
        this.recordSize = KEY_BYTES + 4 * dim + 4;
        this.headerSize = headerSize;
        this.channel = channel;
        long[] stats = load();
        this.corruptRecords = (int) stats[0];
        this.droppedBytes = stats[1];
    }

    /** {@code ~/.cache/fedrouter/embeddings}. */
    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".cache", "fedrouter", "embeddings");
    }

    /**
     * Opens (creating if needed) the cache file of {@code embedderId} in {@code dir} and loads its entries.
     *
     * @throws IOException if the file cannot be read or belongs to another embedder id or dimension
     */
    public static EmbeddingCache open(Path dir, String embedderId, int dim) throws IOException {
        if (embedderId == null || embedderId.isEmpty()) {
            throw new IllegalArgumentException("embedder id is empty");
        }
        if (dim < 1) {
            throw new IllegalArgumentException("dim must be >= 1: " + dim);
        }
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName(embedderId));
        byte[] header = header(embedderId, dim);
        if (!Files.exists(file)) {
            Path tmp = Files.createTempFile(dir, ".tmp-", ".vec");
            Files.write(tmp, header);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file);
            } catch (IOException e) {
                // Another process created it first; theirs is as good as ours.
                Files.deleteIfExists(tmp);
                if (!Files.exists(file)) {
                    throw e;
                }
            }
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ByteBuffer found = ByteBuffer.allocate(header.length);
            while (found.hasRemaining() && ch.read(found, found.position()) > 0) {
                // read the header in full
            }
            if (found.hasRemaining() || !java.util.Arrays.equals(found.array(), header)) {
                throw new IOException("cache file " + file + " does not hold embedder '" + embedderId + "' with dim "
                        + dim + " (bad or foreign header)");
            }
            return new EmbeddingCache(file, embedderId, dim, ch, header.length);
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** File name for an embedder id: readable, and unique through the id hash. */
    static String fileName(String embedderId) {
        String safe = embedderId.replaceAll("[^A-Za-z0-9._-]", "_");
        String hash = HexFormat.of().formatHex(sha256(embedderId.getBytes(StandardCharsets.UTF_8)), 0, 4);
        return safe + "-" + hash + ".vec";
    }

    private static byte[] header(String embedderId, int dim) {
        byte[] id = embedderId.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bb = ByteBuffer.allocate(4 + 4 + 4 + 4 + id.length + 4);
        bb.putInt(MAGIC).putInt(VERSION).putInt(dim).putInt(id.length).put(id);
        CRC32 crc = new CRC32();
        crc.update(bb.array(), 0, bb.position());
        bb.putInt((int) crc.getValue());
        return bb.array();
    }

    /** Reads all whole records; returns {corrupt records, trailing bytes dropped}. */
    private long[] load() throws IOException {
        long corrupt = 0;
        long size = channel.size();
        long whole = (size - headerSize) / recordSize;
        ByteBuffer buf = ByteBuffer.allocate(recordSize * 256);
        long pos = headerSize;
        long end = headerSize + whole * recordSize;
        CRC32 crc = new CRC32();
        while (pos < end) {
            buf.clear();
            buf.limit((int) Math.min(buf.capacity(), end - pos));
            while (buf.hasRemaining()) {
                if (channel.read(buf, pos + buf.position()) < 0) {
                    throw new IOException("cache file " + file + " shrank while reading");
                }
            }
            buf.flip();
            byte[] arr = buf.array();
            for (int off = 0; off < buf.limit(); off += recordSize) {
                crc.reset();
                crc.update(arr, off, recordSize - 4);
                int stored = ByteBuffer.wrap(arr, off + recordSize - 4, 4).getInt();
                if (stored != (int) crc.getValue()) {
                    corrupt++;
                    continue;
                }
                ByteBuffer rec = ByteBuffer.wrap(arr, off + KEY_BYTES, 4 * dim);
                float[] v = new float[dim];
                rec.asFloatBuffer().get(v);
                map.putIfAbsent(Key.of(arr, off), v);
            }
            pos += buf.limit();
        }
        return new long[] {corrupt, size - end};
    }

    /** SHA-256 of the UTF-8 bytes of {@code text}: the cache key. */
    public static byte[] key(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The cached vector of {@code text} (a copy), or null. */
    public float[] get(String text) {
        float[] v = map.get(Key.of(key(text), 0));
        return v == null ? null : v.clone();
    }

    /**
     * Stores vectors of texts not yet cached, appending them in one write followed by an fsync.
     *
     * @throws IllegalArgumentException if the lists differ in size or a vector has the wrong length
     * @throws UncheckedIOException if the append fails (entries stay in memory for this session)
     */
    public void putAll(List<String> texts, List<float[]> vectors) {
        if (texts.size() != vectors.size()) {
            throw new IllegalArgumentException("texts and vectors differ in size: " + texts.size() + " != "
                    + vectors.size());
        }
        List<Key> keys = new ArrayList<>();
        List<float[]> fresh = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] v = vectors.get(i);
            if (v.length != dim) {
                throw new IllegalArgumentException("vector " + i + " has dimension " + v.length + " != " + dim);
            }
            Key k = Key.of(key(texts.get(i)), 0);
            if (map.putIfAbsent(k, v.clone()) == null) {
                keys.add(k);
                fresh.add(v);
            }
        }
        if (!keys.isEmpty()) {
            append(keys, fresh);
        }
    }

    private synchronized void append(List<Key> keys, List<float[]> vectors) {
        ByteBuffer buf = ByteBuffer.allocate(recordSize * keys.size());
        CRC32 crc = new CRC32();
        for (int i = 0; i < keys.size(); i++) {
            int start = buf.position();
            keys.get(i).write(buf);
            for (float x : vectors.get(i)) {
                buf.putFloat(x);
            }
            crc.reset();
            crc.update(buf.array(), start, buf.position() - start);
            buf.putInt((int) crc.getValue());
        }
        buf.flip();
        try (FileLock ignored = channel.lock()) {
            long size = channel.size();
            long aligned = headerSize + (size - headerSize) / recordSize * recordSize;
            if (aligned != size) {
                channel.truncate(aligned); // a crashed writer left a partial record; keep records aligned
            }
            long pos = aligned;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to embedding cache " + file, e);
        }
    }

    /** Number of cached vectors. */
    public int size() {
        return map.size();
    }

    /** Records skipped on open because their checksum failed. */
    public int corruptRecords() {
        return corruptRecords;
    }

    /** Bytes of a partial trailing record found on open (cut off by the next append). */
    public long droppedBytes() {
        return droppedBytes;
    }

    /** The embedder id this cache belongs to. */
    public String embedderId() {
        return embedderId;
    }

    /** Vector dimension. */
    public int dim() {
        return dim;
    }

    /** The cache file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
