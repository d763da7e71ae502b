package io.fedrouter.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.io.TempDir;

class CsvFileTest {

    @TempDir
    Path dir;

    /**
     * Records with quoted fields spanning lines (LF, CRLF and lone CR), blank lines between records, and a file
     * far larger than the parser's buffer: every record must report the physical line it starts on.
     */
    @RepeatedTest(5)
    void recordsKnowTheLineTheyStartOn(RepetitionInfo info) throws IOException, NoSuchAlgorithmException {
        SplittableRandom rng = new SplittableRandom(42 + info.getCurrentRepetition());
        String[] breaks = {"\n", "\r\n", "\r"};
        StringBuilder text = new StringBuilder("a,b\n");
        long line = 2;
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String eol = breaks[rng.nextInt(breaks.length)];
            expected.add(line);
            int inner = rng.nextInt(4);
            text.append(i).append(",\"");
            for (int k = 0; k < inner; k++) {
                // at least one character between breaks, so a CR and an LF never fuse into one CRLF
                text.append("x".repeat(1 + rng.nextInt(40))).append(breaks[rng.nextInt(breaks.length)]);
            }
            text.append("\"\"end\"").append(eol);
            line += inner + 1;
            if (rng.nextInt(10) == 0) {
                text.append(eol); // a blank line, with the same break so it cannot fuse with the one before
                line++;
            }
        }
        Path f = dir.resolve("f.csv");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        MessageDigest md = MessageDigest.getInstance("SHA-256");

        List<Long> actual = new ArrayList<>();
        try (CsvFile csv = CsvFile.open(f, md)) {
            assertEquals(List.of("a", "b"), csv.header());
            for (CsvFile.Row r = csv.next(); r != null; r = csv.next()) {
                assertEquals(Integer.toString(actual.size()), r.record().get(0));
                actual.add(r.line());
            }
            assertNull(csv.next());
            csv.drain();
        }

        assertEquals(expected, actual);
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))),
                HexFormat.of().formatHex(md.digest()));
    }
}
