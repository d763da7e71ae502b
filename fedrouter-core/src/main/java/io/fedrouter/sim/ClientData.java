package io.fedrouter.sim;

import io.fedrouter.data.Query;

import java.util.List;

/**
 * One simulated client's data: a sparse train view (each query keeps the one model the client observed) and a
 * fully labeled local test set.
 *
 * @param client          client index, 0-based
 * @param train           train queries, exactly one observed model each
 * @param test            test queries, every model labeled
 * @param modelPreference the client's Dirichlet draw over models that picked the observed models
 */
public record ClientData(int client, List<Query> train, List<Query> test, double[] modelPreference) {

    public ClientData {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
