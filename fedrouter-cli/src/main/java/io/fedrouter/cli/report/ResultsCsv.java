package io.fedrouter.cli.report;

import io.fedrouter.experiment.ClientEval;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One CSV row per router: {@code family,scheme,client,model,auc,aiq,train_seconds,own_mean_auc}. Absent values
 * ({@code client}, {@code model}, a mean over no own test sets) are empty cells.
 */
public final class ResultsCsv {

    /** The header, in column order. */
    public static final String[] HEADER = {"family", "scheme", "client", "model", "auc", "aiq", "train_seconds", "own_mean_auc"};

    private ResultsCsv() {
    }

    public static void write(ExperimentResult result, Path file) throws IOException {
        Files.writeString(file, toCsv(result));
    }

    public static String toCsv(ExperimentResult result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).setRecordSeparator('\n').get())) {
            for (RouterResult r : result.routers()) {
                csv.printRecord(r.family(), r.scheme(), r.client() == null ? "" : r.client(), r.model() == null ? "" : r.model(),
                        cell(r.global() == null ? Double.NaN : r.global().auc()),
                        cell(r.global() == null ? Double.NaN : r.global().aiq()),
                        cell(r.trainSeconds()), cell(ownMeanAuc(r)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Mean AUC over the router's own-test entries, NaN when it has none. */
    static double ownMeanAuc(RouterResult r) {
        if (r.own() == null || r.own().isEmpty()) {
            return Double.NaN;
        }
        return r.own().stream().mapToDouble(ClientEval::auc).average().orElse(Double.NaN);
    }

    private static String cell(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
