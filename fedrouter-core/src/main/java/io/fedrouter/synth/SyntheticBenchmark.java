package io.fedrouter.synth;

import io.fedrouter.data.Dataset;
import io.fedrouter.data.Query;
import io.fedrouter.math.Distributions;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A seeded generator of RouterBench-like worlds (SPEC §3.4): tasks are clusters in embedding space with
 * sub-topics inside them, each model has a base quality, a per-task skill and a per-sub-topic skill, each query
 * has a difficulty that also shifts its embedding, scores are Bernoulli draws of
 * {@code sigmoid(quality + skill − difficulty)}, and costs are the model's price times the query's length.
 *
 * <p>Queries are generated independently from {@code (seed, index)}, so a world of any size can be streamed
 * ({@link #forEach}) without holding it in memory, and the first n queries of a world do not depend on how many
 * are generated.
 */
public final class SyntheticBenchmark {

    /** Models of the synthetic world: name, USD per million tokens, base quality (logit). */
    private static final String[] MODEL_NAMES = {
        "nano-1b", "mini-7b", "open-13b", "mix-8x7b", "open-70b", "turbo", "pro", "ultra",
        "flash-3b", "coder-34b", "chat-20b", "max"};
    private static final double[] PRICES = {0.1, 0.2, 0.3, 0.6, 0.9, 1.5, 8.0, 30.0, 0.15, 0.8, 0.5, 60.0};
    private static final double[] QUALITY = {-1.2, -0.6, -0.4, 0.2, 0.4, 0.6, 1.2, 1.6, -0.9, 0.1, 0.0, 1.8};
    private static final String[] TASK_NAMES = {
        "math", "code", "trivia", "reasoning", "reading", "chat", "translation", "summarize", "science", "law"};

    /**
     * @param queries   number of queries
     * @param tasks     number of task clusters (1..10)
     * @param models    number of models (2..12)
     * @param dim       embedding dimension
     * @param subtopics sub-topics per task
     */
    public record Config(int queries, int tasks, int models, int dim, int subtopics) {

        public Config {
            if (queries < 1) {
                throw new IllegalArgumentException("queries must be >= 1: " + queries);
            }
            if (tasks < 1 || tasks > TASK_NAMES.length) {
                throw new IllegalArgumentException("tasks must be in 1.." + TASK_NAMES.length + ": " + tasks);
            }
            if (models < 2 || models > MODEL_NAMES.length) {
                throw new IllegalArgumentException("models must be in 2.." + MODEL_NAMES.length + ": " + models);
            }
            if (dim < 2) {
                throw new IllegalArgumentException("dim must be >= 2: " + dim);
            }
            if (subtopics < 1) {
                throw new IllegalArgumentException("subtopics must be >= 1: " + subtopics);
            }
        }

        /** The demo's world: 6,000 queries, 6 tasks, 8 models, 384-d like MiniLM. */
        public static Config demo() {
            return new Config(6000, 6, 8, 384, 4);
        }
    }

    private final Config config;
    private final long seed;
    private final float[][] taskCenters;
    private final float[][][] subCenters;
    private final float[] difficultyDirection;
    private final double[][] taskSkill;
    private final double[][][] subSkill;
    private final double[] taskLogLength;

    public SyntheticBenchmark(Config config, long seed) {
        this.config = config;
        this.seed = seed;
        SplittableRandom rng = new SplittableRandom(seed);
        int d = config.dim();
        taskCenters = new float[config.tasks()][];
        subCenters = new float[config.tasks()][config.subtopics()][];
        taskSkill = new double[config.models()][config.tasks()];
        subSkill = new double[config.models()][config.tasks()][config.subtopics()];
        taskLogLength = new double[config.tasks()];
        difficultyDirection = randomUnit(d, 1.0, rng);
        for (int t = 0; t < config.tasks(); t++) {
            taskCenters[t] = randomUnit(d, 1.0, rng);
            for (int s = 0; s < config.subtopics(); s++) {
                subCenters[t][s] = randomUnit(d, 0.6, rng);
            }
            taskLogLength[t] = Math.log(150 + 600 * rng.nextDouble());
        }
        for (int m = 0; m < config.models(); m++) {
            for (int t = 0; t < config.tasks(); t++) {
                taskSkill[m][t] = 0.9 * Distributions.normal(rng);
                for (int s = 0; s < config.subtopics(); s++) {
                    subSkill[m][t][s] = 0.7 * Distributions.normal(rng);
                }
            }
        }
    }

    public Config config() {
        return config;
    }

    public List<String> models() {
        return List.of(MODEL_NAMES).subList(0, config.models());
    }

    /** Embedder id recorded for synthetic embeddings. */
    public String embedderId() {
        return "synthetic-" + config.dim();
    }

    /** The whole world as an embedded dataset. */
    public Dataset generate() {
        List<Query> queries = new ArrayList<>(config.queries());
        forEach(queries::add);
        return new Dataset("synthetic-" + config.queries() + "q-seed" + seed, models(), queries,
                String.format("synthetic:%d:%d:%d:%d:%d:%d", seed, config.queries(), config.tasks(),
                        config.models(), config.dim(), config.subtopics()));
    }

    /** The first {@code n} queries of the world as a dataset (for previews and small tests). */
    public Dataset generate(int n) {
        List<Query> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            queries.add(query(i));
        }
        return new Dataset("synthetic-" + n + "q-seed" + seed, models(), queries, "synthetic-prefix:" + seed + ":" + n);
    }

    /** Index of a generated query's task, in {@link #taskNames()} order. */
    public int taskOf(Query q) {
        return taskNames().indexOf(q.task());
    }

    /** Task labels of this world. */
    public List<String> taskNames() {
        return List.of(TASK_NAMES).subList(0, config.tasks());
    }

    /** Streams every query of the world, in index order, without holding them. */
    public void forEach(Consumer<Query> sink) {
        for (int i = 0; i < config.queries(); i++) {
            sink.accept(query(i));
        }
    }

    /** Query number {@code i}, a pure function of (seed, config, i). */
    public Query query(int i) {
        SplittableRandom rng = new SplittableRandom(mix(seed, i));
        int t = rng.nextInt(config.tasks());
        int s = rng.nextInt(config.subtopics());
        double difficulty = Distributions.normal(rng);
        int d = config.dim();
        float[] x = new float[d];
        double noiseScale = 0.55 / Math.sqrt(d);
        double norm = 0;
        for (int j = 0; j < d; j++) {
            double v = taskCenters[t][j] + subCenters[t][s][j] + 0.35 * difficulty * difficultyDirection[j]
                    + noiseScale * Distributions.normal(rng);
            x[j] = (float) v;
            norm += v * v;
        }
        float inv = (float) (1.0 / Math.sqrt(norm));
        for (int j = 0; j < d; j++) {
            x[j] *= inv;
        }
        double tokens = Math.exp(taskLogLength[t] + 0.4 * Distributions.normal(rng));
        int models = config.models();
        double[] scores = new double[models];
        double[] costs = new double[models];
        for (int m = 0; m < models; m++) {
            double logit = QUALITY[m] + taskSkill[m][t] + subSkill[m][t][s] - 1.1 * difficulty;
            double p = 1.0 / (1.0 + Math.exp(-logit));
            scores[m] = rng.nextDouble() < p ? 1.0 : 0.0;
            double answerTokens = tokens * (0.5 + rng.nextDouble());
            costs[m] = PRICES[m] * (tokens + answerTokens) / 1e6;
        }
        String prompt = TASK_NAMES[t] + " query " + i;
        return new Query("q" + i, prompt, TASK_NAMES[t], scores, costs, x);
    }

    private static float[] randomUnit(int d, double length, SplittableRandom rng) {
        float[] v = new float[d];
        double norm = 0;
        for (int j = 0; j < d; j++) {
            double g = Distributions.normal(rng);
            v[j] = (float) g;
            norm += g * g;
        }
        double scale = length / Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
            v[j] = (float) (v[j] * scale);
        }
        return v;
    }

    /** SplitMix64 finalizer over (seed, index): independent streams per query. */
    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i + 0x632BE59BD9B4E019L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
