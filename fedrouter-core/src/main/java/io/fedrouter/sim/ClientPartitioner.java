package io.fedrouter.sim;

import io.fedrouter.data.Dataset;
import io.fedrouter.data.Query;
import io.fedrouter.math.Distributions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Simulates heterogeneous clients as in "Federate the Router" (Askin et al., arXiv 2601.22318, §4 of our SPEC):
 * for each task label, Dirichlet(α·1_N) proportions split that task's queries over the N clients; each client
 * splits its queries 75/25 into train and test; each client draws a model preference q_i ~ Dirichlet(β·1_M) and
 * each of its train queries keeps exactly one observed (score, cost), for a model drawn from q_i among the models
 * evaluated on that query. Test queries keep every model's label.
 */
public final class ClientPartitioner {

    /**
     * @param clients       number of clients N (≥ 1)
     * @param alpha         task-split concentration α (&gt; 0); small α means skewed clients
     * @param modelAlpha    model-preference concentration β (&gt; 0); small β means few favourite models
     * @param trainFraction share of each client's queries used for training, in (0, 1]
     */
    public record Config(int clients, double alpha, double modelAlpha, double trainFraction) {

        public Config {
            if (clients < 1) {
                throw new IllegalArgumentException("clients must be >= 1: " + clients);
            }
            if (!(alpha > 0) || Double.isInfinite(alpha)) {
                throw new IllegalArgumentException("alpha must be finite and > 0: " + alpha);
            }
            if (!(modelAlpha > 0) || Double.isInfinite(modelAlpha)) {
                throw new IllegalArgumentException("model-alpha must be finite and > 0: " + modelAlpha);
            }
            if (!(trainFraction > 0 && trainFraction <= 1)) {
                throw new IllegalArgumentException("train fraction must be in (0, 1]: " + trainFraction);
            }
        }

        public static Config paperDefaults(int clients) {
            return new Config(clients, 0.6, 0.45, 0.75);
        }
    }

    private ClientPartitioner() {
    }

    public static Partition partition(Dataset data, Config config, SplittableRandom rng) {
        int n = config.clients();
        int models = data.models().size();
        SplittableRandom splitRng = rng.split();
        SplittableRandom localRng = rng.split();
        SplittableRandom modelRng = rng.split();

        // Queries of each task, in data order, then scattered over clients by Dirichlet proportions.
        Map<String, List<Integer>> byTask = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            byTask.computeIfAbsent(data.queries().get(i).task(), t -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> owned = new ArrayList<>();
        for (int c = 0; c < n; c++) {
            owned.add(new ArrayList<>());
        }
        for (List<Integer> idx : byTask.values()) {
            int[] order = idx.stream().mapToInt(Integer::intValue).toArray();
            Distributions.shuffle(order, splitRng);
            double[] p = Distributions.dirichlet(config.alpha(), n, splitRng);
            int start = 0;
            double cum = 0;
            for (int c = 0; c < n; c++) {
                cum += p[c];
                int end = c == n - 1 ? order.length : (int) Math.round(cum * order.length);
                end = Math.max(start, Math.min(order.length, end));
                for (int k = start; k < end; k++) {
                    owned.get(c).add(order[k]);
                }
                start = end;
            }
        }

        List<ClientData> clients = new ArrayList<>(n);
        int droppedTest = 0;
        int droppedTrain = 0;
        for (int c = 0; c < n; c++) {
            int[] mine = owned.get(c).stream().mapToInt(Integer::intValue).toArray();
            Distributions.shuffle(mine, localRng);
            int nTrain = (int) Math.round(config.trainFraction() * mine.length);
            double[] preference = Distributions.dirichlet(config.modelAlpha(), models, modelRng);
            List<Query> train = new ArrayList<>(nTrain);
            List<Query> test = new ArrayList<>(mine.length - nTrain);
            double[] weights = new double[models];
            for (int k = 0; k < mine.length; k++) {
                Query q = data.queries().get(mine[k]);
                if (k < nTrain) {
                    for (int m = 0; m < models; m++) {
                        weights[m] = q.observed(m) ? preference[m] : 0;
                    }
                    Query sparse = observeOne(q, weights, modelRng);
                    if (sparse == null) {
                        droppedTrain++;
                    } else {
                        train.add(sparse);
                    }
                } else if (complete(q)) {
                    test.add(q);
                } else {
                    droppedTest++;
                }
            }
            clients.add(new ClientData(c, train, test, preference));
        }
        return new Partition(clients, droppedTest, droppedTrain);
    }

    /** The query with only one model's label kept, drawn by {@code weights}; null when no model is observed. */
    private static Query observeOne(Query q, double[] weights, SplittableRandom rng) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        int m;
        if (total > 0) {
            m = Distributions.categorical(weights, rng);
        } else {
            // The preferred models were not evaluated on this query (or q_i underflowed to 0 on them): fall back
            // to a uniform pick among the models that were.
            double[] uniform = new double[weights.length];
            boolean any = false;
            for (int k = 0; k < uniform.length; k++) {
                if (q.observed(k)) {
                    uniform[k] = 1;
                    any = true;
                }
            }
            if (!any) {
                return null;
            }
            m = Distributions.categorical(uniform, rng);
        }
        double[] s = new double[weights.length];
        double[] cost = new double[weights.length];
        Arrays.fill(s, Double.NaN);
        Arrays.fill(cost, Double.NaN);
        s[m] = q.scores()[m];
        cost[m] = q.costs()[m];
        return new Query(q.id(), q.prompt(), q.task(), s, cost, q.embedding());
    }

    private static boolean complete(Query q) {
        for (int m = 0; m < q.scores().length; m++) {
            if (!q.observed(m) || Double.isNaN(q.costs()[m])) {
                return false;
            }
        }
        return true;
    }
}
