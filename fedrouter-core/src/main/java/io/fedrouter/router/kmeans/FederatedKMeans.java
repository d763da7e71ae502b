package io.fedrouter.router.kmeans;

import io.fedrouter.federation.FederationException;
import io.fedrouter.federation.Message;
import io.fedrouter.federation.RecordDict;
import io.fedrouter.federation.Strategy;
import io.fedrouter.federation.Tensor;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Two-pass federated K-means router training of "Federate the Router" (Askin et al., arXiv 2601.22318; SPEC §6),
 * both halves in one place: the coordinator's {@link Strategy} and the client-side handlers.
 * <ol>
 *   <li>Round 0, {@value #CENTROIDS}: every client runs K-means with {@code K_local = min(k-local, n_local)} on its
 *       own train embeddings and returns the centroids (K_local × d) and cluster sizes. The coordinator runs
 *       size-weighted K-means ({@code k-global}, restarts, max-iter, tol) over the pooled centroids.</li>
 *   <li>Round 1, {@value #STATS}: every client assigns its points to those centers and returns per (cluster, model)
 *       sums of scores, sums of costs and counts (K × M), and the per-model sums and counts. The coordinator adds
 *       them up; cell means are count-weighted means, identical to statistics computed on the pooled data.</li>
 * </ol>
 * Only centroids and sums travel, never embeddings. Error replies, duplicate replies, and replies with wrong
 * shapes or non-finite values are skipped and counted ({@link #failed()}, {@link #invalid()}); a round with no
 * valid reply left fails with {@link FederationException}. A client without data answers with 0 × d centroids
 * and zero statistics. Each client's K-means seed is derived from the strategy seed and its node id and sent in
 * the instruction, so a run replays exactly whatever the thread scheduling.
 */
public final class FederatedKMeans implements Strategy<Router> {

    /** First-pass message type: local centroids. */
    public static final String CENTROIDS = "kmeans.centroids";
    /** Second-pass message type: per-cell statistics. */
    public static final String STATS = "kmeans.stats";

    static final String ARRAY_CENTROIDS = "centroids";
    static final String ARRAY_SIZES = "sizes";
    static final String ARRAY_CENTERS = "centers";
    static final String METRIC_EXAMPLES = "num-examples";

    private final List<String> models;
    private final int dim;
    private final int kLocal;
    private final KMeans global;
    private final KMeansRouter.Fallback fallback;
    private final double prior;
    private final long seed;

    private Centers centers;
    private KMeansRouter result;
    private int failed;
    private int invalid;
    private final List<String> rejections = new ArrayList<>();

    /**
     * @param models   model ids (M)
     * @param dim      embedding dimension d
     * @param kLocal   clusters per client in the first pass
     * @param global   the coordinator's K-means (k-global, restarts, max-iter, tol); clients use the same restarts,
     *                 max-iter and tol
     * @param fallback what empty cells of the resulting router predict
     * @param seed     seed of the whole run
     */
    public FederatedKMeans(List<String> models, int dim, int kLocal, KMeans global, KMeansRouter.Fallback fallback, long seed) {
        this(models, dim, kLocal, global, fallback, 0, seed);
    }

    /** As above; {@code prior} shrinks cell means toward the global means (see {@link KMeansRouter}). */
    public FederatedKMeans(List<String> models, int dim, int kLocal, KMeans global, KMeansRouter.Fallback fallback,
                           double prior, long seed) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("no models");
        }
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be >= 1: " + dim);
        }
        if (kLocal < 1) {
            throw new IllegalArgumentException("k-local must be >= 1: " + kLocal);
        }
        this.models = List.copyOf(models);
        this.dim = dim;
        this.kLocal = kLocal;
        this.global = global;
        this.fallback = fallback;
        this.prior = prior;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "federated-kmeans";
    }

    @Override
    public List<Message> configure(int round, List<Integer> nodes, SplittableRandom rng) {
        if (round >= 2) {
            return List.of();
        }
        if (nodes.isEmpty()) {
            throw new FederationException("no client nodes connected");
        }
        List<Message> out = new ArrayList<>(nodes.size());
        if (round == 0) {
            for (int node : nodes) {
                RecordDict content = RecordDict.builder()
                        .config("k-local", kLocal)
                        .config("restarts", global.restarts())
                        .config("max-iter", global.maxIter())
                        .config("tol", global.tol())
                        .config("dim", dim)
                        .config("seed", nodeSeed(seed, node))
                        .build();
                out.add(Message.of(CENTROIDS, node, round, content));
            }
        } else {
            if (centers == null) {
                throw new IllegalStateException("round 1 configured before the centers of round 0 were aggregated");
            }
            Tensor c = centers.toTensor();
            for (int node : nodes) {
                RecordDict content = RecordDict.builder()
                        .array(ARRAY_CENTERS, c)
                        .config("models", models.size())
                        .config("dim", dim)
                        .build();
                out.add(Message.of(STATS, node, round, content));
            }
        }
        return out;
    }

    @Override
    public void aggregate(int round, List<Message> replies) {
        if (round == 0) {
            aggregateCentroids(replies);
        } else if (round == 1) {
            aggregateStats(replies);
        } else {
            throw new IllegalStateException("federated K-means has 2 rounds, got round " + round);
        }
    }

    private void aggregateCentroids(List<Message> replies) {
        List<double[]> rows = new ArrayList<>();
        List<Double> sizes = new ArrayList<>();
        int valid = 0;
        for (Message r : validReplies(0, CENTROIDS, replies)) {
            try {
                Tensor c = r.content().array(ARRAY_CENTROIDS);
                Tensor s = r.content().array(ARRAY_SIZES);
                if (c.shape().length != 2 || c.shape()[1] != dim) {
                    throw new IllegalArgumentException("centroids have shape " + Arrays.toString(c.shape()) + ", expected [k, " + dim + "]");
                }
                int k = c.shape()[0];
                if (!Arrays.equals(s.shape(), new int[] {k})) {
                    throw new IllegalArgumentException("sizes have shape " + Arrays.toString(s.shape()) + ", expected [" + k + "]");
                }
                if (!c.finite() || !s.finite()) {
                    throw new IllegalArgumentException("non-finite centroids or sizes");
                }
                for (double v : s.data()) {
                    if (v < 0 || v != Math.rint(v)) {
                        throw new IllegalArgumentException("sizes must be whole numbers >= 0, found " + v);
                    }
                }
                double[][] cr = c.rows();
                for (int j = 0; j < k; j++) {
                    if (s.data()[j] > 0) {
                        rows.add(cr[j]);
                        sizes.add(s.data()[j]);
                    }
                }
                valid++;
            } catch (IllegalArgumentException e) {
                reject(r, e.getMessage());
            }
        }
        if (valid == 0) {
            throw new FederationException("round 0 of federated K-means: no valid reply (" + failed + " failed, " + invalid + " invalid)");
        }
        if (rows.isEmpty()) {
            throw new FederationException("round 0 of federated K-means: no client holds any training data");
        }
        float[][] pooled = new float[rows.size()][dim];
        double[] weights = new double[rows.size()];
        for (int i = 0; i < pooled.length; i++) {
            double[] row = rows.get(i);
            for (int t = 0; t < dim; t++) {
                pooled[i][t] = (float) row[t];
            }
            weights[i] = sizes.get(i);
        }
        centers = global.fit(pooled, weights, nodeSeed(seed, -1)).centers();
    }

    private void aggregateStats(List<Message> replies) {
        CellStats total = new CellStats(centers.k(), models.size());
        int valid = 0;
        for (Message r : validReplies(1, STATS, replies)) {
            try {
                total.add(CellStats.readFrom(r.content(), centers.k(), models.size()));
                valid++;
            } catch (IllegalArgumentException e) {
                reject(r, e.getMessage());
            }
        }
        if (valid == 0) {
            throw new FederationException("round 1 of federated K-means: no valid reply (" + failed + " failed, " + invalid + " invalid)");
        }
        result = total.toRouter(models, centers, fallback, prior);
    }

    /** Replies that are not errors, answer this round's instruction type, and are the first from their node. */
    private List<Message> validReplies(int round, String type, List<Message> replies) {
        List<Message> ok = new ArrayList<>(replies.size());
        Set<Integer> seen = new HashSet<>();
        for (Message r : replies) {
            if (r.failed()) {
                failed++;
                rejections.add("round " + round + " node " + r.node() + ": " + r.error());
            } else if (!type.equals(r.type()) || r.round() != round) {
                reject(r, "reply of type " + r.type() + " for round " + r.round() + ", expected " + type + " for round " + round);
            } else if (!seen.add(r.node())) {
                reject(r, "duplicate reply");
            } else {
                ok.add(r);
            }
        }
        return ok;
    }

    private void reject(Message r, String why) {
        invalid++;
        rejections.add("round " + r.round() + " node " + r.node() + ": " + why);
    }

    @Override
    public Router result() {
        if (result == null) {
            throw new IllegalStateException("federated K-means has not finished");
        }
        return result;
    }

    /** Centers after round 0, or {@code null} before. */
    public Centers centers() {
        return centers;
    }

    /** Error replies received so far. */
    public int failed() {
        return failed;
    }

    /** Replies skipped as malformed (wrong shape, non-finite, duplicate, wrong type) so far. */
    public int invalid() {
        return invalid;
    }

    /** Why each skipped reply was skipped, in arrival order. */
    public List<String> rejections() {
        return List.copyOf(rejections);
    }

    // ---- client side ----

    /** Handles {@value #CENTROIDS}: local K-means on the client's train embeddings. */
    static Message handleCentroids(Message in, LabeledSet local) {
        RecordDict cfg = in.content();
        int d = cfg.configInt("dim");
        int n = local.size();
        if (n == 0) {
            return in.reply(RecordDict.builder()
                    .array(ARRAY_CENTROIDS, new Tensor(new int[] {0, d}, new double[0]))
                    .array(ARRAY_SIZES, new Tensor(new int[] {0}, new double[0]))
                    .metric(METRIC_EXAMPLES, 0)
                    .build());
        }
        if (local.dim() != d) {
            throw new IllegalArgumentException("local embeddings have dimension " + local.dim() + ", the federation uses " + d);
        }
        int k = Math.min(cfg.configInt("k-local"), n);
        KMeans km = new KMeans(k, cfg.configInt("restarts"), cfg.configInt("max-iter"), cfg.configDouble("tol"));
        KMeans.Result res = km.fit(local.x(), cfg.configLong("seed"));
        Centers c = res.centers();
        double[] sizes = new double[c.k()];
        for (int label : res.labels()) {
            sizes[label]++;
        }
        return in.reply(RecordDict.builder()
                .array(ARRAY_CENTROIDS, c.toTensor())
                .array(ARRAY_SIZES, Tensor.vector(sizes))
                .metric(METRIC_EXAMPLES, n)
                .build());
    }

    /** Handles {@value #STATS}: per-cell sums of the client's observed labels under the broadcast centers. */
    static Message handleStats(Message in, LabeledSet local) {
        RecordDict cfg = in.content();
        int m = cfg.configInt("models");
        Centers c = Centers.of(cfg.array(ARRAY_CENTERS));
        if (local.size() > 0 && local.dim() != c.dim()) {
            throw new IllegalArgumentException("local embeddings have dimension " + local.dim() + ", centers have " + c.dim());
        }
        CellStats stats = CellStats.of(local, c, m);
        return in.reply(stats.writeTo(RecordDict.builder()).metric(METRIC_EXAMPLES, local.size()).build());
    }

    /** A client's seed: SplitMix64 finalizer of (run seed, node), so seeds differ per node and per run. */
    static long nodeSeed(long seed, int node) {
        long z = seed + 0x9E3779B97F4A7C15L * (node + 2L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
