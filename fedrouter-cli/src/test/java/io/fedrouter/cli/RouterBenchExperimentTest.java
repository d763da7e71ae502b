package io.fedrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study end to end on real RouterBench rows, through the CLI: read the wide CSVs, embed every prompt with the
 * real MiniLM model, simulate 10 clients, train local, centralized and federated MLP and K-means routers, and check
 * the paper's result for one seed. Skipped with a message when {@code ../shared/data} is absent.
 */
class RouterBenchExperimentTest {

    static final String SUBSET = "shared/data/routerbench-0shot-subset";

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
    void federatedRoutersBeatLocalOnesOnRouterBench(@TempDir Path dir) throws Exception {
        Path data = subset();
        Assumptions.assumeTrue(data != null, "RouterBench subset not found above " + Path.of("").toAbsolutePath()
                + " (expected ../shared/data/routerbench-0shot-subset); skipping the end-to-end experiment");
        Path out = dir.resolve("rb");
        StringWriter err = new StringWriter();

        // The cache sits in target/ so repeated local runs are quick; CI starts from a clean clone (cold).
        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("experiment", "--data", data.toString(),
                "--out", out.toString(), "--seed", "100", "--cache-dir", Path.of("target", "embedding-cache").toString());

        assertEquals(0, code, err.toString());
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals(3178, json.get("dataset").get("queries").asInt());
        assertEquals(11, json.get("dataset").get("models").asInt());
        assertEquals(384, json.get("embedder").get("dim").asInt());
        for (String family : new String[] {"mlp", "kmeans"}) {
            JsonNode wins = json.get("federated_beats_local").get(family);
            double federated = wins.get("federated_auc").asDouble();
            double meanLocal = wins.get("mean_local_auc").asDouble();
            assertTrue(federated >= meanLocal + 0.05, family + ": federated " + federated + " vs mean local " + meanLocal);
            assertTrue(wins.get("wins").asInt() >= 7, family + " beats local on too few clients: " + wins);
        }
    }
}
