package io.fedrouter.federation;

import java.util.Objects;

/**
 * What the coordinator and a client exchange: a type naming the task (e.g. {@code mlp.train}), the node it goes
 * to or comes from, and either content or an error. Errors are data, never exceptions across the wire.
 *
 * @param type    task name; a reply carries the type of the instruction it answers
 * @param node    the client node id
 * @param round   the federated round this belongs to
 * @param content the records, or {@code null} for an error reply
 * @param error   the error text, or {@code null}
 */
public record Message(String type, int node, int round, RecordDict content, String error) {

    public Message {
        Objects.requireNonNull(type, "type");
        if ((content == null) == (error == null)) {
            throw new IllegalArgumentException("a message holds either content or an error");
        }
    }

    public static Message of(String type, int node, int round, RecordDict content) {
        return new Message(type, node, round, content, null);
    }

    public static Message error(String type, int node, int round, String error) {
        return new Message(type, node, round, null, error);
    }

    public boolean failed() {
        return error != null;
    }

    /** A reply to this instruction carrying {@code reply}. */
    public Message reply(RecordDict reply) {
        return of(type, node, round, reply);
    }

    /** An error reply to this instruction. */
    public Message replyError(String why) {
        return error(type, node, round, why);
    }
}
