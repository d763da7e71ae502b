package io.fedrouter.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the wide (RouterBench) CSV layout of SPEC §3.1: one row per query with columns {@code prompt}
 * (a Python-list literal of turns, or plain text), {@code eval_name} (task, optional), {@code sample_id}
 * (optional; else the row index), a score column {@code X} in [0,1] for every model {@code X} that has a
 * {@code X|total_cost} column (USD), and optionally one embedding column ({@code embedding} or
 * {@code *_embedding}, a bracketed list of numbers). Other columns — the unnamed index,
 * {@code X|model_response}, {@code oracle_model_to_route_to} — are ignored.
 *
 * <p>An empty score or cost cell means the model was not evaluated on that query (a {@code NaN} cell). A row
 * with no evaluated model, a bad number, a ragged row or a bad embedding is a bad row. A {@code sample_id}
 * seen before with the same prompt is a bad row (a duplicated row); with a different prompt it is a different
 * query that shares its id — RouterBench has such rows — so it is kept under the id {@code id#2} (then
 * {@code #3}...) and reported as a warning.
 */
public final class WideCsvReader {

    static final String COST_SUFFIX = "|total_cost";

    private WideCsvReader() {
    }

    /** Reads one wide CSV file. */
    public static ReadResult read(Path file, BadRowPolicy policy) throws IOException {
        ReadSession session = new ReadSession(policy);
        Accumulator acc = new Accumulator();
        readInto(file, session, acc, false);
        Dataset d = new Dataset(file.getFileName().toString(), acc.models, acc.queries, session.sha256());
        return new ReadResult(d, session.report(d), Map.of());
    }

    /** Queries gathered over the files of one read; the model columns of every file must match the first. */
    static final class Accumulator {
        List<String> models;
        String modelsFile;
        final List<Query> queries = new ArrayList<>();
        final Map<String, Seen> ids = new HashMap<>();
    }

    private record Seen(String prompt, String where) {
    }

    /** Whether a header names a wide-format embedding column. */
    static boolean isEmbeddingColumn(String name) {
        return name.equals("embedding") || name.endsWith("_embedding");
    }

    /**
     * Reads {@code file} into {@code acc}. With {@code prefixRowIds} a query without {@code sample_id} is named
     * {@code <file>#<row index>}, so row indices of several files do not collide.
     */
    static void readInto(Path file, ReadSession session, Accumulator acc, boolean prefixRowIds) throws IOException {
        try (CsvFile csv = CsvFile.open(file, session.digest)) {
            String name = csv.name;
            session.startFile(name);
            List<String> header = csv.header();
            Map<String, Integer> col = new HashMap<>();
            for (int c = 0; c < header.size(); c++) {
                String h = header.get(c);
                if (!h.isEmpty() && col.put(h, c) != null) {
                    throw fileError(name, "column '" + h + "' appears twice");
                }
            }
            Integer promptCol = col.get("prompt");
            if (promptCol == null) {
                throw fileError(name, "missing required column 'prompt' (columns: " + Cells.quote(String.join(", ", header)) + ")");
            }
            Integer idCol = col.get("sample_id");
            Integer taskCol = col.get("eval_name");
            List<String> fileModels = new ArrayList<>();
            List<String> embeddingCols = new ArrayList<>();
            for (String h : header) {
                if (h.endsWith(COST_SUFFIX)) {
                    String model = h.substring(0, h.length() - COST_SUFFIX.length());
                    if (!col.containsKey(model)) {
                        throw fileError(name, "column '" + h + "' has no score column '" + model + "'");
                    }
                } else if (!h.isEmpty() && col.containsKey(h + COST_SUFFIX)) {
                    fileModels.add(h);
                } else if (isEmbeddingColumn(h)) {
                    embeddingCols.add(h);
                }
            }
            if (fileModels.isEmpty()) {
                throw fileError(name, "no model columns: expected a score column X with a cost column X" + COST_SUFFIX);
            }
            if (embeddingCols.size() > 1) {
                throw fileError(name, "several embedding columns " + embeddingCols + ", expected at most one");
            }
            Integer embCol = embeddingCols.isEmpty() ? null : col.get(embeddingCols.get(0));
            if (acc.models == null) {
                acc.models = List.copyOf(fileModels);
                acc.modelsFile = name;
            } else if (!new LinkedHashSet<>(fileModels).equals(new LinkedHashSet<>(acc.models))) {
                Set<String> missing = new LinkedHashSet<>(acc.models);
                missing.removeAll(fileModels);
                Set<String> extra = new LinkedHashSet<>(fileModels);
                extra.removeAll(acc.models);
                throw fileError(name, "model columns differ from " + acc.modelsFile + ": missing " + missing + ", extra " + extra);
            }
            int nModels = acc.models.size();
            int[] scoreCol = new int[nModels];
            int[] costCol = new int[nModels];
            for (int m = 0; m < nModels; m++) {
                scoreCol[m] = col.get(acc.models.get(m));
                costCol[m] = col.get(acc.models.get(m) + COST_SUFFIX);
            }

            long index = 0;
            for (CsvFile.Row row = csv.next(); row != null; row = csv.next(), index++) {
                session.rowRead();
                CSVRecord r = row.record();
                try {
                    if (r.size() != header.size()) {
                        throw new BadRow("row has " + r.size() + " fields, header has " + header.size());
                    }
                    String id = idCol == null ? (prefixRowIds ? name + "#" + index : Long.toString(index)) : r.get(idCol).strip();
                    if (id.isEmpty()) {
                        throw new BadRow("sample_id is empty");
                    }
                    String prompt = PythonPrompt.toText(r.get(promptCol));
                    String task = taskCol == null ? "" : r.get(taskCol).strip();
                    double[] scores = new double[nModels];
                    double[] costs = new double[nModels];
                    int observed = 0;
                    for (int m = 0; m < nModels; m++) {
                        String model = acc.models.get(m);
                        String s = r.get(scoreCol[m]);
                        String c = r.get(costCol[m]);
                        // both are checked even when the other is empty, so garbage never hides behind a gap
                        double score = s.isBlank() ? Double.NaN : Cells.score(s, model);
                        double cost = c.isBlank() ? Double.NaN : Cells.cost(c, model);
                        if (Double.isNaN(score) || Double.isNaN(cost)) {
                            scores[m] = Double.NaN;
                            costs[m] = Double.NaN;
                        } else {
                            scores[m] = score;
                            costs[m] = cost;
                            observed++;
                        }
                    }
                    if (observed == 0) {
                        throw new BadRow("no model has both a score and a cost");
                    }
                    float[] embedding = null;
                    if (embCol != null && !r.get(embCol).isBlank()) {
                        embedding = Cells.embedding(r.get(embCol));
                        session.checkDim(embedding);
                    }
                    if (prompt.isBlank() && embedding == null) {
                        throw new BadRow("prompt is empty and there is no embedding");
                    }
                    String where = name + ":" + row.line();
                    Seen first = acc.ids.get(id);
                    String queryId = id;
                    if (first != null) {
                        if (first.prompt.equals(prompt)) {
                            throw new BadRow("duplicate query id '" + id + "' (first at " + first.where + ")");
                        }
                        int k = 2;
                        while (acc.ids.containsKey(id + "#" + k)) {
                            k++;
                        }
                        queryId = id + "#" + k;
                        session.warn(name, row.line(), "query id '" + id + "' was used at " + first.where
                                + " for a different prompt; kept as '" + queryId + "'");
                    }
                    acc.ids.put(queryId, new Seen(prompt, where));
                    session.acceptDim(embedding, name, row.line());
                    acc.queries.add(new Query(queryId, prompt, task, scores, costs, embedding));
                } catch (BadRow e) {
                    session.badRow(name, row.line(), e.getMessage());
                }
            }
            csv.drain();
        }
    }

    static DataFormatException fileError(String file, String message) {
        return new DataFormatException(new RowProblem(file, 1, message));
    }
}
