package io.fedrouter.cli.report;

import io.fedrouter.eval.Frontier;
import io.fedrouter.eval.LambdaSweep;
import io.fedrouter.eval.Metrics;
import io.fedrouter.experiment.ClientEval;
import io.fedrouter.experiment.DatasetInfo;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Evaluation;
import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test fixtures: a realistic-looking study result and a tiny hand-checkable one. */
final class SampleResults {

    static final int CLIENTS = 4;

    private SampleResults() {
    }

    /** Smooth concave frontier from (cLo, aLo) to (cHi, aHi), 20 points in falling-λ order reversed to λ order. */
    static Frontier curve(double cLo, double cHi, double aLo, double aHi) {
        double[] c = LambdaSweep.logSpaced(cLo, cHi, 20);
        double[] cost = new double[20];
        double[] acc = new double[20];
        for (int k = 0; k < 20; k++) {
            // λ order: small λ first → most expensive point first
            cost[k] = c[19 - k];
            double t = (19 - k) / 19.0;
            acc[k] = aLo + (aHi - aLo) * Math.sqrt(t);
        }
        return Frontier.of(cost, acc);
    }

    /** Largest cost over every frontier of {@link #study()}: the shared AIQ axis. */
    static final double MAX_COST = 6e-3;

    static Evaluation eval(Frontier f) {
        return new Evaluation(Metrics.normalizedAuc(f), Metrics.aiq(f, MAX_COST), f);
    }

    /** Two families, federated/centralized/local routers and baselines over 5 models. */
    static ExperimentResult study() {
        List<RouterResult> routers = new ArrayList<>();
        String[] families = {"mlp", "kmeans"};
        for (int fi = 0; fi < families.length; fi++) {
            String family = families[fi];
            double shift = fi * 0.02;
            List<ClientEval> fedOwn = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                fedOwn.add(new ClientEval(c, 0.74 - shift + 0.01 * c, 0.77 - shift + 0.01 * c));
            }
            routers.add(new RouterResult(family, "federated", null, null, 20.5 + fi,
                    eval(curve(1.2e-4, 4e-3, 0.52, 0.78 - shift)), fedOwn));
            routers.add(new RouterResult(family, "centralized", null, null, 8.25 + fi,
                    eval(curve(1.1e-4, 4.2e-3, 0.53, 0.79 - shift)), fedOwn.stream()
                    .map(e -> new ClientEval(e.client(), e.auc() + 0.005, e.aiq() + 0.005)).toList()));
            for (int c = 0; c < CLIENTS; c++) {
                double top = 0.62 + 0.03 * c - shift;
                // client 3's local router beats the federated one on its own test set
                double ownAuc = c == 3 ? 0.80 : 0.60 + 0.02 * c;
                routers.add(new RouterResult(family, "local", c, null, 1.5 + c,
                        eval(curve(1.5e-4 * (1 + c), 3e-3, 0.48, top)), List.of(new ClientEval(c, ownAuc, ownAuc + 0.02))));
            }
        }
        String[] models = {"mistral-7b", "llama-70b", "mixtral-8x7b", "gpt-3.5", "gpt-4"};
        double[] cost = {1e-4, 5e-4, 3e-4, 1e-3, 6e-3};
        double[] acc = {0.50, 0.66, 0.62, 0.70, 0.79};
        for (int m = 0; m < models.length; m++) {
            routers.add(new RouterResult("single", "baseline", null, models[m], 0, eval(Frontier.of(cost[m], acc[m])), List.of()));
        }
        routers.add(new RouterResult("best-single", "baseline", null, "gpt-4", 0, eval(Frontier.of(6e-3, 0.79)), List.of()));
        routers.add(new RouterResult("cheapest", "baseline", null, "mistral-7b", 0, eval(Frontier.of(1e-4, 0.50)), List.of()));
        routers.add(new RouterResult("random", "baseline", null, null, 0, eval(Frontier.of(1.58e-3, 0.654)), List.of()));
        routers.add(new RouterResult("oracle", "baseline", null, null, 0, eval(Frontier.of(6.1e-4, 0.93)), List.of()));

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("seed", 42);
        config.put("clients", CLIENTS);
        config.put("alpha", 0.6);
        config.put("strategy", "fedavg");
        config.put("lambdas", List.of(0.01, 1.0e7));
        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("fedrouter_version", "0.1.0-SNAPSHOT");
        extras.put("wall_seconds", 61.5);
        return new ExperimentResult(config,
                new DatasetInfo("routerbench-0shot-subset", 3178, 5, 3, "ab12cd", List.of(models),
                        List.of("arc-challenge", "mbpp", "winogrande")),
                new EmbedderInfo("all-minilm-l6-v2", 384), routers, extras);
    }

    /** One family, two local routers and an oracle, with round numbers for hand checks. */
    static ExperimentResult tiny() {
        Frontier dummy = Frontier.of(new double[] {0.001, 0.002}, new double[] {0.5, 0.7});
        List<RouterResult> routers = List.of(
                new RouterResult("mlp", "federated", null, null, 12.34, new Evaluation(0.75, 0.8, dummy),
                        List.of(new ClientEval(0, 0.7, 0.72), new ClientEval(1, 0.6, 0.61))),
                new RouterResult("mlp", "local", 0, null, 1.0, new Evaluation(0.6, 0.65, dummy), List.of(new ClientEval(0, 0.65, 0.66))),
                new RouterResult("mlp", "local", 1, null, 3.0, new Evaluation(0.7, 0.75, dummy), List.of(new ClientEval(1, 0.62, 0.63))),
                new RouterResult("oracle", "baseline", null, null, 0, new Evaluation(0.95, 0.95, Frontier.of(0.0015, 0.95)), List.of()));
        return new ExperimentResult(Map.of("seed", 7), new DatasetInfo("tiny", 8, 2, 1, "00", List.of("a", "b"), List.of("t")),
                new EmbedderInfo("precomputed", 3), routers, Map.of());
    }
}
