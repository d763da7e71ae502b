package io.fedrouter.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An RFC 4180 CSV file read as UTF-8 (a leading BOM is dropped) whose records know the physical line they start
 * on, even when quoted fields span lines. Every byte read also goes into the session's digest.
 */
final class CsvFile implements AutoCloseable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    /** One record and the 1-based line it starts on. */
    record Row(CSVRecord record, long line) {
    }

    final String name;
    private final InputStream in;
    private final LineTracker lines;
    private final CSVParser parser;
    private final Iterator<CSVRecord> it;

    private CsvFile(Path path, MessageDigest digest) throws IOException {
        this.name = path.getFileName().toString();
        this.in = new DigestInputStream(Files.newInputStream(path), digest);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        this.lines = new LineTracker(reader);
        this.parser = CSVParser.parse(lines, FORMAT);
        this.it = parser.iterator();
    }

    static CsvFile open(Path path, MessageDigest digest) throws IOException {
        return new CsvFile(path, digest);
    }

    /** The header record, trimmed; a file without one is a file-level error. */
    List<String> header() {
        Row h = next();
        if (h == null) {
            throw new DataFormatException(new RowProblem(name, 1, "file is empty, expected a header row"));
        }
        List<String> out = new ArrayList<>(h.record.size());
        for (String s : h.record) {
            out.add(s.strip());
        }
        return out;
    }

    /** The next non-blank record, or {@code null} at the end. Broken quoting or encoding is a file-level error. */
    Row next() {
        while (true) {
            CSVRecord r;
            try {
                if (!it.hasNext()) {
                    return null;
                }
                r = it.next();
            } catch (UncheckedIOException e) {
                String what = e.getCause() instanceof CharacterCodingException ? "file is not valid UTF-8"
                        : "malformed CSV: " + e.getCause().getMessage();
                throw new DataFormatException(new RowProblem(name, lines.lineOf(lines.position()), what), e);
            }
            long line = lines.lineOf(r.getCharacterPosition());
            if (r.size() == 1 && r.get(0).isEmpty()) {
                continue; // a blank line; with ignoreEmptyLines off, record positions stay exact
            }
            return new Row(r, line);
        }
    }

    /** Reads what the parser left unread so the digest covers the whole file. */
    void drain() throws IOException {
        in.transferTo(OutputStream.nullOutputStream());
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /**
     * Remembers the character offsets at which lines start, as far as the parser has read ahead, so a record's
     * character position maps to its line. Offsets behind the last lookup are dropped: memory stays bounded by
     * the parser's read-ahead, not by the file.
     */
    static final class LineTracker extends Reader {
        private final Reader in;
        private long pos; // characters delivered so far
        private long[] starts = new long[64]; // pending line-start offsets, starts[head..size)
        private int head;
        private int size;
        private long line = 1; // line of offsets before starts[head]
        private boolean pendingCr;
        private boolean first = true;

        LineTracker(Reader in) {
            this.in = in;
        }

        long position() {
            return pos;
        }

        /** The 1-based line of character offset {@code p}; offsets must be asked in non-decreasing order. */
        long lineOf(long p) {
            while (head < size && starts[head] <= p) {
                head++;
                line++;
            }
            return line;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (n <= 0) {
                return n;
            }
            if (first) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
            for (int k = 0; k < n; k++) {
                char c = buf[off + k];
                long at = pos + k;
                if (pendingCr) {
                    pendingCr = false;
                    if (c != '\n') {
                        push(at); // a lone CR ended the previous line
                    }
                }
                if (c == '\n') {
                    push(at + 1);
                } else if (c == '\r') {
                    pendingCr = true;
                }
            }
            pos += n;
            return n;
        }

        private void push(long start) {
            if (size == starts.length) {
                if (head > 0) {
                    System.arraycopy(starts, head, starts, 0, size - head);
                    size -= head;
                    head = 0;
                } else {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                }
            }
            starts[size++] = start;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
