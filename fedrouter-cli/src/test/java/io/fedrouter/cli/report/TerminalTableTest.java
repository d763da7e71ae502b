package io.fedrouter.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TerminalTableTest {

    @Test
    void tinyResultByHand() {
        // locals AUC 0.6, 0.7: mean 0.65, sample std sqrt(2·0.05²) = 0.0707; AIQ 0.65, 0.75; train mean 2.0.
        // own tests: client 0 federated 0.70 > local 0.65, client 1 federated 0.60 < local 0.62 → 1 of 2.
        String expected = ""
                + "router                 AUC                          AIQ                          train s\n"
                + "-".repeat(21 + 27 + 27 + 7 + 3 * 2) + "\n"
                + "mlp federated          0.750                        0.800                        12.3\n"
                + "mlp local (2 clients)  0.650 ± 0.071 (0.600–0.700)  0.700 ± 0.071 (0.650–0.750)  2.0\n"
                + "oracle                 0.950                        0.950\n"
                + "\n"
                + "mlp: federated beats local on 1 of 2 clients (own test sets)\n";
        assertEquals(expected, TerminalTable.render(SampleResults.tiny()));
    }
}
