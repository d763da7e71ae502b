package io.fedrouter.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fedrouter.data.BadRowPolicy;
import io.fedrouter.data.Dataset;
import io.fedrouter.data.DatasetReader;
import io.fedrouter.data.ReadResult;
import io.fedrouter.data.RowProblem;
import io.fedrouter.eval.LambdaSweep;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Experiment;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** The federated routing study on real data: read, embed, simulate clients, train, evaluate, report. */
@Command(name = "experiment", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Run the federated routing study on an evaluation dataset (wide RouterBench CSV or long log).")
final class ExperimentCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "A data file, or a folder of files of one format.")
    Path data;

    @Option(names = "--format", defaultValue = "auto", description = "wide, long or auto (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", required = true, description = "Report folder (results.json, results.csv, plots, report.html).")
    Path out;

    @picocli.CommandLine.Mixin
    StudyOptions study = new StudyOptions();

    @Option(names = "--seed", split = ",", defaultValue = "100",
            description = "Seed, or several separated by commas: one study each, then their mean (default: ${DEFAULT-VALUE}).")
    List<Long> seeds;

    @Option(names = "--train-fraction", defaultValue = "0.75", description = "Share of each client's queries for training (default: ${DEFAULT-VALUE}).")
    double trainFraction;

    @Option(names = "--lambdas", defaultValue = "100", description = "Number of λ values, log-spaced 1e-2..1e7 (default: ${DEFAULT-VALUE}).")
    int lambdas;

    @Option(names = "--on-bad-row", defaultValue = "fail", description = "fail or skip (default: ${DEFAULT-VALUE}).")
    String onBadRow;

    @Option(names = "--threads", description = "Worker threads (default: the number of cores).")
    Integer threads;

    @picocli.CommandLine.Mixin
    EmbeddingOptions embedding = new EmbeddingOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = new PrintWriter(System.out, true);
        BadRowPolicy policy = switch (onBadRow.toLowerCase(Locale.ROOT)) {
            case "fail" -> BadRowPolicy.FAIL;
            case "skip" -> BadRowPolicy.SKIP;
            default -> throw new IllegalArgumentException("--on-bad-row must be fail or skip: " + onBadRow);
        };
        DatasetReader.Format fmt = switch (format.toLowerCase(Locale.ROOT)) {
            case "wide" -> DatasetReader.Format.WIDE;
            case "long" -> DatasetReader.Format.LONG;
            case "auto" -> DatasetReader.Format.AUTO;
            default -> throw new IllegalArgumentException("--format must be wide, long or auto: " + format);
        };
        if (!Files.exists(data)) {
            throw new IllegalArgumentException("--data " + data + " does not exist");
        }
        Map<String, Map<String, String>> options = study.familyOptions();
        int parallelism = threads == null ? Runtime.getRuntime().availableProcessors() : threads;

        ReadResult read = DatasetReader.read(data, fmt, policy);
        o.println("read " + read.report().summary());
        for (RowProblem p : read.report().problems()) {
            o.println("  skipped " + p);
        }
        Dataset ds = read.dataset();
        if (read.hasClients()) {
            o.println("note: the data names the client of each record; this study simulates " + study.clients
                    + " clients by a Dirichlet split (SPEC §4) and does not use those labels");
        }
        EmbeddingOptions.Embedded embedded = embedding.embed(ds, parallelism, o);

        List<ExperimentResult> results = new ArrayList<>();
        for (long seed : seeds) {
            Experiment.Config config = new Experiment.Config(
                    study.partition(trainFraction), seed, study.routers, options,
                    LambdaSweep.logSpaced(LambdaSweep.DEFAULT_MIN_LAMBDA, LambdaSweep.DEFAULT_MAX_LAMBDA, lambdas), parallelism);
            Path dir = seeds.size() == 1 ? out : out.resolve("seed-" + seed);
            o.printf("%nstudy: %s, %d clients (alpha %s, model-alpha %s), seed %d%n", ds.name(), study.clients, study.alpha,
                    study.modelAlpha, seed);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("data", data.toString());
            extra.put("format", format);
            extra.put("embedding", embedded.details());
            extra.put("read", Map.of("rows_read", read.report().rowsRead(), "rows_skipped", read.report().rowsSkipped(),
                    "missing_cells", read.report().missingCellsTotal()));
            results.add(new StudyRunner(o).run(embedded.dataset(), embedded.info(), config, dir, extra));
        }
        if (seeds.size() > 1) {
            writeSummary(results, o);
        }
        return 0;
    }

    /** Mean AUC/AIQ per (family, scheme) over the seeds; local routers are averaged over clients first. */
    private void writeSummary(List<ExperimentResult> results, PrintWriter o) throws java.io.IOException {
        Map<String, double[]> sums = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            Map<String, double[]> perRun = new LinkedHashMap<>();
            for (RouterResult rr : r.routers()) {
                String key = rr.family() + "/" + rr.scheme() + (rr.model() != null && rr.family().equals("single") ? "/" + rr.model() : "");
                double[] a = perRun.computeIfAbsent(key, k -> new double[3]);
                a[0] += rr.global().auc();
                a[1] += rr.global().aiq();
                a[2]++;
            }
            perRun.forEach((k, a) -> {
                double[] s = sums.computeIfAbsent(k, x -> new double[2]);
                s[0] += a[0] / a[2] / results.size();
                s[1] += a[1] / a[2] / results.size();
            });
        }
        Map<String, Object> wins = new LinkedHashMap<>();
        for (ExperimentResult r : results) {
            wins.put("seed-" + r.config().get("seed"), r.extras().get("federated_beats_local"));
        }
        o.printf("%nmean over seeds %s%n", seeds);
        o.printf("  %-40s %8s %8s%n", "router", "auc", "aiq");
        Map<String, Object> summary = new LinkedHashMap<>();
        Map<String, Object> rows = new LinkedHashMap<>();
        sums.forEach((k, s) -> {
            o.printf("  %-40s %8.4f %8.4f%n", k, s[0], s[1]);
            rows.put(k, Map.of("auc", s[0], "aiq", s[1]));
        });
        summary.put("seeds", seeds);
        summary.put("mean", rows);
        summary.put("federated_beats_local", wins);
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.resolve("summary.json").toFile(), summary);
        o.println("wrote " + out.resolve("summary.json"));
    }
}
