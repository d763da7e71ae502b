package io.fedrouter.federation;

import java.util.List;

/**
 * Delivers instructions to client nodes and collects their replies. The in-memory grid (simulation) and the gRPC
 * grid (deployment) run the same {@link Strategy} and {@link ClientApp} code.
 */
public interface Grid {

    /** Ids of the nodes currently connected. */
    List<Integer> nodes();

    /**
     * Sends every instruction to its node and returns one reply per instruction, in the same order. A node that
     * fails or does not answer in time yields an error reply; the call never throws for a client failure.
     */
    List<Message> sendAndReceive(List<Message> instructions);
}
