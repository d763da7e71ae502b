package io.fedrouter.cli.bench;

import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.mlp.CostNormalizer;
import io.fedrouter.router.mlp.MlpParams;
import io.fedrouter.router.mlp.MlpTrainer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * Training throughput of the MLP router (SPEC §10) at the paper's shape: 384-d embeddings, 11 models, hidden 512,
 * batch 128, sparse rows (one observed model each), dropout on. The JMH score is examples per second
 * ({@code java -cp ... org.openjdk.jmh.Main MlpTrainBenchmark}); {@link #examplesPerSecond} measures the same
 * without JMH, for the {@code fedrouter bench} command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MlpTrainBenchmark {

    public static final int DIM = 384;
    public static final int MODELS = 11;
    public static final int HIDDEN = 512;
    public static final int BATCH = 128;
    /** Examples per benchmark invocation: one epoch over this many rows (8 full batches). */
    public static final int EXAMPLES = 1024;

    private LabeledSet data;
    private MlpParams init;
    private CostNormalizer costs;
    private MlpTrainer trainer;

    @Setup
    public void setup() {
        data = syntheticSparse(EXAMPLES, 1);
        init = MlpParams.init(DIM, HIDDEN, MODELS, new SplittableRandom(2));
        costs = CostNormalizer.fit(data.cost(), MODELS);
        trainer = new MlpTrainer(new MlpTrainer.Config(1, 1e-3, 3e-4, BATCH, 1.0, 0.1, 0));
    }

    @Benchmark
    @OperationsPerInvocation(EXAMPLES)
    public MlpTrainer.Result trainOneEpoch() {
        return trainer.train(init, costs, data, 3, null);
    }

    /** Random unit-scale embeddings with one observed (score, cost) per row, as in a client's train view. */
    public static LabeledSet syntheticSparse(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[][] x = new float[n][DIM];
        double[][] s = new double[n][MODELS];
        double[][] c = new double[n][MODELS];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < DIM; j++) {
                x[i][j] = (float) r.nextGaussian() / (float) Math.sqrt(DIM);
            }
            java.util.Arrays.fill(s[i], Double.NaN);
            java.util.Arrays.fill(c[i], Double.NaN);
            int m = r.nextInt(MODELS);
            s[i][m] = r.nextDouble() < 0.6 ? 1 : 0;
            c[i][m] = 1e-4 * (m + 1) * r.nextDouble(0.5, 1.5);
        }
        return new LabeledSet(x, s, c);
    }

    /**
     * Trains on {@code examples} synthetic rows (after a warm-up of the same size, so the JIT has compiled the
     * kernels) and returns the measured examples per second.
     */
    public static double examplesPerSecond(int examples, long seed) {
        if (examples < 1) {
            throw new IllegalArgumentException("examples must be >= 1: " + examples);
        }
        LabeledSet data = syntheticSparse(examples, seed);
        MlpParams init = MlpParams.init(DIM, HIDDEN, MODELS, new SplittableRandom(seed + 1));
        CostNormalizer costs = CostNormalizer.fit(data.cost(), MODELS);
        MlpTrainer trainer = new MlpTrainer(new MlpTrainer.Config(1, 1e-3, 3e-4, BATCH, 1.0, 0.1, 0));
        trainer.train(init, costs, data, seed, null);
        long t0 = System.nanoTime();
        trainer.train(init, costs, data, seed, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return examples / seconds;
    }
}
