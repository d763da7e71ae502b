package io.fedrouter.cli;

import io.fedrouter.data.Dataset;
import io.fedrouter.eval.LambdaSweep;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Experiment;
import io.fedrouter.sim.ClientPartitioner;
import io.fedrouter.synth.SyntheticBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** The whole study, offline, on the built-in synthetic benchmark: what a newcomer runs first. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the federated routing study end to end on the built-in synthetic benchmark (offline).")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "fedrouter-demo", description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--queries", defaultValue = "6000", description = "Synthetic queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--clients", defaultValue = "10", description = "Simulated clients (default: ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--alpha", defaultValue = "0.6", description = "Task-split concentration α (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--model-alpha", defaultValue = "0.45", description = "Model-preference concentration β (default: ${DEFAULT-VALUE}).")
    double modelAlpha;

    @Option(names = "--seed", defaultValue = "100", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--routers", split = ",", defaultValue = "mlp,kmeans", description = "Router families (default: ${DEFAULT-VALUE}).")
    List<String> routers;

    @Option(names = {"-O", "--router-option"}, paramLabel = "FAMILY.KEY=VALUE",
            description = "A router family option, e.g. -O kmeans.prior=0 (repeatable).")
    Map<String, String> routerOptions = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter o = new PrintWriter(System.out, true);
        SyntheticBenchmark world = new SyntheticBenchmark(
                new SyntheticBenchmark.Config(queries, 6, 8, 384, 4), seed);
        o.printf("fedrouter demo: synthetic benchmark, %,d queries, %d tasks, %d models, %d clients (alpha %s, model-alpha %s), seed %d%n",
                queries, world.config().tasks(), world.config().models(), clients, alpha, modelAlpha, seed);
        Dataset data = world.generate();
        Experiment.Config config = new Experiment.Config(
                new ClientPartitioner.Config(clients, alpha, modelAlpha, 0.75), seed, routers,
                ExperimentCommand.parseRouterOptions(routerOptions),
                LambdaSweep.defaultLambdas(), Runtime.getRuntime().availableProcessors());
        new StudyRunner(o).run(data, new EmbedderInfo(world.embedderId(), world.config().dim()), config, out,
                Map.of("source", "demo"));
        return 0;
    }
}
