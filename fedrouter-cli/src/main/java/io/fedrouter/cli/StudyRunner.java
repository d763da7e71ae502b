package io.fedrouter.cli;

import io.fedrouter.cli.report.ReportWriter;
import io.fedrouter.cli.report.TerminalTable;
import io.fedrouter.data.Dataset;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Experiment;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.federation.ServerLoop;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs one study on an embedded dataset, shows progress and the table, and writes the report files. */
final class StudyRunner {

    private final PrintWriter out;

    StudyRunner(PrintWriter out) {
        this.out = out;
    }

    ExperimentResult run(Dataset data, EmbedderInfo embedder, Experiment.Config config, Path outDir,
                         Map<String, Object> extraConfig) throws IOException {
        long start = System.nanoTime();
        ExperimentResult result = Experiment.run(data, embedder, config, new Experiment.Listener() {
            @Override
            public void stage(String what) {
                out.printf("  [%5.1fs] %s%n", (System.nanoTime() - start) / 1e9, what);
                out.flush();
            }

            @Override
            public void round(ServerLoop.RoundSummary s) {
                if (s.failed() > 0) {
                    out.printf("           round %d: %d of %d clients failed: %s%n", s.round(), s.failed(), s.sent(), s.errors());
                    out.flush();
                }
            }
        });
        if (!extraConfig.isEmpty()) {
            Map<String, Object> cfg = new java.util.LinkedHashMap<>(result.config());
            cfg.putAll(extraConfig);
            result = new ExperimentResult(cfg, result.dataset(), result.embedder(), result.routers(), result.extras());
        }
        List<Path> files = ReportWriter.writeAll(result, outDir);
        out.println();
        out.print(TerminalTable.render(result));
        out.printf("%nwrote %s (%d files) in %.1f s%n", outDir, files.size(), (System.nanoTime() - start) / 1e9);
        for (Path f : files) {
            out.println("  " + f);
        }
        out.flush();
        return result;
    }
}
