package io.fedrouter.data;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the long (evaluation-log) format of SPEC §3.2, as JSONL ({@code .jsonl}) or CSV (any other name): one
 * record per (query, model) evaluation with fields {@code query_id}, {@code prompt}, {@code task} (optional),
 * {@code model}, {@code score} in [0,1], {@code cost} ≥ 0 (USD), {@code client} (optional, string or integer) and
 * {@code embedding} (optional; a JSON array, in CSV a JSON array string).
 *
 * <p>Records are grouped by {@code query_id} into queries (in first-seen order); the models are the union of the
 * models seen, in first-seen order, and a model without a record for a query is an unobserved ({@code NaN})
 * cell. A second record for the same (query, model) is a bad row rather than "last wins": a log that evaluated
 * a pair twice is ambiguous, and the user should decide. So is a record whose prompt, task, client or embedding
 * contradicts the query's earlier records. JSONL line numbers are physical lines; blank lines are skipped.
 */
public final class LongReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The CSV header names of the long format. */
    static final List<String> REQUIRED = List.of("query_id", "prompt", "model", "score", "cost");

    private LongReader() {
    }

    /** Reads one long-format file: JSONL when its name ends with {@code .jsonl}, else CSV. */
    public static ReadResult read(Path file, BadRowPolicy policy) throws IOException {
        ReadSession session = new ReadSession(policy);
        Accumulator acc = new Accumulator();
        readInto(file, session, acc);
        return acc.result(file.getFileName().toString(), session);
    }

    static boolean isJsonl(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    static void readInto(Path file, ReadSession session, Accumulator acc) throws IOException {
        if (isJsonl(file)) {
            readJsonl(file, session, acc);
        } else {
            readCsv(file, session, acc);
        }
    }

    /** One evaluation record; {@code task}, {@code client} and {@code embedding} may be {@code null}. */
    private record Rec(String queryId, String prompt, String task, String model, double score, double cost,
                       String client, float[] embedding) {
    }

    /** The records of one query. */
    private static final class Group {
        final String id;
        final String prompt;
        final String firstAt;
        String task;
        String client;
        float[] embedding;
        int n;
        int[] models = new int[4];
        double[] scores = new double[4];
        double[] costs = new double[4];
        String[] where = new String[4];

        Group(String id, String prompt, String firstAt) {
            this.id = id;
            this.prompt = prompt;
            this.firstAt = firstAt;
        }

        void add(int model, double score, double cost, String at) {
            if (n == models.length) {
                models = Arrays.copyOf(models, n * 2);
                scores = Arrays.copyOf(scores, n * 2);
                costs = Arrays.copyOf(costs, n * 2);
                where = Arrays.copyOf(where, n * 2);
            }
            models[n] = model;
            scores[n] = score;
            costs[n] = cost;
            where[n] = at;
            n++;
        }
    }

    /** Records grouped over the files of one read. */
    static final class Accumulator {
        private final Map<String, Integer> models = new LinkedHashMap<>();
        private final Map<String, Group> groups = new LinkedHashMap<>();

        /** Checks {@code r} against the query's earlier records, then adds it; nothing changes on a bad row. */
        void add(Rec r, ReadSession session, String file, long line) throws BadRow {
            String at = file + ":" + line;
            Group g = groups.get(r.queryId);
            if (g != null) {
                if (!g.prompt.equals(r.prompt)) {
                    throw new BadRow("query '" + r.queryId + "' has a different prompt than at " + g.firstAt);
                }
                if (r.task != null && g.task != null && !g.task.equals(r.task)) {
                    throw new BadRow("query '" + r.queryId + "' has task '" + r.task + "' but '" + g.task + "' at " + g.firstAt);
                }
                if (r.client != null && g.client != null && !g.client.equals(r.client)) {
                    throw new BadRow("query '" + r.queryId + "' has client '" + r.client + "' but '" + g.client + "' at " + g.firstAt);
                }
                if (r.embedding != null && g.embedding != null && !Arrays.equals(g.embedding, r.embedding)) {
                    throw new BadRow("query '" + r.queryId + "' has a different embedding than at " + g.firstAt);
                }
                Integer m = models.get(r.model);
                for (int k = 0; m != null && k < g.n; k++) {
                    if (g.models[k] == m) {
                        throw new BadRow("second record for query '" + r.queryId + "' and model '" + r.model
                                + "' (first at " + g.where[k] + ")");
                    }
                }
            }
            if (r.embedding != null) {
                session.checkDim(r.embedding);
            }
            if (r.prompt.isBlank() && r.embedding == null && (g == null || g.embedding == null)) {
                throw new BadRow("prompt is empty and there is no embedding");
            }
            // accepted: from here on only state changes
            if (g == null) {
                g = new Group(r.queryId, r.prompt, at);
                groups.put(r.queryId, g);
            }
            if (g.task == null) {
                g.task = r.task;
            }
            if (g.client == null) {
                g.client = r.client;
            }
            if (g.embedding == null) {
                g.embedding = r.embedding;
            }
            session.acceptDim(r.embedding, file, line);
            int m = models.computeIfAbsent(r.model, k -> models.size());
            g.add(m, r.score, r.cost, at);
        }

        ReadResult result(String name, ReadSession session) {
            List<String> modelList = new ArrayList<>(models.keySet());
            int nm = modelList.size();
            List<Query> queries = new ArrayList<>(groups.size());
            Map<String, String> clients = new LinkedHashMap<>();
            for (Group g : groups.values()) {
                double[] s = new double[nm];
                double[] c = new double[nm];
                Arrays.fill(s, Double.NaN);
                Arrays.fill(c, Double.NaN);
                for (int k = 0; k < g.n; k++) {
                    s[g.models[k]] = g.scores[k];
                    c[g.models[k]] = g.costs[k];
                }
                queries.add(new Query(g.id, g.prompt, g.task == null ? "" : g.task, s, c, g.embedding));
                if (g.client != null) {
                    clients.put(g.id, g.client);
                }
            }
            Dataset d = new Dataset(name, modelList, queries, session.sha256());
            return new ReadResult(d, session.report(d), clients);
        }
    }

    private static void readCsv(Path file, ReadSession session, Accumulator acc) throws IOException {
        try (CsvFile csv = CsvFile.open(file, session.digest)) {
            String name = csv.name;
            session.startFile(name);
            List<String> header = csv.header();
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                if (!header.get(c).isEmpty() && col.put(header.get(c), c) != null) {
                    throw WideCsvReader.fileError(name, "column '" + header.get(c) + "' appears twice");
                }
            }
            for (String req : REQUIRED) {
                if (!col.containsKey(req)) {
                    throw WideCsvReader.fileError(name, "missing required column '" + req + "' (columns: "
                            + Cells.quote(String.join(", ", header)) + ")");
                }
            }
            int idC = col.get("query_id");
            int promptC = col.get("prompt");
            int modelC = col.get("model");
            int scoreC = col.get("score");
            int costC = col.get("cost");
            Integer taskC = col.get("task");
            Integer clientC = col.get("client");
            Integer embC = col.get("embedding");
            for (CsvFile.Row row = csv.next(); row != null; row = csv.next()) {
                session.rowRead();
                CSVRecord r = row.record();
                try {
                    if (r.size() != header.size()) {
                        throw new BadRow("row has " + r.size() + " fields, header has " + header.size());
                    }
                    String id = required(r.get(idC).strip(), "query_id");
                    String model = required(r.get(modelC).strip(), "model");
                    double score = Cells.score(r.get(scoreC), model);
                    double cost = Cells.cost(r.get(costC), model);
                    String task = taskC == null ? null : blankToNull(r.get(taskC).strip());
                    String client = clientC == null ? null : blankToNull(r.get(clientC).strip());
                    float[] emb = embC == null || r.get(embC).isBlank() ? null : Cells.embedding(r.get(embC));
                    acc.add(new Rec(id, r.get(promptC), task, model, score, cost, client, emb), session, name, row.line());
                } catch (BadRow e) {
                    session.badRow(name, row.line(), e.getMessage());
                }
            }
            csv.drain();
        }
    }

    private static void readJsonl(Path file, ReadSession session, Accumulator acc) throws IOException {
        String name = file.getFileName().toString();
        session.startFile(name);
        long line = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), session.digest);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                     .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)))) {
            String text;
            while (true) {
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new DataFormatException(new RowProblem(name, line + 1, "file is not valid UTF-8"), e);
                }
                if (text == null) {
                    break;
                }
                line++;
                if (line == 1 && text.startsWith("\uFEFF")) {
                    text = text.substring(1);
                }
                if (text.isBlank()) {
                    continue;
                }
                session.rowRead();
                try {
                    acc.add(parseJson(text), session, name, line);
                } catch (BadRow e) {
                    session.badRow(name, line, e.getMessage());
                }
            }
        }
    }

    private static Rec parseJson(String text) throws BadRow {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new BadRow("not valid JSON: " + e.getOriginalMessage());
        }
        if (o == null || !o.isObject()) {
            throw new BadRow("expected a JSON object, got " + Cells.quote(text.strip()));
        }
        String id = required(label(o, "query_id"), "query_id");
        JsonNode p = o.get("prompt");
        if (p == null || !p.isTextual()) {
            throw new BadRow(p == null || p.isNull() ? "missing field 'prompt'" : "field 'prompt' is not a string");
        }
        String model = required(label(o, "model"), "model");
        double score = number(o, "score", model);
        double cost = number(o, "cost", model);
        score = Cells.score(score, o.get("score").asText(), model);
        cost = Cells.cost(cost, o.get("cost").asText(), model);
        String task = label(o, "task");
        String client = label(o, "client");
        float[] emb = null;
        JsonNode e = o.get("embedding");
        if (e != null && !e.isNull()) {
            if (!e.isArray() || e.isEmpty()) {
                throw new BadRow("embedding is not a non-empty array of numbers");
            }
            emb = new float[e.size()];
            for (int k = 0; k < emb.length; k++) {
                JsonNode v = e.get(k);
                if (!v.isNumber()) {
                    throw new BadRow("embedding element " + k + " '" + Cells.quote(v.toString()) + "' is not a number");
                }
                emb[k] = v.floatValue();
                if (!Float.isFinite(emb[k])) {
                    throw new BadRow("embedding element " + k + " '" + v + "' is not finite");
                }
            }
        }
        return new Rec(id, p.asText(), task, model, score, cost, client, emb);
    }

    /** A number given as a JSON number or as a numeric string. */
    private static double number(JsonNode o, String field, String model) throws BadRow {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            throw new BadRow("missing field '" + field + "'");
        }
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            return field.equals("score") ? Cells.score(v.asText(), model) : Cells.cost(v.asText(), model);
        }
        throw new BadRow(field + " " + Cells.quote(v.toString()) + " for model '" + model + "' is not a number");
    }

    /** A string or integer field as text, {@code null} when absent. */
    private static String label(JsonNode o, String field) throws BadRow {
        JsonNode v = o.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return blankToNull(v.asText().strip());
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        throw new BadRow("field '" + field + "' " + Cells.quote(v.toString()) + " is not a string or an integer");
    }

    private static String required(String v, String field) throws BadRow {
        if (v == null || v.isEmpty()) {
            throw new BadRow("missing field '" + field + "'");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
