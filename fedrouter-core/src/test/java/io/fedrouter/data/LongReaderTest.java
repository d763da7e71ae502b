package io.fedrouter.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

class LongReaderTest {

    @TempDir
    Path dir;

    Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    static String rec(String id, String prompt, String model, String score, String cost) {
        return "{\"query_id\":\"" + id + "\",\"prompt\":\"" + prompt + "\",\"task\":\"t\",\"model\":\"" + model
                + "\",\"score\":" + score + ",\"cost\":" + cost + "}";
    }

    @Test
    void groupsRecordsIntoQueriesWithModelsInFirstSeenOrder() throws IOException {
        Path f = write("log.jsonl",
                "{\"query_id\":\"a\",\"prompt\":\"pa\",\"task\":\"math\",\"model\":\"m2\",\"score\":1,\"cost\":0.5,\"client\":3}",
                "",
                "{\"query_id\":\"b\",\"prompt\":\"pb\",\"model\":\"m1\",\"score\":0.25,\"cost\":0.1,\"client\":\"acme\"}",
                "   ",
                "{\"query_id\":\"a\",\"prompt\":\"pa\",\"model\":\"m1\",\"score\":\"0\",\"cost\":\"0.2\",\"extra\":[1]}");

        ReadResult r = LongReader.read(f, BadRowPolicy.FAIL);

        Dataset d = r.dataset();
        assertEquals(List.of("m2", "m1"), d.models());
        assertEquals(List.of("a", "b"), d.queries().stream().map(Query::id).toList());
        Query a = d.queries().get(0);
        assertEquals("math", a.task(), "task from the record that has it");
        assertArrayEquals(new double[] {1.0, 0.0}, a.scores());
        assertArrayEquals(new double[] {0.5, 0.2}, a.costs());
        Query b = d.queries().get(1);
        assertEquals("", b.task());
        assertTrue(Double.isNaN(b.scores()[0]));
        assertEquals(0.25, b.scores()[1]);
        assertEquals(Map.of("a", "3", "b", "acme"), r.clients());
        assertEquals(Map.of("m2", 1L, "m1", 0L), r.report().missingCells());
        assertEquals(3, r.report().rowsRead(), "blank lines are not records");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "same query and model | {\"query_id\":\"a\",\"prompt\":\"pa\",\"model\":\"m1\",\"score\":0,\"cost\":0.1}"
            + " | second record for query 'a' and model 'm1' (first at log.jsonl:1)",
        "different prompt     | {\"query_id\":\"a\",\"prompt\":\"other\",\"model\":\"m2\",\"score\":0,\"cost\":0.1}"
            + " | query 'a' has a different prompt than at log.jsonl:1",
        "different task       | {\"query_id\":\"a\",\"prompt\":\"pa\",\"task\":\"u\",\"model\":\"m2\",\"score\":0,\"cost\":0.1}"
            + " | query 'a' has task 'u' but 't' at log.jsonl:1",
        "score above one      | {\"query_id\":\"c\",\"prompt\":\"pc\",\"model\":\"m2\",\"score\":1.5,\"cost\":0.1}"
            + " | score 1.5 for model 'm2' is outside [0,1]",
        "text score           | {\"query_id\":\"c\",\"prompt\":\"pc\",\"model\":\"m2\",\"score\":\"abc\",\"cost\":0.1}"
            + " | score 'abc' for model 'm2' is not a number",
        "negative cost        | {\"query_id\":\"c\",\"prompt\":\"pc\",\"model\":\"m2\",\"score\":1,\"cost\":-2}"
            + " | cost -2 for model 'm2' is negative",
        "missing cost         | {\"query_id\":\"c\",\"prompt\":\"pc\",\"model\":\"m2\",\"score\":1}"
            + " | missing field 'cost'",
        "missing query id     | {\"prompt\":\"pc\",\"model\":\"m2\",\"score\":1,\"cost\":0.1}"
            + " | missing field 'query_id'",
        "bad embedding        | {\"query_id\":\"c\",\"prompt\":\"pc\",\"model\":\"m2\",\"score\":1,\"cost\":0.1,\"embedding\":[1,\"x\"]}"
            + " | embedding element 1 '\"x\"' is not a number",
        "embedding dimension  | {\"query_id\":\"c\",\"prompt\":\"pc\",\"model\":\"m2\",\"score\":1,\"cost\":0.1,\"embedding\":[1,2,3]}"
            + " | embedding has dimension 3, expected 2 as at log.jsonl:1",
        "not an object        | [1, 2]"
            + " | expected a JSON object, got [1, 2]",
    })
    void badRecords(String kind, String bad, String problem) throws IOException {
        Path f = write("log.jsonl",
                "{\"query_id\":\"a\",\"prompt\":\"pa\",\"task\":\"t\",\"model\":\"m1\",\"score\":1,\"cost\":0.1,\"embedding\":[0.5,1]}",
                "",
                bad,
                rec("b", "pb", "m2", "0", "0.3"));

        DataFormatException e = assertThrows(DataFormatException.class, () -> LongReader.read(f, BadRowPolicy.FAIL));
        assertEquals("log.jsonl:3: " + problem, e.getMessage());

        ReadResult r = LongReader.read(f, BadRowPolicy.SKIP);
        assertEquals(List.of("a", "b"), r.dataset().queries().stream().map(Query::id).toList());
        assertEquals(List.of("m1", "m2"), r.dataset().models());
        assertEquals(1, r.report().rowsSkipped());
        assertEquals(3, r.report().rowsRead());
    }

    @Test
    void invalidJsonIsABadRow() throws IOException {
        Path f = write("log.jsonl", rec("a", "pa", "m1", "1", "0.1"), "{\"query_id\": \"b\", ");

        DataFormatException e = assertThrows(DataFormatException.class, () -> LongReader.read(f, BadRowPolicy.FAIL));

        assertTrue(e.getMessage().startsWith("log.jsonl:2: not valid JSON:"), e.getMessage());
        assertEquals(1, LongReader.read(f, BadRowPolicy.SKIP).dataset().size());
    }

    @Test
    void csvLogWithEmbeddingAsJsonArrayString() throws IOException {
        Path f = write("log.csv", "query_id,prompt,task,model,score,cost,client,embedding",
                "a,\"say \"\"hi\"\",\nplease\",t,m1,1,0.1,0,\"[0.1, 0.2]\"",
                "a,\"say \"\"hi\"\",\nplease\",t,m2,0,0.2,0,",
                "b,pb,t,m2,0.5,abc,1,\"[0.3, 0.4]\"");

        DataFormatException e = assertThrows(DataFormatException.class, () -> LongReader.read(f, BadRowPolicy.FAIL));
        assertEquals("log.csv:6: cost 'abc' for model 'm2' is not a number", e.getMessage());

        ReadResult r = LongReader.read(f, BadRowPolicy.SKIP);
        Query a = r.dataset().queries().get(0);
        assertEquals("say \"hi\",\nplease", a.prompt(), "long-format prompts are plain text");
        assertArrayEquals(new double[] {1, 0}, a.scores());
        assertArrayEquals(new float[] {0.1f, 0.2f}, a.embedding());
        assertEquals(Map.of("a", "0"), r.clients());
    }

    @Test
    void csvLogWithoutScoreColumnIsAFileError() throws IOException {
        Path f = write("log.csv", "query_id,prompt,model,cost", "a,p,m1,0.1");

        DataFormatException e = assertThrows(DataFormatException.class, () -> LongReader.read(f, BadRowPolicy.SKIP));

        assertTrue(e.getMessage().startsWith("log.csv:1: missing required column 'score'"), e.getMessage());
    }
}
