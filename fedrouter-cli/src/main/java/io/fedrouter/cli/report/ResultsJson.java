package io.fedrouter.cli.report;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedrouter.eval.Frontier;
import io.fedrouter.experiment.ClientEval;
import io.fedrouter.experiment.DatasetInfo;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Evaluation;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes {@code results.json}. Other tools read this file, so the field names are fixed here and nowhere
 * else:
 * <pre>
 * {"config": {...},
 *  "dataset": {"name", "queries", "models", "tasks", "sha256", "model_names", "task_names"},
 *  "embedder": {"id", "dim"},
 *  "routers": [{"family", "scheme", "client", "model", "train_seconds",
 *               "global": {"auc", "aiq", "points": [[cost, accuracy], ...]},
 *               "own": [{"client", "auc", "aiq"}]}],
 *  ...extras}
 * </pre>
 * {@code dataset.models} and {@code dataset.tasks} are counts. JSON has no NaN or infinity, so a non-finite number is
 * written as {@code null} and read back as NaN.
 */
public final class ResultsJson {

    private static final Set<String> FIXED = Set.of("config", "dataset", "embedder", "routers");
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** Writes {@code result} to {@code file}, creating parent folders. */
    public static void write(ExperimentResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, toJson(result));
    }

    /** The JSON text of {@code result}. */
    public static String toJson(ExperimentResult result) {
        try {
            return MAPPER.writeValueAsString(toTree(result));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialize results", e);
        }
    }

    /** The JSON tree of {@code result}. */
    public static ObjectNode toTree(ExperimentResult result) {
        ObjectNode root = MAPPER.createObjectNode();
        root.set("config", MAPPER.valueToTree(result.config() == null ? Map.of() : result.config()));

        DatasetInfo d = result.dataset();
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("name", d.name());
        dataset.put("queries", d.queries());
        dataset.put("models", d.models());
        dataset.put("tasks", d.tasks());
        dataset.put("sha256", d.sha256());
        ArrayNode modelNames = dataset.putArray("model_names");
        (d.modelNames() == null ? List.<String>of() : d.modelNames()).forEach(modelNames::add);
        ArrayNode taskNames = dataset.putArray("task_names");
        (d.taskNames() == null ? List.<String>of() : d.taskNames()).forEach(taskNames::add);

        ObjectNode embedder = root.putObject("embedder");
        embedder.put("id", result.embedder().id());
        embedder.put("dim", result.embedder().dim());

        ArrayNode routers = root.putArray("routers");
        for (RouterResult r : result.routers()) {
            ObjectNode o = routers.addObject();
            o.put("family", r.family());
            o.put("scheme", r.scheme());
            if (r.client() == null) {
                o.putNull("client");
            } else {
                o.put("client", r.client().intValue());
            }
            o.put("model", r.model());
            putNumber(o, "train_seconds", r.trainSeconds());
            if (r.global() == null) {
                o.putNull("global");
            } else {
                ObjectNode g = o.putObject("global");
                putNumber(g, "auc", r.global().auc());
                putNumber(g, "aiq", r.global().aiq());
                ArrayNode points = g.putArray("points");
                for (Frontier.Point p : r.global().frontier().points()) {
                    points.addArray().add(p.cost()).add(p.accuracy());
                }
            }
            ArrayNode own = o.putArray("own");
            for (ClientEval c : r.own() == null ? List.<ClientEval>of() : r.own()) {
                ObjectNode e = own.addObject();
                e.put("client", c.client());
                putNumber(e, "auc", c.auc());
                putNumber(e, "aiq", c.aiq());
            }
        }

        if (result.extras() != null) {
            for (Map.Entry<String, Object> e : result.extras().entrySet()) {
                if (FIXED.contains(e.getKey())) {
                    throw new IllegalArgumentException("extra key '" + e.getKey() + "' collides with a fixed field " + FIXED);
                }
                root.set(e.getKey(), MAPPER.valueToTree(e.getValue()));
            }
        }
        return root;
    }

    /** Reads a {@code results.json} file. */
    public static ExperimentResult read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    /** Parses {@code results.json} text; top-level keys other than the fixed four become extras. */
    public static ExperimentResult parse(String json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        Map<String, Object> config = MAPPER.convertValue(required(root, "config"), new TypeReference<LinkedHashMap<String, Object>>() { });

        JsonNode d = required(root, "dataset");
        DatasetInfo dataset = new DatasetInfo(text(d, "name"), d.path("queries").asInt(), d.path("models").asInt(),
                d.path("tasks").asInt(), text(d, "sha256"), strings(d.path("model_names")), strings(d.path("task_names")));

        JsonNode e = required(root, "embedder");
        EmbedderInfo embedder = new EmbedderInfo(text(e, "id"), e.path("dim").asInt());

        List<RouterResult> routers = new ArrayList<>();
        for (JsonNode r : required(root, "routers")) {
            JsonNode g = r.path("global");
            Evaluation global = null;
            if (g.isObject()) {
                List<Frontier.Point> points = new ArrayList<>();
                for (JsonNode p : g.path("points")) {
                    points.add(new Frontier.Point(p.get(0).asDouble(), p.get(1).asDouble()));
                }
                global = new Evaluation(number(g, "auc"), number(g, "aiq"), new Frontier(points));
            }
            List<ClientEval> own = new ArrayList<>();
            for (JsonNode c : r.path("own")) {
                own.add(new ClientEval(c.path("client").asInt(), number(c, "auc"), number(c, "aiq")));
            }
            JsonNode client = r.path("client");
            routers.add(new RouterResult(text(r, "family"), text(r, "scheme"),
                    client.isIntegralNumber() ? Integer.valueOf(client.asInt()) : null, text(r, "model"),
                    number(r, "train_seconds"), global, own));
        }

        Map<String, Object> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> f : root.properties()) {
            if (!FIXED.contains(f.getKey())) {
                extras.put(f.getKey(), MAPPER.convertValue(f.getValue(), Object.class));
            }
        }
        return new ExperimentResult(config, dataset, embedder, routers, extras);
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }

    private static JsonNode required(JsonNode node, String key) throws IOException {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) {
            throw new IOException("results.json has no '" + key + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static double number(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || !v.isNumber() ? Double.NaN : v.asDouble();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
