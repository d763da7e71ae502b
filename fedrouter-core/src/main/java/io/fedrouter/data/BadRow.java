package io.fedrouter.data;

/**
 * Thrown by the row parsers for a row that cannot be used; the reading loop turns it into a skip or a
 * {@link DataFormatException} according to the {@link BadRowPolicy}. Carries no stack trace: it is control flow.
 */
final class BadRow extends Exception {

    private static final long serialVersionUID = 1L;

    BadRow(String message) {
        super(message, null, false, false);
    }
}
