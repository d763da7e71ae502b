package io.fedrouter.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fedrouter.data.DatasetReader.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetReaderTest {

    @TempDir
    Path dir;

    Path write(Path folder, String name, String... lines) throws IOException {
        Files.createDirectories(folder);
        Path p = folder.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return p;
    }

    static String sha256(byte[]... parts) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (byte[] p : parts) {
            md.update(p);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    @Test
    void folderOfWideFilesMergesInNameOrder() throws Exception {
        Path folder = dir.resolve("bench");
        // b.csv lists its models in another order: columns are matched by name
        Path b = write(folder, "b.csv", "sample_id,prompt,eval_name,m2,m1,m2|total_cost,m1|total_cost", "b0,pb,y,0,1,0.2,0.1");
        Path a = write(folder, "a.csv", "sample_id,prompt,eval_name,m1,m2,m1|total_cost,m2|total_cost",
                "a0,pa,x,1,0,0.1,0.2", "a1,pa1,x,0,,0.1,");
        write(folder, "notes.txt", "ignored");

        ReadResult r = DatasetReader.read(folder, Format.WIDE, BadRowPolicy.FAIL);

        Dataset d = r.dataset();
        assertEquals("bench", d.name());
        assertEquals(List.of("m1", "m2"), d.models());
        assertEquals(List.of("a0", "a1", "b0"), d.queries().stream().map(Query::id).toList());
        assertEquals(1.0, d.queries().get(2).scores()[0]);
        assertEquals(0.2, d.queries().get(2).costs()[1]);
        assertEquals(List.of("x", "y"), d.tasks());
        assertEquals(List.of("a.csv", "b.csv"), r.report().files());
        assertEquals(sha256(Files.readAllBytes(a), Files.readAllBytes(b)), d.sha256());
        assertEquals(1L, r.report().missingCells().get("m2"));
    }

    @Test
    void folderFilesWithDifferentModelsFailNamingBothFiles() throws IOException {
        Path folder = dir.resolve("bench");
        write(folder, "a.csv", "prompt,m1,m2,m1|total_cost,m2|total_cost", "p,1,0,0.1,0.2");
        write(folder, "b.csv", "prompt,m1,m3,m1|total_cost,m3|total_cost", "p,1,0,0.1,0.2");

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetReader.read(folder, Format.AUTO, BadRowPolicy.SKIP));

        assertEquals("b.csv:1: model columns differ from a.csv: missing [m2], extra [m3]", e.getMessage());
    }

    @Test
    void folderRowIndicesArePrefixedWithTheFileName() throws IOException {
        Path folder = dir.resolve("bench");
        write(folder, "a.csv", "prompt,m1,m1|total_cost", "same,1,0.1");
        write(folder, "b.csv", "prompt,m1,m1|total_cost", "same,0,0.1");

        Dataset d = DatasetReader.read(folder, Format.WIDE, BadRowPolicy.FAIL).dataset();

        assertEquals(List.of("a.csv#0", "b.csv#0"), d.queries().stream().map(Query::id).toList());
    }

    @Test
    void duplicateIdAcrossFilesIsABadRowThere() throws IOException {
        Path folder = dir.resolve("bench");
        write(folder, "a.csv", "sample_id,prompt,m1,m1|total_cost", "q,same,1,0.1");
        write(folder, "b.csv", "sample_id,prompt,m1,m1|total_cost", "r,other,1,0.1", "q,same,0,0.1");

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetReader.read(folder, Format.WIDE, BadRowPolicy.FAIL));

        assertEquals("b.csv:3: duplicate query id 'q' (first at a.csv:2)", e.getMessage());
        assertEquals(2, DatasetReader.read(folder, Format.WIDE, BadRowPolicy.SKIP).dataset().size());
    }

    @Test
    void autoDetectsFormatPerFile() throws IOException {
        Path wide = write(dir, "wide.csv", "prompt,m1,m1|total_cost", "p,1,0.1");
        Path longCsv = write(dir, "long.csv", "query_id,prompt,model,score,cost", "a,p,m1,1,0.1");
        Path jsonl = write(dir, "long.jsonl", "{\"query_id\":\"a\",\"prompt\":\"p\",\"model\":\"m1\",\"score\":1,\"cost\":0.1}");

        assertEquals(Format.WIDE, DatasetReader.detect(wide));
        assertEquals(Format.LONG, DatasetReader.detect(longCsv));
        assertEquals(Format.LONG, DatasetReader.detect(jsonl));
        for (Path p : List.of(wide, longCsv, jsonl)) {
            Dataset d = DatasetReader.read(p, Format.AUTO, BadRowPolicy.FAIL).dataset();
            assertEquals(List.of("m1"), d.models(), p.toString());
            assertEquals(1, d.size(), p.toString());
            assertEquals("p", d.queries().get(0).prompt());
        }
    }

    @Test
    void longFolderMergesJsonlAndCsvAndGroupsAcrossFiles() throws IOException {
        Path folder = dir.resolve("logs");
        write(folder, "1.jsonl", "{\"query_id\":\"a\",\"prompt\":\"p\",\"model\":\"m1\",\"score\":1,\"cost\":0.1,\"client\":7}");
        write(folder, "2.csv", "query_id,prompt,model,score,cost", "a,p,m2,0,0.2", "b,q,m1,1,0.3");

        ReadResult r = DatasetReader.read(folder, Format.AUTO, BadRowPolicy.FAIL);

        assertEquals(List.of("m1", "m2"), r.dataset().models());
        assertEquals(2, r.dataset().size());
        assertEquals(0.2, r.dataset().queries().get(0).costs()[1]);
        assertEquals("7", r.clients().get("a"));
    }

    @Test
    void autoRefusesAFolderMixingFormats() throws IOException {
        Path folder = dir.resolve("mixed");
        write(folder, "a.csv", "prompt,m1,m1|total_cost", "p,1,0.1");
        write(folder, "b.jsonl", "{\"query_id\":\"a\",\"prompt\":\"p\",\"model\":\"m1\",\"score\":1,\"cost\":0.1}");

        DataFormatException e = assertThrows(DataFormatException.class,
                () -> DatasetReader.read(folder, Format.AUTO, BadRowPolicy.FAIL));

        assertTrue(e.getMessage().startsWith("b.jsonl:1: looks like the long format but a.csv looks like the wide"),
                e.getMessage());
    }

    @Test
    void shaDiffersWhenOneByteDiffers() throws IOException {
        Path a = write(dir.resolve("x"), "d.csv", "prompt,m1,m1|total_cost", "p,1,0.1");
        Path b = write(dir.resolve("y"), "d.csv", "prompt,m1,m1|total_cost", "p,1,0.2");

        assertNotEquals(DatasetReader.read(a, Format.AUTO, BadRowPolicy.FAIL).dataset().sha256(),
                DatasetReader.read(b, Format.AUTO, BadRowPolicy.FAIL).dataset().sha256());
    }

    @Test
    void emptyFolderIsAnError() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("empty"));

        assertThrows(IllegalArgumentException.class, () -> DatasetReader.read(folder, Format.AUTO, BadRowPolicy.FAIL));
    }
}
