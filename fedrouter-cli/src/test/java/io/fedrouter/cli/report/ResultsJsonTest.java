package io.fedrouter.cli.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedrouter.eval.Frontier;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Evaluation;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultsJsonTest {

    private static List<String> keys(JsonNode node) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void roundTripThroughAFileGivesTheSameResult(@TempDir Path dir) throws Exception {
        ExperimentResult result = SampleResults.study();
        Path file = dir.resolve("out/results.json");
        ResultsJson.write(result, file);
        assertEquals(result, ResultsJson.read(file));
    }

    @Test
    void fieldNamesAreExactlyTheDocumentedOnes() throws Exception {
        JsonNode root = new ObjectMapper().readTree(ResultsJson.toJson(SampleResults.study()));
        assertEquals(List.of("config", "dataset", "embedder", "routers", "fedrouter_version", "wall_seconds"), keys(root));
        assertEquals(List.of("name", "queries", "models", "tasks", "sha256", "model_names", "task_names"), keys(root.get("dataset")));
        assertEquals(5, root.get("dataset").get("models").intValue());
        assertEquals(3, root.get("dataset").get("tasks").intValue());
        assertEquals("gpt-4", root.get("dataset").get("model_names").get(4).textValue());
        assertEquals(List.of("id", "dim"), keys(root.get("embedder")));
        assertEquals(42, root.get("config").get("seed").intValue());

        JsonNode federated = root.get("routers").get(0);
        assertEquals(List.of("family", "scheme", "client", "model", "train_seconds", "global", "own"), keys(federated));
        assertTrue(federated.get("client").isNull());
        assertTrue(federated.get("model").isNull());
        assertEquals(List.of("auc", "aiq", "points"), keys(federated.get("global")));
        JsonNode point = federated.get("global").get("points").get(0);
        assertEquals(2, point.size());
        assertEquals(4e-3, point.get(0).doubleValue(), 1e-15);
        assertEquals(List.of("client", "auc", "aiq"), keys(federated.get("own").get(0)));

        JsonNode local = root.get("routers").get(2);
        assertEquals("local", local.get("scheme").textValue());
        assertEquals(0, local.get("client").intValue());
        JsonNode single = root.get("routers").get(12);
        assertEquals("single", single.get("family").textValue());
        assertEquals("mistral-7b", single.get("model").textValue());
    }

    @Test
    void nonFiniteNumbersBecomeNullAndReadBackAsNaN() throws Exception {
        ExperimentResult result = new ExperimentResult(Map.of(), SampleResults.tiny().dataset(), new EmbedderInfo("e", 3),
                List.of(new RouterResult("mlp", "federated", null, null, Double.NaN,
                        new Evaluation(Double.NaN, 0.5, Frontier.of(1, 0.5)), List.of())), Map.of());
        JsonNode root = new ObjectMapper().readTree(ResultsJson.toJson(result));
        assertTrue(root.get("routers").get(0).get("global").get("auc").isNull());
        ExperimentResult back = ResultsJson.parse(ResultsJson.toJson(result));
        assertTrue(Double.isNaN(back.routers().get(0).global().auc()));
        assertTrue(Double.isNaN(back.routers().get(0).trainSeconds()));
    }

    @Test
    void extrasMayNotShadowFixedFields() {
        ExperimentResult tiny = SampleResults.tiny();
        ExperimentResult bad = new ExperimentResult(tiny.config(), tiny.dataset(), tiny.embedder(), tiny.routers(),
                Map.of("routers", 1));
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.toJson(bad));
    }
}
