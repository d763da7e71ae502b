package io.fedrouter.experiment;

import io.fedrouter.data.Dataset;
import io.fedrouter.data.Query;
import io.fedrouter.eval.Baselines;
import io.fedrouter.eval.CallShareCurve;
import io.fedrouter.eval.Frontier;
import io.fedrouter.eval.LambdaSweep;
import io.fedrouter.eval.Metrics;
import io.fedrouter.federation.ClientApp;
import io.fedrouter.federation.InMemoryGrid;
import io.fedrouter.federation.RouterClientApp;
import io.fedrouter.federation.ServerLoop;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RouterFamily;
import io.fedrouter.router.RouterRegistry;
import io.fedrouter.sim.ClientData;
import io.fedrouter.sim.ClientPartitioner;
import io.fedrouter.sim.Partition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The federated routing study of "Federate the Router" (Askin et al., arXiv 2601.22318): simulate clients over
 * an embedded dataset, train each router family centralized (pooled sparse train views), client-local (each
 * client alone) and federated (in-memory grid, the same strategy and client code as a networked federation),
 * then evaluate every router and the baselines on the global test set and on each client's own test set.
 */
public final class Experiment {

    /**
     * @param partition     client simulation settings
     * @param seed          master seed; the whole study is a function of (data, config, seed)
     * @param routers       router family names, from {@link RouterRegistry}
     * @param routerOptions per-family options (kebab-case keys), may be empty
     * @param lambdas       the λ sweep
     * @param parallelism   threads for clients trained side by side
     */
    public record Config(ClientPartitioner.Config partition, long seed, List<String> routers,
                         Map<String, Map<String, String>> routerOptions, double[] lambdas, int parallelism) {

        public Config {
            routers = List.copyOf(routers);
            routerOptions = Map.copyOf(routerOptions);
            if (routers.isEmpty()) {
                throw new IllegalArgumentException("no router family given; known: " + RouterRegistry.names());
            }
            for (String r : routers) {
                if (!RouterRegistry.names().contains(r)) {
                    throw new IllegalArgumentException("unknown router family '" + r + "'; known: " + RouterRegistry.names());
                }
            }
            if (lambdas.length < 1) {
                throw new IllegalArgumentException("the lambda sweep is empty");
            }
            if (parallelism < 1) {
                throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
            }
        }

        /** The paper's setting: 10 clients, α 0.6, β 0.45, MLP and K-means, 100 λ from 1e-2 to 1e7. */
        public static Config defaults(long seed) {
            return new Config(ClientPartitioner.Config.paperDefaults(10), seed, List.of("mlp", "kmeans"), Map.of(),
                    LambdaSweep.defaultLambdas(), Math.max(1, Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Progress of a running study, for terminals and logs. */
    public interface Listener {
        void stage(String what);

        default void round(ServerLoop.RoundSummary summary) {
        }

        Listener SILENT = what -> { };
    }

    private Experiment() {
    }

    public static ExperimentResult run(Dataset data, EmbedderInfo embedder, Config config, Listener listener) {
        if (!data.embedded()) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' is not embedded; embed it first");
        }
        if (data.dim() != embedder.dim()) {
            throw new IllegalArgumentException("embedding dimension differs from the embedder's: " + data.dim() + " != " + embedder.dim());
        }
        long started = System.nanoTime();
        listener.stage("simulating " + config.partition().clients() + " clients");
        Partition partition = ClientPartitioner.partition(data, config.partition(), new SplittableRandom(config.seed()));
        List<ClientData> clients = partition.clients();
        List<Query> globalTestQueries = partition.globalTest();
        if (globalTestQueries.isEmpty()) {
            throw new IllegalArgumentException("the global test set is empty: no query has every model's label");
        }
        TestSets tests = new TestSets(LabeledSet.of(globalTestQueries), clients);
        List<String> models = data.models();
        int m = models.size();

        List<Scored> scored = new ArrayList<>();
        Map<String, Object> settings = new LinkedHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(config.parallelism(), r -> {
            Thread t = new Thread(r, "fedrouter-local");
            t.setDaemon(true);
            return t;
        });
        try {
            List<RouterFamily> families = new ArrayList<>();
            for (String name : config.routers()) {
                families.add(RouterRegistry.create(name, config.routerOptions().getOrDefault(name, Map.of())));
            }
            List<LabeledSet> localTrain = new ArrayList<>();
            for (ClientData c : clients) {
                localTrain.add(c.train().isEmpty() ? null : LabeledSet.of(c.train()));
            }
            LabeledSet pooled = LabeledSet.of(partition.pooledTrain());

            for (RouterFamily family : families) {
                settings.put(family.name(), family.settings());
                long familySeed = familySeed(config.seed(), family.name());

                listener.stage(family.name() + ": centralized");
                long t0 = System.nanoTime();
                Router central = family.train(pooled, models, RouterFamily.Scope.CENTRALIZED, familySeed);
                scored.add(evaluate(family.name(), "centralized", null, null, seconds(t0), central, tests, config.lambdas()));

                listener.stage(family.name() + ": client-local (" + clients.size() + " clients)");
                List<Future<Scored>> locals = new ArrayList<>();
                for (ClientData c : clients) {
                    LabeledSet train = localTrain.get(c.client());
                    if (train == null) {
                        continue;
                    }
                    long localSeed = familySeed + 1 + c.client();
                    locals.add(pool.submit(() -> {
                        long s = System.nanoTime();
                        Router local = family.train(train, models, RouterFamily.Scope.LOCAL, localSeed);
                        return evaluate(family.name(), "local", c.client(), null, seconds(s), local, tests, config.lambdas());
                    }));
                }
                for (Future<Scored> f : locals) {
                    scored.add(await(f));
                }

                listener.stage(family.name() + ": federated");
                Map<Integer, ClientApp> apps = new LinkedHashMap<>();
                for (ClientData c : clients) {
                    LabeledSet train = localTrain.get(c.client());
                    apps.put(c.client(), new RouterClientApp(train == null ? emptySet(data.dim(), m) : train, List.of(family)));
                }
                t0 = System.nanoTime();
                Router federated;
                try (InMemoryGrid grid = new InMemoryGrid(apps, config.parallelism())) {
                    federated = ServerLoop.run(family.federated(models, data.dim(), familySeed),
                            grid, new SplittableRandom(familySeed), listener::round);
                }
                scored.add(evaluate(family.name(), "federated", null, null, seconds(t0), federated, tests, config.lambdas()));
            }
        } finally {
            pool.shutdownNow();
        }

        listener.stage("baselines");
        scored.addAll(baselines(models, tests));
        List<RouterResult> results = finish(scored, clients.size());
        Map<String, Object> twoModelPool = new LinkedHashMap<>();
        for (Scored s : scored) {
            if (s.callShares() != null && !"local".equals(s.scheme())) {
                twoModelPool.put(s.family() + "/" + s.scheme(), Map.of("apgr", Metrics.apgr(s.callShares()),
                        "cpt50", Metrics.cpt(s.callShares(), 0.5), "cpt80", Metrics.cpt(s.callShares(), 0.8)));
            }
        }
        Map<String, Object> wins = new LinkedHashMap<>();
        for (String family : config.routers()) {
            RouterResult fed = results.stream().filter(r -> r.family().equals(family) && r.scheme().equals("federated"))
                    .findFirst().orElseThrow();
            wins.put(family, winsOverLocal(fed, results.stream()
                    .filter(r -> r.family().equals(family) && r.scheme().equals("local")).toList()));
        }

        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("clients", config.partition().clients());
        cfg.put("alpha", config.partition().alpha());
        cfg.put("model-alpha", config.partition().modelAlpha());
        cfg.put("train-fraction", config.partition().trainFraction());
        cfg.put("seed", config.seed());
        cfg.put("routers", config.routers());
        cfg.put("router-settings", settings);
        cfg.put("lambdas", Map.of("count", config.lambdas().length,
                "min", config.lambdas()[0], "max", config.lambdas()[config.lambdas().length - 1]));

        Map<String, Object> extras = new LinkedHashMap<>();
        extras.put("federated_beats_local", wins);
        extras.put("clients", clientSummaries(clients));
        extras.put("global_test_queries", globalTestQueries.size());
        extras.put("train_queries", partition.pooledTrain().size());
        extras.put("dropped_incomplete_test_queries", partition.droppedIncompleteTest());
        extras.put("dropped_unobservable_train_queries", partition.droppedUnobservableTrain());
        if (!twoModelPool.isEmpty()) {
            extras.put("two_model_pool", twoModelPool);
        }
        extras.put("total_seconds", seconds(started));

        DatasetInfo info = new DatasetInfo(data.name(), data.size(), m, data.tasks().size(), data.sha256(), models, data.tasks());
        return new ExperimentResult(cfg, info, embedder, results, extras);
    }

    /** The global test set and, for each client, the rows of its own test set within it. */
    private static final class TestSets {
        final LabeledSet global;
        final int[] from;
        final int[] to;

        TestSets(LabeledSet global, List<ClientData> clients) {
            this.global = global;
            this.from = new int[clients.size()];
            this.to = new int[clients.size()];
            int k = 0;
            for (ClientData c : clients) {
                from[c.client()] = k;
                k += c.test().size();
                to[c.client()] = k;
            }
        }

        LabeledSet slice(int client) {
            return new LabeledSet(Arrays.copyOfRange(global.x(), from[client], to[client]),
                    Arrays.copyOfRange(global.score(), from[client], to[client]),
                    Arrays.copyOfRange(global.cost(), from[client], to[client]));
        }
    }

    /** A trained router's frontiers, before AIQ is put on the axis shared by every router on the same test set. */
    private record Scored(String family, String scheme, Integer client, String model, double trainSeconds,
                          Frontier global, Frontier[] own, CallShareCurve callShares) {
    }

    private static Scored evaluate(String family, String scheme, Integer client, String model, double trainSeconds,
                                   Router router, TestSets tests, double[] lambdas) {
        Router.Predictions p = router.predictAll(tests.global.x());
        Frontier global = LambdaSweep.sweep(p, tests.global, lambdas);
        Frontier[] own = new Frontier[tests.from.length];
        for (int c = 0; c < own.length; c++) {
            if (tests.to[c] > tests.from[c]) {
                Router.Predictions ps = new Router.Predictions(
                        Arrays.copyOfRange(p.accuracy(), tests.from[c], tests.to[c]),
                        Arrays.copyOfRange(p.cost(), tests.from[c], tests.to[c]));
                own[c] = LambdaSweep.sweep(ps, tests.slice(c), lambdas);
            }
        }
        // RouteLLM's view of a two-model pool (SPEC §7): performance gap recovered against the share of strong calls.
        CallShareCurve shares = tests.global.models() == 2 ? LambdaSweep.callShares(p, tests.global, lambdas) : null;
        return new Scored(family, scheme, client, model, trainSeconds, global, own, shares);
    }

    private static Scored baseline(String family, String model, TestSets tests, Function<LabeledSet, Frontier> frontierOf) {
        Frontier[] own = new Frontier[tests.from.length];
        for (int c = 0; c < own.length; c++) {
            if (tests.to[c] > tests.from[c]) {
                own[c] = frontierOf.apply(tests.slice(c));
            }
        }
        return new Scored(family, "baseline", null, model, 0.0, frontierOf.apply(tests.global), own, null);
    }

    /**
     * Normalized AUC per router, and AIQ on one cost axis per test set (the largest cost any router or baseline
     * reaches there), as RouterBench compares routers.
     */
    private static List<RouterResult> finish(List<Scored> scored, int clients) {
        double globalMax = Metrics.maxCost(scored.stream().map(Scored::global).toList());
        double[] ownMax = new double[clients];
        for (int c = 0; c < clients; c++) {
            final int client = c;
            List<Frontier> fs = scored.stream().map(s -> s.own()[client]).filter(f -> f != null).toList();
            ownMax[c] = fs.isEmpty() ? 0 : Metrics.maxCost(fs);
        }
        List<RouterResult> out = new ArrayList<>(scored.size());
        for (Scored s : scored) {
            List<ClientEval> own = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Frontier f = s.own()[c];
                if (f != null) {
                    own.add(new ClientEval(c, Metrics.normalizedAuc(f), Metrics.aiq(f, ownMax[c])));
                }
            }
            out.add(new RouterResult(s.family(), s.scheme(), s.client(), s.model(), s.trainSeconds(),
                    new Evaluation(Metrics.normalizedAuc(s.global()), Metrics.aiq(s.global(), globalMax), s.global()), own));
        }
        return out;
    }

    /** Oracle, each single model, best single, cheapest and random, on the global test and each client's own. */
    private static List<Scored> baselines(List<String> models, TestSets tests) {
        List<Scored> out = new ArrayList<>();
        out.add(baseline("oracle", null, tests, Baselines::oracle));
        for (int k = 0; k < models.size(); k++) {
            final int model = k;
            out.add(baseline("single", models.get(k), tests, set -> Baselines.single(set, model)));
        }
        int best = Baselines.bestSingleModel(tests.global);
        int cheapest = Baselines.cheapestModel(tests.global);
        out.add(baseline("best-single", models.get(best), tests, set -> Baselines.single(set, best)));
        out.add(baseline("cheapest", models.get(cheapest), tests, set -> Baselines.single(set, cheapest)));
        out.add(baseline("random", null, tests, Baselines::random));
        return out;
    }

    /** On how many clients the federated router's own-test AUC beats that client's local router's. */
    private static Map<String, Object> winsOverLocal(RouterResult federated, List<RouterResult> locals) {
        Map<Integer, Double> fedOwn = new LinkedHashMap<>();
        federated.own().forEach(e -> fedOwn.put(e.client(), e.auc()));
        int wins = 0;
        int compared = 0;
        double localMean = 0;
        for (RouterResult local : locals) {
            localMean += local.global().auc() / locals.size();
            for (ClientEval e : local.own()) {
                if (e.client() == local.client() && fedOwn.containsKey(e.client())) {
                    compared++;
                    if (fedOwn.get(e.client()) > e.auc()) {
                        wins++;
                    }
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wins", wins);
        out.put("clients", compared);
        out.put("federated_auc", federated.global().auc());
        out.put("mean_local_auc", locals.isEmpty() ? Double.NaN : localMean);
        return out;
    }

    private static List<Map<String, Object>> clientSummaries(List<ClientData> clients) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ClientData c : clients) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("client", c.client());
            s.put("train", c.train().size());
            s.put("test", c.test().size());
            Map<String, Integer> tasks = new LinkedHashMap<>();
            for (Query q : c.train()) {
                tasks.merge(q.task(), 1, Integer::sum);
            }
            for (Query q : c.test()) {
                tasks.merge(q.task(), 1, Integer::sum);
            }
            s.put("tasks", tasks);
            out.add(s);
        }
        return out;
    }

    private static LabeledSet emptySet(int dim, int models) {
        return new LabeledSet(new float[0][dim], new double[0][models], new double[0][models]);
    }

    /** A family's seed depends on its name only, so adding a family does not change another's numbers. */
    static long familySeed(long seed, String family) {
        long h = seed * 0x9E3779B97F4A7C15L ^ family.hashCode();
        h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 29);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
