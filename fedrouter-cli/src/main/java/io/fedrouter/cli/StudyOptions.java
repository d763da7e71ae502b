package io.fedrouter.cli;

import io.fedrouter.router.RouterRegistry;
import io.fedrouter.sim.ClientPartitioner;
import picocli.CommandLine.Option;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Options every study shares (demo and experiment): client simulation and router families. */
final class StudyOptions {

    @Option(names = "--clients", defaultValue = "10", description = "Simulated clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--alpha", defaultValue = "0.6",
            description = "Task-split concentration α; 0.03 is extreme heterogeneity (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--model-alpha", defaultValue = "0.45",
            description = "Model-preference concentration β (default: ${DEFAULT-VALUE}).")
    double modelAlpha;

    @Option(names = "--routers", split = ",", defaultValue = "mlp,kmeans",
            description = "Router families, from: mlp, kmeans (default: ${DEFAULT-VALUE}).")
    List<String> routers;

    @Option(names = {"-O", "--router-option"}, paramLabel = "FAMILY.KEY=VALUE",
            description = "A router family option, e.g. -O mlp.rounds=10 -O kmeans.prior=0 (repeatable).")
    Map<String, String> routerOptions = new LinkedHashMap<>();

    ClientPartitioner.Config partition(double trainFraction) {
        return new ClientPartitioner.Config(clients, alpha, modelAlpha, trainFraction);
    }

    /**
     * Router options grouped by family; every family is built once so that a bad option fails before the slow
     * part of a run (reading, embedding).
     */
    Map<String, Map<String, String>> familyOptions() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        routerOptions.forEach((k, v) -> {
            int dot = k.indexOf('.');
            if (dot <= 0 || dot == k.length() - 1) {
                throw new IllegalArgumentException("router option '" + k + "=" + v + "' must look like FAMILY.KEY=VALUE, e.g. mlp.rounds=10");
            }
            String family = k.substring(0, dot);
            if (!RouterRegistry.names().contains(family)) {
                throw new IllegalArgumentException("router option '" + k + "': unknown family '" + family + "'; known: " + RouterRegistry.names());
            }
            out.computeIfAbsent(family, f -> new LinkedHashMap<>()).put(k.substring(dot + 1), v);
        });
        for (String r : routers) {
            RouterRegistry.create(r, out.getOrDefault(r, Map.of()));
        }
        return out;
    }
}
