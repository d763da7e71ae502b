package io.fedrouter.cli;

import picocli.CommandLine.Command;

import java.util.concurrent.Callable;

/** Throughput benchmarks of the numeric core (filled in below). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Measure training and embedding throughput.")
final class BenchCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new IllegalStateException("bench is not wired yet");
    }
}
