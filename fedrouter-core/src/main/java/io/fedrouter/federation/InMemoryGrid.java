package io.fedrouter.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A grid whose nodes are {@link ClientApp}s in this JVM: the simulation transport. Instructions of one round run
 * concurrently on up to {@code parallelism} threads; results do not depend on the thread count because each
 * instruction carries its own seed.
 */
public final class InMemoryGrid implements Grid, AutoCloseable {

    private final Map<Integer, ClientApp> apps;
    private final ExecutorService pool;

    public InMemoryGrid(Map<Integer, ClientApp> apps, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1: " + parallelism);
        }
        this.apps = new TreeMap<>(apps);
        this.pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "fedrouter-client");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public List<Integer> nodes() {
        return List.copyOf(apps.keySet());
    }

    @Override
    public List<Message> sendAndReceive(List<Message> instructions) {
        List<Future<Message>> futures = new ArrayList<>(instructions.size());
        for (Message in : instructions) {
            ClientApp app = apps.get(in.node());
            futures.add(pool.submit(() -> {
                if (app == null) {
                    return in.replyError("unknown node " + in.node());
                }
                try {
                    return app.handle(in);
                } catch (RuntimeException e) {
                    return in.replyError(e.toString());
                }
            }));
        }
        List<Message> replies = new ArrayList<>(futures.size());
        for (int i = 0; i < futures.size(); i++) {
            try {
                replies.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FederationException("interrupted while waiting for node " + instructions.get(i).node());
            } catch (ExecutionException e) {
                replies.add(instructions.get(i).replyError(String.valueOf(e.getCause())));
            }
        }
        return replies;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
