package io.fedrouter.cli;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.fedrouter.data.Query;
import io.fedrouter.math.Distributions;
import io.fedrouter.synth.SyntheticBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Writes a synthetic world as a long-format evaluation log (SPEC §3.2), streaming, so millions of records and
 * thousands of clients fit in constant memory. With {@code --clients}, each record carries the client that holds
 * it: a query goes to a client drawn from its task's Dirichlet(α) proportions, and with {@code --sparse} only one
 * model per query is written, drawn from the client's Dirichlet(β) model preference, as a real client's log would.
 */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Write a synthetic benchmark as a long-format JSONL evaluation log.")
final class SynthCommand implements Callable<Integer> {

    @Option(names = "--out", required = true, description = "Output .jsonl file.")
    Path out;

    @Option(names = "--queries", defaultValue = "6000", description = "Number of queries (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--tasks", defaultValue = "6", description = "Task clusters, 1..10 (default: ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--models", defaultValue = "8", description = "Models, 2..12 (default: ${DEFAULT-VALUE}).")
    int models;

    @Option(names = "--dim", defaultValue = "384", description = "Embedding dimension (default: ${DEFAULT-VALUE}).")
    int dim;

    @Option(names = "--no-embeddings", description = "Leave the embedding field out (prompts only).")
    boolean noEmbeddings;

    @Option(names = "--clients", defaultValue = "0", description = "Assign records to this many clients (0: no client field).")
    int clients;

    @Option(names = "--alpha", defaultValue = "0.6", description = "Task-split concentration (default: ${DEFAULT-VALUE}).")
    double alpha;

    @Option(names = "--model-alpha", defaultValue = "0.45", description = "Model-preference concentration (default: ${DEFAULT-VALUE}).")
    double modelAlpha;

    @Option(names = "--sparse", description = "Write one model per query (the client's pick) instead of every model.")
    boolean sparse;

    @Option(names = "--seed", defaultValue = "100", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() throws IOException {
        if (sparse && clients < 1) {
            throw new IllegalArgumentException("--sparse needs --clients >= 1 (the model picked depends on the client)");
        }
        SyntheticBenchmark world = new SyntheticBenchmark(new SyntheticBenchmark.Config(queries, tasks, models, dim, 4), seed);
        List<String> names = world.models();
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5EEDL);
        double[][] taskSplit = new double[tasks][];
        double[][] preference = new double[Math.max(clients, 0)][];
        if (clients > 0) {
            for (int t = 0; t < tasks; t++) {
                taskSplit[t] = Distributions.dirichlet(alpha, clients, rng);
            }
            for (int c = 0; c < clients; c++) {
                preference[c] = Distributions.dirichlet(modelAlpha, models, rng);
            }
        }
        Path tmp = out.resolveSibling(out.getFileName() + ".part");
        long records = 0;
        long start = System.nanoTime();
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20);
             JsonGenerator g = new JsonFactory().createGenerator(os, JsonEncoding.UTF8)) {
            g.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
            for (int i = 0; i < queries; i++) {
                Query q = world.query(i);
                int client = -1;
                if (clients > 0) {
                    client = Distributions.categorical(taskSplit[world.taskOf(q)], rng);
                }
                if (sparse) {
                    int m = Distributions.categorical(preference[client], rng);
                    write(g, q, names, m, client);
                    records++;
                } else {
                    for (int m = 0; m < names.size(); m++) {
                        write(g, q, names, m, client);
                        records++;
                    }
                }
            }
            g.writeRaw('\n');
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("wrote %,d records (%,d queries, %d models%s) to %s in %.1f s%n", records, queries, names.size(),
                clients > 0 ? ", " + clients + " clients" : "", out, (System.nanoTime() - start) / 1e9);
        return 0;
    }

    private void write(JsonGenerator g, Query q, List<String> names, int m, int client) {
        try {
            g.writeStartObject();
            g.writeStringField("query_id", q.id());
            g.writeStringField("prompt", q.prompt());
            g.writeStringField("task", q.task());
            g.writeStringField("model", names.get(m));
            g.writeNumberField("score", q.scores()[m]);
            g.writeNumberField("cost", q.costs()[m]);
            if (client >= 0) {
                g.writeNumberField("client", client);
            }
            if (!noEmbeddings) {
                g.writeArrayFieldStart("embedding");
                for (float v : q.embedding()) {
                    g.writeNumber(v);
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
