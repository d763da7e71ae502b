package io.fedrouter.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ResultsCsvTest {

    @Test
    void oneRowPerRouterWithOwnMeanAuc() {
        String[] lines = ResultsCsv.toCsv(SampleResults.tiny()).split("\n");
        assertEquals("family,scheme,client,model,auc,aiq,train_seconds,own_mean_auc", lines[0]);
        assertEquals(5, lines.length);
        // federated own mean: (0.7 + 0.6) / 2
        assertEquals("mlp,federated,,,0.75,0.8,12.34," + (0.7 + 0.6) / 2, lines[1]);
        assertEquals("mlp,local,1,,0.7,0.75,3.0,0.62", lines[3]);
        assertEquals("oracle,baseline,,,0.95,0.95,0.0,", lines[4]);
    }
}
