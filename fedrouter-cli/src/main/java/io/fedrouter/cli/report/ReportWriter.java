package io.fedrouter.cli.report;

import io.fedrouter.experiment.ExperimentResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes every report file of a study into one folder: {@code results.json}, {@code results.csv}, the frontier plots
 * ({@code frontier*.png}, {@code frontier*.svg}) and {@code report.html}.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the files written */
    public static List<Path> writeAll(ExperimentResult result, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        Path json = dir.resolve("results.json");
        ResultsJson.write(result, json);
        out.add(json);
        Path csv = dir.resolve("results.csv");
        ResultsCsv.write(result, csv);
        out.add(csv);
        out.addAll(FrontierPlot.write(result, dir));
        Path html = dir.resolve("report.html");
        HtmlReport.write(result, html);
        out.add(html);
        return out;
    }
}
