package io.fedrouter.cli.report;

import io.fedrouter.experiment.DatasetInfo;
import io.fedrouter.experiment.ExperimentResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void reportHoldsTablesVerdictAndEmbeddedPlot(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("report.html");
        HtmlReport.write(SampleResults.study(), file);
        String html = Files.readString(file);
        // base64 of the PNG signature starts with iVBORw0KGgo
        assertTrue(html.contains("src=\"data:image/png;base64,iVBORw0KGgo"), "embedded PNG");
        assertTrue(html.contains("<tr><td>mlp</td><td>federated</td><td></td><td></td>"), "federated row");
        assertTrue(html.contains("<tr><td>single</td><td>baseline</td><td></td><td>gpt-4</td>"), "single row");
        // federated own AUCs 0.74, 0.75, 0.76, 0.77 vs local 0.60, 0.62, 0.64, 0.80: wins on 3 of 4
        assertTrue(html.contains("mlp: federated beats local on 3 of 4 clients"), "mlp verdict");
        // kmeans federated: 0.72..0.75 vs the same locals: 3 of 4 again
        assertTrue(html.contains("kmeans: federated beats local on 3 of 4 clients"), "kmeans verdict");
        assertTrue(html.contains("<tr><td>3</td><td class=\"num\">0.8000</td><td class=\"num\">0.7700</td><td class=\"local\">local</td>"),
                "client 3 row");
        assertTrue(html.contains("all-minilm-l6-v2") && html.contains("routerbench-0shot-subset") && html.contains("fedavg"));
        assertFalse(html.contains("http://") || html.contains("https://"), "self-contained: no external references");
    }

    @Test
    void escapesNames() {
        ExperimentResult tiny = SampleResults.tiny();
        ExperimentResult evil = new ExperimentResult(tiny.config(),
                new DatasetInfo("<script>x</script>", 1, 2, 1, "0", List.of("a"), List.of("t")), tiny.embedder(),
                tiny.routers(), tiny.extras());
        String html = HtmlReport.render(evil, null);
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"));
    }
}
