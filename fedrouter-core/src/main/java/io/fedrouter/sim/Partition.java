package io.fedrouter.sim;

import io.fedrouter.data.Query;

import java.util.ArrayList;
import java.util.List;

/**
 * The result of simulating clients over a dataset (SPEC §4).
 *
 * @param clients                 per-client data, indexed by client
 * @param droppedIncompleteTest   test queries dropped because some model's label was missing (test needs all)
 * @param droppedUnobservableTrain train queries dropped because no model was evaluated on them
 */
public record Partition(List<ClientData> clients, int droppedIncompleteTest, int droppedUnobservableTrain) {

    public Partition {
        clients = List.copyOf(clients);
    }

    /** The global test set: the union of the clients' test sets, in client order. */
    public List<Query> globalTest() {
        List<Query> all = new ArrayList<>();
        for (ClientData c : clients) {
            all.addAll(c.test());
        }
        return all;
    }

    /** All clients' sparse train views pooled (the centralized baseline's data). */
    public List<Query> pooledTrain() {
        List<Query> all = new ArrayList<>();
        for (ClientData c : clients) {
            all.addAll(c.train());
        }
        return all;
    }
}
