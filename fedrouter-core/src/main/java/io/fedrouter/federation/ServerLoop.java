package io.fedrouter.federation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The round loop of a federation, the one place it exists: ask the strategy for instructions, deliver them over
 * the grid, hand the replies back to the strategy, until the strategy has no more instructions.
 */
public final class ServerLoop {

    /** What happened in one round, for progress display and reports. */
    public record RoundSummary(String strategy, int round, int sent, int failed, List<String> errors) {
    }

    private ServerLoop() {
    }

    public static <R> R run(Strategy<R> strategy, Grid grid, SplittableRandom rng) {
        return run(strategy, grid, rng, summary -> { });
    }

    public static <R> R run(Strategy<R> strategy, Grid grid, SplittableRandom rng, Consumer<RoundSummary> listener) {
        for (int round = 0; ; round++) {
            List<Message> instructions = strategy.configure(round, grid.nodes(), rng.split());
            if (instructions.isEmpty()) {
                return strategy.result();
            }
            List<Message> replies = grid.sendAndReceive(instructions);
            List<String> errors = new ArrayList<>();
            for (Message r : replies) {
                if (r.failed()) {
                    errors.add("node " + r.node() + ": " + r.error());
                }
            }
            strategy.aggregate(round, replies);
            listener.accept(new RoundSummary(strategy.name(), round, instructions.size(), errors.size(), errors));
        }
    }
}
