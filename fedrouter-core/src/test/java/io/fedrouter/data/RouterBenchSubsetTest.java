package io.fedrouter.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fedrouter.data.DatasetReader.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Reads the real RouterBench 0-shot subset of SPEC §3.3, when it is present. */
class RouterBenchSubsetTest {

    static final String SUBSET = "shared/data/routerbench-0shot-subset";

    /** The subset folder, looked up from the working directory upwards; {@code null} when absent. */
    static Path subset() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(SUBSET);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void readsAllRowsOfTheSubset() throws IOException {
        Path folder = subset();
        Assumptions.assumeTrue(folder != null, "RouterBench subset not found above " + Path.of("").toAbsolutePath()
                + " (expected ../shared/data/routerbench-0shot-subset); skipping");

        ReadResult r = DatasetReader.read(folder, Format.AUTO, BadRowPolicy.FAIL);

        Dataset d = r.dataset();
        assertEquals("routerbench-0shot-subset", d.name());
        assertEquals(3178, d.size());
        assertEquals(11, d.models().size());
        assertTrue(d.models().containsAll(List.of("gpt-4-1106-preview", "claude-v2", "meta/code-llama-instruct-34b-chat")));
        Map<String, Integer> perTask = new LinkedHashMap<>();
        for (Query q : d.queries()) {
            perTask.merge(q.task(), 1, Integer::sum);
        }
        assertEquals(Map.of("arc-challenge", 1484, "mbpp", 427, "winogrande", 1267), perTask);
        assertEquals(6, r.report().files().size());
        assertEquals(0, r.report().rowsSkipped());
        Set<String> ids = new HashSet<>();
        d.queries().forEach(q -> ids.add(q.id()));
        assertEquals(3178, ids.size(), "query ids are unique");
        // RouterBench repeats a few arc-challenge sample ids for different prompts; they are kept and reported
        assertEquals(14, r.report().warningCount());
        assertEquals(r.report().warningCount(), d.queries().stream().filter(q -> q.id().contains("#")).count());
        // 154 empty score cells in arc-challenge (counted independently with Python's csv module), 14 per model
        assertEquals(154, r.report().missingCellsTotal());
        assertTrue(r.report().missingCells().values().stream().allMatch(n -> n == 14L));
        for (Query q : d.queries()) {
            for (int m = 0; m < d.models().size(); m++) {
                if (q.observed(m)) {
                    assertTrue(q.scores()[m] == 0.0 || q.scores()[m] == 1.0, q.id());
                    assertTrue(q.costs()[m] >= 0 && q.costs()[m] < 1, q.id());
                }
            }
        }
        assertNotNull(d.sha256());
    }

    @Test
    void arcChallengePromptsShareTheirFewShotPrefix() throws IOException {
        Path folder = subset();
        Assumptions.assumeTrue(folder != null, "RouterBench subset not found; skipping");

        Dataset d = DatasetReader.read(folder.resolve("arc_challenge_train.csv"), Format.AUTO, BadRowPolicy.FAIL).dataset();

        String prefix = null;
        for (Query q : d.queries()) {
            prefix = prefix == null ? q.prompt() : commonPrefix(prefix, q.prompt());
        }
        // the five few-shot examples every arc-challenge prompt starts with, decoded: real newlines and quotes
        assertTrue(prefix.length() > 1000, "common prefix has " + prefix.length() + " chars");
        assertTrue(prefix.startsWith("George wants to warm his hands quickly by rubbing them."), prefix);
        assertTrue(prefix.contains("\nA) dry palms\nB) wet palms\n"), prefix);
        assertTrue(prefix.contains("from \"A\" or \"B\" or \"C\" or \"D\" without explanation.\nAnswer:\nA\n\n"), prefix);
        assertTrue(d.queries().stream().noneMatch(q -> q.prompt().startsWith("['") || q.prompt().contains("\\n")));
    }

    static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return a.substring(0, i);
    }
}
