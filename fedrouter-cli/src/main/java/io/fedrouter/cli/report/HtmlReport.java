package io.fedrouter.cli.report;

import io.fedrouter.experiment.DatasetInfo;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * One self-contained HTML report (inline CSS, the frontier plot embedded as a base64 PNG data URI, no external
 * requests): the federated-vs-local verdict, the plot, the global results table, the per-client own-test comparison,
 * then the dataset, embedder and configuration the run used, so the page alone says how it was made.
 */
public final class HtmlReport {

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;max-width:1100px;\
            color:#222;padding:0 1em}
            h1{font-size:1.6em}h2{font-size:1.2em;margin-top:1.8em;border-bottom:1px solid #ddd;padding-bottom:.2em}
            table{border-collapse:collapse;margin:.5em 0}th,td{padding:.25em .7em;border-bottom:1px solid #eee;text-align:left}
            th{background:#f5f5f5}td.num{text-align:right;font-variant-numeric:tabular-nums}
            td.federated{color:#1a7f37;font-weight:600}td.local{color:#b35900}
            .verdict{font-size:1.1em;font-weight:600}img{max-width:100%;height:auto}code{font-size:.9em}
            """;

    private HtmlReport() {
    }

    /** Renders the report with the global frontier plot and writes it to {@code file}. */
    public static void write(ExperimentResult result, Path file) throws IOException {
        byte[] png = FrontierPlot.png(FrontierPlot.chart(result, "Accuracy-cost frontier, global test set", r -> true));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, render(result, png));
    }

    /** The report's HTML with {@code png} as the embedded plot (none when {@code null}). */
    public static String render(ExperimentResult result, byte[] png) {
        DatasetInfo d = result.dataset();
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>fedrouter report: ")
                .append(esc(d.name())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>fedrouter study: ").append(esc(d.name())).append("</h1>\n");

        List<String> families = FederatedVsLocal.learnedFamilies(result);
        for (String family : families) {
            List<FederatedVsLocal.ClientRow> rows = FederatedVsLocal.rows(result, family);
            if (FederatedVsLocal.find(result, family, "federated").isPresent() && !rows.isEmpty()) {
                h.append("<p class=\"verdict\">").append(esc(FederatedVsLocal.summary(family, rows))).append("</p>\n");
            }
        }

        if (png != null) {
            h.append("<h2>Accuracy-cost frontier</h2>\n<img alt=\"accuracy-cost frontier\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(png)).append("\">\n");
        }

        h.append("<h2>Results on the global test set</h2>\n<table>\n<tr><th>family</th><th>scheme</th><th>client</th>"
                + "<th>model</th><th>AUC</th><th>AIQ</th><th>train s</th></tr>\n");
        for (RouterResult r : result.routers()) {
            h.append("<tr><td>").append(esc(r.family())).append("</td><td>").append(esc(r.scheme())).append("</td><td>")
                    .append(r.client() == null ? "" : r.client()).append("</td><td>").append(esc(r.model()))
                    .append("</td>").append(num(r.global() == null ? Double.NaN : r.global().auc()))
                    .append(num(r.global() == null ? Double.NaN : r.global().aiq()))
                    .append("<td class=\"num\">").append(String.format(Locale.ROOT, "%.1f", r.trainSeconds()))
                    .append("</td></tr>\n");
        }
        h.append("</table>\n");

        clientTable(h, result, families);

        h.append("<h2>Dataset</h2>\n");
        Map<String, Object> dataset = new LinkedHashMap<>();
        dataset.put("name", d.name());
        dataset.put("queries", d.queries());
        dataset.put("models", d.models());
        dataset.put("tasks", d.tasks());
        dataset.put("sha256", d.sha256());
        dataset.put("model names", d.modelNames() == null ? "" : String.join(", ", d.modelNames()));
        dataset.put("task names", d.taskNames() == null ? "" : String.join(", ", d.taskNames()));
        keyValues(h, dataset);
        h.append("<h2>Embedder</h2>\n");
        keyValues(h, Map.of("id", result.embedder().id(), "dimension", result.embedder().dim()));
        h.append("<h2>Configuration</h2>\n");
        keyValues(h, result.config() == null ? Map.of() : result.config());
        if (result.extras() != null && !result.extras().isEmpty()) {
            h.append("<h2>Other</h2>\n");
            keyValues(h, result.extras());
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void clientTable(StringBuilder h, ExperimentResult result, List<String> families) {
        Map<String, Map<Integer, FederatedVsLocal.ClientRow>> byFamily = new LinkedHashMap<>();
        TreeSet<Integer> clients = new TreeSet<>();
        for (String family : families) {
            Map<Integer, FederatedVsLocal.ClientRow> rows = new LinkedHashMap<>();
            for (FederatedVsLocal.ClientRow row : FederatedVsLocal.rows(result, family)) {
                rows.put(row.client(), row);
                clients.add(row.client());
            }
            if (!rows.isEmpty()) {
                byFamily.put(family, rows);
            }
        }
        if (clients.isEmpty()) {
            return;
        }
        h.append("<h2>Own test sets: federated vs local (AUC)</h2>\n<table>\n<tr><th>client</th>");
        for (String family : byFamily.keySet()) {
            h.append("<th>").append(esc(family)).append(" local</th><th>").append(esc(family))
                    .append(" federated</th><th>").append(esc(family)).append(" winner</th>");
        }
        h.append("</tr>\n");
        for (int c : clients) {
            h.append("<tr><td>").append(c).append("</td>");
            for (Map<Integer, FederatedVsLocal.ClientRow> rows : byFamily.values()) {
                FederatedVsLocal.ClientRow row = rows.get(c);
                if (row == null) {
                    h.append("<td></td><td></td><td></td>");
                } else {
                    h.append(num(row.localAuc())).append(num(row.federatedAuc())).append("<td class=\"")
                            .append(row.winner().replace('/', '-')).append("\">").append(row.winner()).append("</td>");
                }
            }
            h.append("</tr>\n");
        }
        h.append("<tr><th>federated wins</th>");
        for (Map<Integer, FederatedVsLocal.ClientRow> rows : byFamily.values()) {
            List<FederatedVsLocal.ClientRow> list = List.copyOf(rows.values());
            h.append("<th colspan=\"3\">").append(FederatedVsLocal.wins(list)).append(" of ")
                    .append(FederatedVsLocal.compared(list)).append("</th>");
        }
        h.append("</tr>\n</table>\n");
    }

    private static void keyValues(StringBuilder h, Map<String, ?> values) {
        h.append("<table>\n");
        for (Map.Entry<String, ?> e : values.entrySet()) {
            h.append("<tr><th>").append(esc(e.getKey())).append("</th><td><code>").append(esc(String.valueOf(e.getValue())))
                    .append("</code></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static String num(double v) {
        return "<td class=\"num\">" + (Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : "-") + "</td>";
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
