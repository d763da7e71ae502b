package io.fedrouter.federation;

/** A federated run could not complete: too few valid replies, or replies that cannot be aggregated. */
public class FederationException extends RuntimeException {

    public FederationException(String message) {
        super(message);
    }
}
