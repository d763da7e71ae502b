package io.fedrouter.router;

import io.fedrouter.federation.Message;
import io.fedrouter.federation.Strategy;

import java.util.List;
import java.util.Map;

/**
 * A kind of router (MLP, K-means, ...) and everything needed to train it three ways: on pooled data
 * (centralized), on one client's data alone (local), and by federation (a {@link Strategy} on the coordinator
 * plus a client-side handler for the strategy's messages). Registered by name in {@link RouterRegistry}.
 */
public interface RouterFamily {

    /** Registry name, e.g. {@code mlp}; also the prefix of this family's message types ({@code mlp.train}). */
    String name();

    /** How this family is being trained, for the baselines' own hyperparameters (SPEC §6: K = 30 vs K = 8). */
    enum Scope { CENTRALIZED, LOCAL }

    /** Trains on one labeled set (pooled sparse train views, or one client's). */
    Router train(LabeledSet data, List<String> models, Scope scope, long seed);

    /** The coordinator's strategy for a federated run of this family. */
    Strategy<Router> federated(List<String> models, int dim, long seed);

    /** Handles one of this family's instructions on a client holding {@code localTrain}. */
    Message handle(Message instruction, LabeledSet localTrain);

    /** Hyperparameters in effect, recorded in reports (kebab-case keys). */
    Map<String, Object> settings();
}
