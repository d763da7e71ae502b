package io.fedrouter.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WideCsvReaderTest {

    static final String HEADER = ",sample_id,prompt,eval_name,m1,m2,m1|model_response,m2|model_response,"
            + "m1|total_cost,m2|total_cost,oracle_model_to_route_to";

    @TempDir
    Path dir;

    Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    static String row(int i, String id, String prompt, String s1, String s2, String c1, String c2) {
        return i + "," + id + "," + prompt + ",t," + s1 + "," + s2 + ",r1,r2," + c1 + "," + c2 + ",m1";
    }

    @Test
    void readsScoresCostsAndIgnoresExtras() throws IOException {
        Path f = write("a.csv", HEADER,
                row(0, "q0", "\"['Hi, \"\"you\"\"\\n there']\"", "1.0", "0.0", "0.002", "0.0001"),
                row(1, "q1", "plain text", "0.5", "", "0.003", "0.0004"));

        ReadResult r = WideCsvReader.read(f, BadRowPolicy.FAIL);

        Dataset d = r.dataset();
        assertEquals("a.csv", d.name());
        assertEquals(List.of("m1", "m2"), d.models());
        assertEquals(2, d.size());
        Query q0 = d.queries().get(0);
        assertEquals("q0", q0.id());
        assertEquals("Hi, \"you\"\n there", q0.prompt());
        assertEquals("t", q0.task());
        assertArrayEquals(new double[] {1.0, 0.0}, q0.scores());
        assertArrayEquals(new double[] {0.002, 0.0001}, q0.costs());
        Query q1 = d.queries().get(1);
        assertEquals("plain text", q1.prompt());
        assertTrue(Double.isNaN(q1.scores()[1]) && Double.isNaN(q1.costs()[1]), "empty score cell is unobserved");
        assertEquals(Map.of("m1", 0L, "m2", 1L), r.report().missingCells());
        assertEquals(2, r.report().rowsRead());
        assertEquals(0, r.report().rowsSkipped());
        assertEquals(64, d.sha256().length());
    }

    @Test
    void scoreWithoutCostIsUnobserved() throws IOException {
        Path f = write("a.csv", HEADER, row(0, "q0", "p", "1.0", "1.0", "0.1", ""));

        Query q = WideCsvReader.read(f, BadRowPolicy.FAIL).dataset().queries().get(0);

        assertEquals(1.0, q.scores()[0]);
        assertTrue(Double.isNaN(q.scores()[1]));
    }

    @Test
    void rowIndexIsTheIdWithoutSampleId() throws IOException {
        Path f = write("a.csv", "prompt,eval_name,m1,m1|total_cost", "p0,t,1,0.1", "p1,t,0,0.2");

        Dataset d = WideCsvReader.read(f, BadRowPolicy.FAIL).dataset();

        assertEquals(List.of("0", "1"), d.queries().stream().map(Query::id).toList());
    }

    /** Each kind of bad row: under FAIL the message names file, line and problem; under SKIP the rest is kept. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "non-numeric score  | 0,bad,p,t,abc,1.0,r,r,0.1,0.1,m1        | score 'abc' for model 'm1' is not a number",
        "score above one    | 0,bad,p,t,1.5,1.0,r,r,0.1,0.1,m1        | score 1.5 for model 'm1' is outside [0,1]",
        "negative score     | 0,bad,p,t,-0.1,1.0,r,r,0.1,0.1,m1       | score -0.1 for model 'm1' is outside [0,1]",
        "negative cost      | 0,bad,p,t,1.0,1.0,r,r,-0.5,0.1,m1       | cost -0.5 for model 'm1' is negative",
        "NaN cost           | 0,bad,p,t,1.0,1.0,r,r,0.1,NaN,m1        | cost 'NaN' for model 'm2' is not finite",
        "infinite cost      | 0,bad,p,t,1.0,1.0,r,r,Infinity,0.1,m1   | cost 'Infinity' for model 'm1' is not finite",
        "no observed model  | 0,bad,p,t,,,r,r,,,m1                   | no model has both a score and a cost",
        "ragged row         | 0,bad,p,t,1.0,1.0,r,r,0.1               | row has 9 fields, header has 11",
        "empty sample id    | 0,,p,t,1.0,1.0,r,r,0.1,0.1,m1           | sample_id is empty",
        "empty prompt       | 0,bad,,t,1.0,1.0,r,r,0.1,0.1,m1         | prompt is empty and there is no embedding",
        "duplicate id       | 0,q0,\"['first']\",t,1,1,r,r,0.1,0.1,m1 | duplicate query id 'q0' (first at a.csv:2)",
    })
    void badRows(String kind, String badRow, String problem) throws IOException {
        // the good row spans two physical lines, so the bad row starts on line 4, not 3
        String good = "0,q0,\"['first']\",t,1.0,0.0,\"multi\nline\",r,0.1,0.1,m1";
        Path f = write("a.csv", HEADER, good, badRow, "2,q2,p2,t,0.0,1.0,r,r,0.1,0.2,m2");

        DataFormatException e = assertThrows(DataFormatException.class, () -> WideCsvReader.read(f, BadRowPolicy.FAIL));
        assertEquals("a.csv:4: " + problem, e.getMessage());
        assertEquals(4, e.problem().line());

        ReadResult r = WideCsvReader.read(f, BadRowPolicy.SKIP);
        assertEquals(List.of("q0", "q2"), r.dataset().queries().stream().map(Query::id).toList());
        assertEquals(3, r.report().rowsRead());
        assertEquals(1, r.report().rowsSkipped());
        assertEquals(List.of(new RowProblem("a.csv", 4, problem)), r.report().problems());
    }

    @Test
    void crlfAndBlankLinesKeepLineNumbersPhysical() throws IOException {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "\uFEFF" + HEADER + "\r\n"
                + "0,q0,\"two\r\nlines\",t,1,1,r,r,0.1,0.1,m1\r\n"
                + "\r\n"
                + "1,q1,p,t,x,1,r,r,0.1,0.1,m1\r\n");

        DataFormatException e = assertThrows(DataFormatException.class, () -> WideCsvReader.read(f, BadRowPolicy.FAIL));

        assertEquals("a.csv:5: score 'x' for model 'm1' is not a number", e.getMessage());
        assertEquals("two\r\nlines", WideCsvReader.read(f, BadRowPolicy.SKIP).dataset().queries().get(0).prompt());
    }

    @Test
    void repeatedIdWithDifferentPromptIsKeptUnderNewId() throws IOException {
        Path f = write("a.csv", HEADER, row(0, "q0", "first", "1", "1", "0.1", "0.1"),
                row(1, "q0", "second", "0", "1", "0.1", "0.1"), row(2, "q0", "third", "0", "0", "0.1", "0.1"));

        ReadResult r = WideCsvReader.read(f, BadRowPolicy.FAIL);

        assertEquals(List.of("q0", "q0#2", "q0#3"), r.dataset().queries().stream().map(Query::id).toList());
        assertEquals(2, r.report().warningCount());
        assertEquals(new RowProblem("a.csv", 3, "query id 'q0' was used at a.csv:2 for a different prompt; kept as 'q0#2'"),
                r.report().warnings().get(0));
    }

    @Test
    void missingPromptColumnFailsWholeFileUnderEitherPolicy() throws IOException {
        Path f = write("a.csv", "sample_id,eval_name,m1,m1|total_cost", "q0,t,1,0.1");

        for (BadRowPolicy policy : BadRowPolicy.values()) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> WideCsvReader.read(f, policy));
            assertTrue(e.getMessage().startsWith("a.csv:1: missing required column 'prompt'"), e.getMessage());
        }
    }

    @Test
    void costColumnWithoutScoreColumnFails() throws IOException {
        Path f = write("a.csv", "prompt,m1,m1|total_cost,m2|total_cost", "p,1,0.1,0.2");

        DataFormatException e = assertThrows(DataFormatException.class, () -> WideCsvReader.read(f, BadRowPolicy.SKIP));

        assertEquals("a.csv:1: column 'm2|total_cost' has no score column 'm2'", e.getMessage());
    }

    @Test
    void unterminatedQuoteIsAFileError() throws IOException {
        Path f = write("a.csv", "prompt,m1,m1|total_cost", "p,1,0.1", "\"never closed,1,0.1");

        DataFormatException e = assertThrows(DataFormatException.class, () -> WideCsvReader.read(f, BadRowPolicy.SKIP));

        assertTrue(e.getMessage().startsWith("a.csv:"), e.getMessage());
        assertTrue(e.getMessage().contains("malformed CSV"), e.getMessage());
    }

    @Test
    void embeddingColumnIsReadAndChecked() throws IOException {
        String h = "sample_id,prompt,m1,m1|total_cost,all_mpnet_base_v2_embedding";
        Path ok = write("ok.csv", h, "q0,p,1,0.1,\"[0.5, -1, 2e-1]\"", "q1,,0,0.1,\"[1 2\n 3]\"");

        Dataset d = WideCsvReader.read(ok, BadRowPolicy.FAIL).dataset();

        assertArrayEquals(new float[] {0.5f, -1f, 0.2f}, d.queries().get(0).embedding());
        assertArrayEquals(new float[] {1f, 2f, 3f}, d.queries().get(1).embedding());
        assertEquals("", d.queries().get(1).prompt(), "an embedded query may have no prompt");
        assertEquals(3, d.dim());

        Path dims = write("dims.csv", h, "q0,p,1,0.1,\"[0.5, 1]\"", "q1,p,1,0.1,\"[1, 2, 3]\"");
        assertEquals("dims.csv:3: embedding has dimension 3, expected 2 as at dims.csv:2",
                assertThrows(DataFormatException.class, () -> WideCsvReader.read(dims, BadRowPolicy.FAIL)).getMessage());
        Path text = write("text.csv", h, "q0,p,1,0.1,\"[0.5, abc]\"");
        assertEquals("text.csv:2: embedding element 1 'abc' is not a number",
                assertThrows(DataFormatException.class, () -> WideCsvReader.read(text, BadRowPolicy.FAIL)).getMessage());
        Path noList = write("nolist.csv", h, "q0,p,1,0.1,0.5");
        assertEquals("nolist.csv:2: embedding '0.5' is not a bracketed list of numbers",
                assertThrows(DataFormatException.class, () -> WideCsvReader.read(noList, BadRowPolicy.FAIL)).getMessage());

        ReadResult skipped = WideCsvReader.read(dims, BadRowPolicy.SKIP);
        assertEquals(1, skipped.dataset().size());
        assertEquals(1, skipped.report().embeddedQueries());
    }

    @Test
    void emptyEmbeddingCellLeavesQueryUnembedded() throws IOException {
        Path f = write("a.csv", "sample_id,prompt,m1,m1|total_cost,embedding", "q0,p,1,0.1,[1 2]", "q1,p1,1,0.1,");

        ReadResult r = WideCsvReader.read(f, BadRowPolicy.FAIL);

        assertNull(r.dataset().queries().get(1).embedding());
        assertEquals(1, r.report().embeddedQueries());
    }
}
