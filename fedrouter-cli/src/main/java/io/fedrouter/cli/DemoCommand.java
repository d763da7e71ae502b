package io.fedrouter.cli;

import io.fedrouter.data.Dataset;
import io.fedrouter.eval.LambdaSweep;
import io.fedrouter.experiment.EmbedderInfo;
import io.fedrouter.experiment.Experiment;
import io.fedrouter.synth.SyntheticBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
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

    @picocli.CommandLine.Mixin
    StudyOptions study = new StudyOptions();

    @Option(names = "--seed", defaultValue = "100", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = new PrintWriter(System.out, true);
        SyntheticBenchmark world = new SyntheticBenchmark(
                new SyntheticBenchmark.Config(queries, 6, 8, 384, 4), seed);
        o.printf("fedrouter demo: synthetic benchmark, %,d queries, %d tasks, %d models, %d clients (alpha %s, model-alpha %s), seed %d%n",
                queries, world.config().tasks(), world.config().models(), study.clients, study.alpha, study.modelAlpha, seed);
        Dataset data = world.generate();
        Experiment.Config config = new Experiment.Config(study.partition(0.75), seed, study.routers, study.familyOptions(),
                LambdaSweep.defaultLambdas(), Runtime.getRuntime().availableProcessors());
        new StudyRunner(o).run(data, new EmbedderInfo(world.embedderId(), world.config().dim()), config, out,
                Map.of("source", "demo"));
        return 0;
    }
}
