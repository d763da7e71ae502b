package io.fedrouter.experiment;

import io.fedrouter.data.Dataset;
import io.fedrouter.eval.LambdaSweep;
import io.fedrouter.sim.ClientPartitioner;
import io.fedrouter.synth.SyntheticBenchmark;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The study as a library call, on a small synthetic world. */
class ExperimentTest {

    private static final SyntheticBenchmark WORLD = new SyntheticBenchmark(new SyntheticBenchmark.Config(1500, 4, 5, 32, 3), 11);
    private static final Dataset DATA = WORLD.generate();
    private static final EmbedderInfo EMBEDDER = new EmbedderInfo(WORLD.embedderId(), 32);

    private static Experiment.Config config(long seed, int threads) {
        return new Experiment.Config(new ClientPartitioner.Config(5, 0.6, 0.45, 0.75), seed, List.of("kmeans", "mlp"),
                Map.of("mlp", Map.of("hidden", "32")), LambdaSweep.logSpaced(1e-2, 1e7, 40), threads);
    }

    @Test
    void everyRouterAndBaselineIsEvaluatedGloballyAndOnEachClient() {
        ExperimentResult r = Experiment.run(DATA, EMBEDDER, config(3, 2), Experiment.Listener.SILENT);

        // per family: centralized + 5 local + federated; baselines: oracle, 5 singles, best-single, cheapest, random
        assertEquals(2 * 7 + 9, r.routers().size());
        for (RouterResult rr : r.routers()) {
            assertEquals(5, rr.own().size(), rr.family() + " " + rr.scheme());
            assertTrue(rr.global().auc() >= 0 && rr.global().auc() <= 1);
            // a learned router gives one point per λ; a baseline is one point
            assertEquals(rr.scheme().equals("baseline") ? 1 : 40, rr.global().frontier().size(), rr.family() + " " + rr.scheme());
        }
        RouterResult oracle = r.routers().stream().filter(x -> x.family().equals("oracle")).findFirst().orElseThrow();
        for (RouterResult rr : r.routers()) {
            assertTrue(rr.global().auc() <= oracle.global().auc() + 1e-12, "nothing beats the oracle: " + rr);
        }
        assertEquals(1500, r.dataset().queries());
        assertEquals("synthetic-32", r.embedder().id());
        assertTrue(((Map<?, ?>) r.extras().get("federated_beats_local")).containsKey("mlp"));
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        ExperimentResult a = Experiment.run(DATA, EMBEDDER, config(8, 1), Experiment.Listener.SILENT);
        ExperimentResult b = Experiment.run(DATA, EMBEDDER, config(8, 2), Experiment.Listener.SILENT);

        assertEquals(a.routers().size(), b.routers().size());
        for (int i = 0; i < a.routers().size(); i++) {
            assertEquals(a.routers().get(i).global().auc(), b.routers().get(i).global().auc(), "router " + i);
            assertEquals(a.routers().get(i).global().frontier(), b.routers().get(i).global().frontier());
            assertEquals(a.routers().get(i).own(), b.routers().get(i).own());
        }
    }

    @Test
    void aTwoModelPoolReportsApgrAndCallShareThresholds() {
        SyntheticBenchmark two = new SyntheticBenchmark(new SyntheticBenchmark.Config(800, 3, 2, 16, 2), 4);
        Experiment.Config cfg = new Experiment.Config(new ClientPartitioner.Config(3, 0.6, 0.45, 0.75), 1, List.of("kmeans"),
                Map.of(), LambdaSweep.logSpaced(1e-2, 1e7, 60), 1);

        ExperimentResult r = Experiment.run(two.generate(), new EmbedderInfo(two.embedderId(), 16), cfg, Experiment.Listener.SILENT);

        Map<?, ?> pool = (Map<?, ?>) r.extras().get("two_model_pool");
        Map<?, ?> fed = (Map<?, ?>) pool.get("kmeans/federated");
        double cpt50 = (Double) fed.get("cpt50");
        double cpt80 = (Double) fed.get("cpt80");
        assertTrue(cpt50 >= 0 && cpt50 <= cpt80 && cpt80 <= 1, "cpt50 " + cpt50 + ", cpt80 " + cpt80);
        assertTrue(Double.isFinite((Double) fed.get("apgr")));
        assertTrue(!pool.containsKey("kmeans/local"));
    }

    @Test
    void refusesDataThatIsNotEmbeddedOrHasAnotherDimension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Experiment.run(DATA, new EmbedderInfo("x", 384), config(1, 1), Experiment.Listener.SILENT));
        assertTrue(e.getMessage().contains("32 != 384"), e.getMessage());
    }
}
