package io.fedrouter.cli;

import io.fedrouter.data.BadRowPolicy;
import io.fedrouter.data.Dataset;
import io.fedrouter.data.DatasetReader;
import io.fedrouter.data.Query;
import io.fedrouter.embed.LongPrompt;
import io.fedrouter.embed.MiniLmEmbedder;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Experiment;
import io.fedrouter.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's "Library use" snippet, compiled and run: a break in that public API fails the build. */
class LibraryUsageTest {

    @Test
    void theReadmeSnippetRuns(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.jsonl");
        Files.write(log, evaluationLog(300, new SplittableRandom(3)));

        // --- as in the README ---
        Dataset data = DatasetReader.read(log, DatasetReader.Format.AUTO, BadRowPolicy.FAIL).dataset();
        ExperimentResult result;
        try (MiniLmEmbedder model = new MiniLmEmbedder(MiniLmEmbedder.Variant.FULL, LongPrompt.windows())) {
            List<float[]> vectors = model.embed(data.queries().stream().map(Query::prompt).toList());
            Dataset embedded = data.withEmbeddings(qs -> vectors);
            result = Experiment.run(embedded, new EmbedderInfo(model.id(), model.dim()),
                    Experiment.Config.defaults(100), Experiment.Listener.SILENT);
        }
        // ---

        assertEquals(300, result.dataset().queries());
        assertEquals("all-minilm-l6-v2/windows-126s96", result.embedder().id());
        assertTrue(result.routers().stream().anyMatch(r -> r.family().equals("mlp") && r.scheme().equals("federated")));
        assertTrue(result.routers().stream().anyMatch(r -> r.family().equals("kmeans") && r.scheme().equals("federated")));
    }

    /** A long-format log: math questions that a cheap model answers, history ones that need the expensive one. */
    private static List<String> evaluationLog(int queries, SplittableRandom rng) {
        String[] topics = {"math", "history"};
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            String task = topics[i % 2];
            String prompt = task.equals("math") ? "What is " + rng.nextInt(100) + " plus " + rng.nextInt(100) + "?"
                    : "In which year did event number " + rng.nextInt(1000) + " of the old kingdom happen?";
            double cheap = task.equals("math") ? (rng.nextDouble() < 0.9 ? 1 : 0) : (rng.nextDouble() < 0.3 ? 1 : 0);
            double dear = rng.nextDouble() < 0.9 ? 1 : 0;
            lines.add(record(i, prompt, task, "cheap", cheap, 0.0001));
            lines.add(record(i, prompt, task, "dear", dear, 0.01));
        }
        return lines;
    }

    private static String record(int i, String prompt, String task, String model, double score, double cost) {
        return String.format(Locale.ROOT, "{\"query_id\":\"q%d\",\"prompt\":\"%s\",\"task\":\"%s\",\"model\":\"%s\",\"score\":%.1f,\"cost\":%s}",
                i, prompt, task, model, score, cost);
    }
}
