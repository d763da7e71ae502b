package io.fedrouter.cli;

import io.fedrouter.cli.bench.KMeansBenchmark;
import io.fedrouter.cli.bench.MlpTrainBenchmark;
import io.fedrouter.embed.LongPrompt;
import io.fedrouter.embed.MiniLmEmbedder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

/**
 * Throughput of the numeric core without JMH: MLP training (examples/s, 384-d input, 11 models, hidden 512,
 * batch 128), K-means (points × centers per second, one Lloyd iteration over 384-d points) and embedding
 * (texts/s). For statistically careful numbers use the JMH benchmarks in {@code io.fedrouter.cli.bench}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measure MLP training, K-means and embedding throughput.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--what", split = ",", defaultValue = "mlp,kmeans",
            description = "Any of mlp, kmeans, embed (default: ${DEFAULT-VALUE}).")
    List<String> what;

    @Option(names = "--examples", defaultValue = "4096", description = "MLP training examples per measurement (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--points", defaultValue = "10000", description = "K-means points (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--centers", split = ",", defaultValue = "20,30", description = "K-means centers (default: ${DEFAULT-VALUE}).")
    List<Integer> centers;

    @Option(names = "--texts", defaultValue = "256", description = "Texts to embed (default: ${DEFAULT-VALUE}).")
    int texts;

    @Option(names = "--words", defaultValue = "60", description = "Words per text to embed (default: ${DEFAULT-VALUE}).")
    int words;

    @Option(names = "--embedder", defaultValue = "full", description = "full or quantized (default: ${DEFAULT-VALUE}).")
    String variant;

    @Option(names = "--repeat", defaultValue = "3", description = "Measurements per benchmark; each is printed (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Override
    public Integer call() {
        for (String w : what) {
            if (!List.of("mlp", "kmeans", "embed").contains(w)) {
                throw new IllegalArgumentException("--what: unknown benchmark '" + w + "'; known: mlp, kmeans, embed");
            }
        }
        System.out.printf("cores: %d, java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (what.contains("mlp")) {
            MlpTrainBenchmark.examplesPerSecond(Math.min(examples, 1024), 1); // warm-up
            for (int r = 0; r < repeat; r++) {
                System.out.printf("mlp train   %,10.0f examples/s  (384-d, 11 models, hidden 512, batch 128, %d examples)%n",
                        MlpTrainBenchmark.examplesPerSecond(examples, 1 + r), examples);
            }
        }
        if (what.contains("kmeans")) {
            for (int k : centers) {
                KMeansBenchmark.pointsCentersPerSecond(points, 384, k, 1.0); // warm-up
                for (int r = 0; r < repeat; r++) {
                    System.out.printf("kmeans      %,10.0f points*centers/s  (%d points, 384-d, %d centers)%n",
                            KMeansBenchmark.pointsCentersPerSecond(points, 384, k, 2.0), points, k);
                }
            }
        }
        if (what.contains("embed")) {
            List<String> batch = texts(texts, words, 7);
            try (MiniLmEmbedder e = new MiniLmEmbedder(MiniLmEmbedder.Variant.parse(variant), LongPrompt.head())) {
                e.embed(batch.subList(0, Math.min(16, batch.size()))); // load the model, warm up
                for (int r = 0; r < repeat; r++) {
                    long t0 = System.nanoTime();
                    e.embed(batch);
                    double s = (System.nanoTime() - t0) / 1e9;
                    System.out.printf("embed       %,10.1f texts/s  (%s, %d texts of %d words)%n", batch.size() / s, e.id(), batch.size(), words);
                }
            }
        }
        return 0;
    }

    /** Deterministic English-like texts: benchmark input that needs no data files. */
    static List<String> texts(int n, int words, long seed) {
        String[] vocab = ("the a model query answer question which most likely when because energy water plant cell "
                + "force heat light earth moon sun student teacher city river mountain choose correct following best "
                + "explain describe number function python write list return value sentence blank option reason").split(" ");
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            StringBuilder sb = new StringBuilder();
            for (int w = 0; w < words; w++) {
                sb.append(w == 0 ? "" : " ").append(vocab[rng.nextInt(vocab.length)]);
            }
            out.add(sb.append('?').toString());
        }
        return out;
    }
}
