package io.fedrouter.router.kmeans;

import io.fedrouter.federation.Message;
import io.fedrouter.federation.Strategy;
import io.fedrouter.router.FamilyOptions;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RouterFamily;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The K-means router family (SPEC §5.2, §6): centralized and client-local training fit K-means on the embeddings
 * (K = {@code k-centralized} = 30 and {@code k-client} = 8 by default, as in the paper's baselines) and gather
 * per-cell statistics; federated training is {@link FederatedKMeans}.
 *
 * <p>Options (kebab-case, all optional): {@code k-local} (15), {@code k-global} (20), {@code restarts} (3),
 * {@code max-iter} (30), {@code tol} (1e-4), {@code k-centralized} (30), {@code k-client} (8), {@code fallback}
 * ({@code global-mean} or {@code paper}; default {@code global-mean}), {@code prior} (10: pseudo-count shrinking
 * each observed cell's means toward the model's global means; 0 gives the paper's plain cell means; measured in
 * {@code docs/kmeans.md}). Unknown keys are rejected.
 */
public final class KMeansFamily implements RouterFamily {

    /** Option keys with their defaults, in the order {@link #settings()} lists them. */
    public static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("k-local", "15");
        d.put("k-global", "20");
        d.put("restarts", "3");
        d.put("max-iter", "30");
        d.put("tol", "1e-4");
        d.put("k-centralized", "30");
        d.put("k-client", "8");
        d.put("fallback", KMeansRouter.Fallback.GLOBAL_MEAN.key());
        d.put("prior", "10");
        DEFAULTS = java.util.Collections.unmodifiableMap(d);
    }

    private final int kLocal;
    private final int kGlobal;
    private final int restarts;
    private final int maxIter;
    private final double tol;
    private final int kCentralized;
    private final int kClient;
    private final KMeansRouter.Fallback fallback;
    private final double prior;

    /** The family with default options. */
    public KMeansFamily() {
        this(Map.of());
    }

    /**
     * @param options option values by key; keys not listed in {@link #DEFAULTS} are rejected
     * @throws IllegalArgumentException for an unknown key or a bad value
     */
    public KMeansFamily(Map<String, String> options) {
        FamilyOptions o = new FamilyOptions(KMeansRouter.FAMILY, DEFAULTS, options);
        this.kLocal = o.positiveInt("k-local");
        this.kGlobal = o.positiveInt("k-global");
        this.restarts = o.positiveInt("restarts");
        this.maxIter = o.positiveInt("max-iter");
        this.kCentralized = o.positiveInt("k-centralized");
        this.kClient = o.positiveInt("k-client");
        this.tol = o.nonNegativeDouble("tol");
        this.fallback = KMeansRouter.Fallback.parse(o.string("fallback"));
        this.prior = o.nonNegativeDouble("prior");
    }

    @Override
    public String name() {
        return KMeansRouter.FAMILY;
    }

    @Override
    public Router train(LabeledSet data, List<String> models, Scope scope, long seed) {
        if (data.size() == 0) {
            throw new IllegalArgumentException("cannot train a K-means router on an empty set");
        }
        if (data.models() != models.size()) {
            throw new IllegalArgumentException("data has " + data.models() + " models, model list has " + models.size());
        }
        int k = scope == Scope.CENTRALIZED ? kCentralized : kClient;
        KMeans.Result fit = new KMeans(Math.min(k, data.size()), restarts, maxIter, tol).fit(data.x(), seed);
        CellStats stats = new CellStats(fit.centers().k(), models.size());
        stats.add(data, fit.labels());
        return stats.toRouter(models, fit.centers(), fallback, prior);
    }

    @Override
    public Strategy<Router> federated(List<String> models, int dim, long seed) {
        return new FederatedKMeans(models, dim, kLocal, new KMeans(kGlobal, restarts, maxIter, tol), fallback, prior, seed);
    }

    @Override
    public Message handle(Message instruction, LabeledSet localTrain) {
        switch (instruction.type()) {
            case FederatedKMeans.CENTROIDS:
                return FederatedKMeans.handleCentroids(instruction, localTrain);
            case FederatedKMeans.STATS:
                return FederatedKMeans.handleStats(instruction, localTrain);
            default:
                return instruction.replyError("unsupported instruction type '" + instruction.type() + "'; kmeans handles "
                        + FederatedKMeans.CENTROIDS + ", " + FederatedKMeans.STATS);
        }
    }

    @Override
    public Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("k-local", kLocal);
        s.put("k-global", kGlobal);
        s.put("restarts", restarts);
        s.put("max-iter", maxIter);
        s.put("tol", tol);
        s.put("k-centralized", kCentralized);
        s.put("k-client", kClient);
        s.put("fallback", fallback.key());
        s.put("prior", prior);
        return s;
    }
}
