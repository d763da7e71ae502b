package io.fedrouter.federation;

import java.util.List;
import java.util.SplittableRandom;

/**
 * How a federated algorithm configures each round and aggregates its replies; the round loop itself exists
 * once, in {@link ServerLoop}. A strategy holds the global state (model parameters, statistics) between rounds.
 *
 * @param <R> what the finished federation produces, e.g. a router
 */
public interface Strategy<R> {

    /** Short name for logs and reports, e.g. {@code fedavg}. */
    String name();

    /**
     * The instructions of round {@code round} (0-based), or an empty list when training is finished.
     *
     * @param nodes the connected node ids
     * @param rng   this round's random stream (client sampling)
     */
    List<Message> configure(int round, List<Integer> nodes, SplittableRandom rng);

    /**
     * Folds the replies of round {@code round} into the global state. Error replies are passed too, so a strategy
     * can count them; valid replies are aggregated.
     *
     * @throws FederationException when too few valid replies came back to complete the round
     */
    void aggregate(int round, List<Message> replies);

    /** The trained result, after the last round. */
    R result();
}
