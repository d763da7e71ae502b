package io.fedrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The experiment command on small files: a long log with embeddings written by {@code synth}, and bad input. */
class ExperimentCommandTest {

    @Test
    void runsOnALongLogWithPrecomputedEmbeddings(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("log.jsonl");
        assertEquals(0, Main.commandLine().execute("synth", "--out", log.toString(), "--queries", "900", "--dim", "24",
                "--models", "4", "--tasks", "3", "--seed", "5"));
        // 900 queries × 4 models, one record each
        assertEquals(3600, Files.readAllLines(log).stream().filter(l -> !l.isBlank()).count());
        Path out = dir.resolve("out");

        int code = Main.commandLine().execute("experiment", "--data", log.toString(), "--out", out.toString(),
                "--clients", "4", "--seed", "3,4", "-O", "mlp.hidden=32", "-O", "mlp.rounds=3");

        assertEquals(0, code);
        for (String seed : List.of("3", "4")) {
            JsonNode json = new ObjectMapper().readTree(out.resolve("seed-" + seed).resolve("results.json").toFile());
            assertEquals("precomputed", json.get("embedder").get("id").asText());
            assertEquals(24, json.get("embedder").get("dim").asInt());
            assertEquals(900, json.get("dataset").get("queries").asInt());
            assertEquals(Integer.parseInt(seed), json.get("config").get("seed").asInt());
            assertEquals(3, json.get("config").get("router-settings").get("mlp").get("rounds").asInt());
        }
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertTrue(summary.get("mean").has("mlp/federated"));
    }

    @Test
    void aBadRowStopsTheRunWithFileAndLineAndWritesNothing(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("bad.csv");
        Files.writeString(data, String.join("\n",
                ",sample_id,prompt,eval_name,m1,m2,m1|total_cost,m2|total_cost",
                "0,a,['What is 2+2?'],math,1.0,0.0,0.001,0.01",
                "1,b,['Name a prime.'],math,1.7,1.0,0.001,0.01",
                ""));
        Path out = dir.resolve("out");
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("experiment", "--data", data.toString(),
                "--out", out.toString(), "--no-cache");

        assertEquals(2, code);
        assertTrue(err.toString().contains("bad.csv:3:"), err.toString());
        assertTrue(err.toString().contains("1.7"), err.toString());
        assertFalse(Files.exists(out), "nothing is written when the input is bad");
    }

    @Test
    void unknownRouterOptionIsRejectedBeforeReadingData(@TempDir Path dir) {
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("experiment", "--data", dir.toString(),
                "--out", dir.resolve("o").toString(), "-O", "kmeans.k_global=3");

        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown kmeans option 'k_global'"), err.toString());
    }
}
