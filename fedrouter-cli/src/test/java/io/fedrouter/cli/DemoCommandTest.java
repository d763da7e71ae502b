package io.fedrouter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo through the real command line, on a smaller synthetic world so it stays quick. */
class DemoCommandTest {

    @Test
    void demoWritesTheReportAndFederatedBeatsLocal(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("demo");
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setErr(new PrintWriter(err))
                .execute("demo", "--queries", "2500", "--out", out.toString(), "--seed", "7");

        assertEquals(0, code, err.toString());
        for (String f : new String[] {"results.json", "results.csv", "frontier.png", "frontier.svg", "report.html"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        JsonNode json = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertEquals("synthetic-384", json.get("embedder").get("id").asText());
        for (String family : new String[] {"mlp", "kmeans"}) {
            double federated = auc(json, family, "federated");
            double meanLocal = 0;
            int locals = 0;
            for (JsonNode r : json.get("routers")) {
                if (r.get("family").asText().equals(family) && r.get("scheme").asText().equals("local")) {
                    meanLocal += r.get("global").get("auc").asDouble();
                    locals++;
                }
            }
            meanLocal /= locals;
            assertEquals(10, locals);
            assertTrue(federated > meanLocal + 0.05, family + ": federated " + federated + " vs mean local " + meanLocal);
            JsonNode wins = json.get("federated_beats_local").get(family);
            assertTrue(wins.get("wins").asInt() >= 7, family + " wins: " + wins);
        }
    }

    @Test
    void sameSeedSameNumbers(@TempDir Path dir) throws Exception {
        int a = Main.commandLine().execute("demo", "--queries", "800", "--clients", "4", "--routers", "kmeans", "--out", dir.resolve("a").toString());
        int b = Main.commandLine().execute("demo", "--queries", "800", "--clients", "4", "--routers", "kmeans", "--out", dir.resolve("b").toString());

        assertEquals(0, a);
        assertEquals(0, b);
        JsonNode ja = new ObjectMapper().readTree(dir.resolve("a/results.json").toFile()).get("routers");
        JsonNode jb = new ObjectMapper().readTree(dir.resolve("b/results.json").toFile()).get("routers");
        assertEquals(ja.size(), jb.size());
        for (int i = 0; i < ja.size(); i++) {
            assertEquals(ja.get(i).get("global"), jb.get(i).get("global"), "router " + i);
            assertEquals(ja.get(i).get("own"), jb.get(i).get("own"), "router " + i);
        }
    }

    @Test
    void badOptionGetsAClearError() {
        StringWriter err = new StringWriter();

        int code = Main.commandLine().setErr(new PrintWriter(err)).execute("demo", "--routers", "mlp,forest", "--out", "unused");

        assertEquals(2, code);
        assertTrue(err.toString().contains("unknown router family 'forest'"), err.toString());
    }

    private static double auc(JsonNode json, String family, String scheme) {
        for (JsonNode r : json.get("routers")) {
            if (r.get("family").asText().equals(family) && r.get("scheme").asText().equals(scheme)) {
                return r.get("global").get("auc").asDouble();
            }
        }
        throw new AssertionError("no " + family + " " + scheme + " router");
    }
}
