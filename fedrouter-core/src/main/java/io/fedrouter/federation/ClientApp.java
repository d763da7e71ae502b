package io.fedrouter.federation;

/**
 * The client side of a federation: answers the coordinator's instructions from the client's own data. The same
 * ClientApp runs in the in-memory simulation and behind the gRPC client agent.
 */
@FunctionalInterface
public interface ClientApp {

    /** Handles one instruction and returns the reply; failures come back as error replies. */
    Message handle(Message instruction);
}
