package io.fedrouter.federation;

import io.fedrouter.data.Dataset;
import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.Router;
import io.fedrouter.router.RouterFamily;
import io.fedrouter.router.RouterRegistry;
import io.fedrouter.synth.SyntheticBenchmark;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulation transport: replies in order, client failures as data, and the round loop over real strategies. */
class InMemoryGridTest {

    @Test
    void repliesComeBackInInstructionOrderAndFailuresAreErrorReplies() {
        Map<Integer, ClientApp> apps = new LinkedHashMap<>();
        apps.put(0, in -> in.reply(RecordDict.builder().metric("node", in.node()).build()));
        apps.put(1, in -> {
            throw new IllegalStateException("disk on fire");
        });
        apps.put(2, in -> in.reply(RecordDict.builder().metric("node", in.node()).build()));
        List<Message> out = new ArrayList<>();
        for (int node : new int[] {2, 1, 0, 7}) {
            out.add(Message.of("t.x", node, 0, RecordDict.empty()));
        }

        List<Message> replies;
        try (InMemoryGrid grid = new InMemoryGrid(apps, 2)) {
            replies = grid.sendAndReceive(out);
        }

        assertEquals(4, replies.size());
        assertEquals(2.0, replies.get(0).content().metric("node"));
        assertTrue(replies.get(1).failed() && replies.get(1).error().contains("disk on fire"), replies.get(1).error());
        assertEquals(0.0, replies.get(2).content().metric("node"));
        assertTrue(replies.get(3).failed() && replies.get(3).error().contains("unknown node 7"));
    }

    @Test
    void aFederationCompletesWhenSomeClientsFailAndRecordsTheFailures() {
        Dataset world = new SyntheticBenchmark(new SyntheticBenchmark.Config(600, 3, 4, 16, 2), 5).generate();
        LabeledSet all = LabeledSet.of(world.queries());
        RouterFamily kmeans = RouterRegistry.create("kmeans", Map.of("k-local", "4", "k-global", "5"));
        Map<Integer, ClientApp> apps = new LinkedHashMap<>();
        for (int c = 0; c < 4; c++) {
            apps.put(c, new RouterClientApp(slice(all, c * 150, (c + 1) * 150), List.of(kmeans)));
        }
        apps.put(4, in -> {
            throw new IllegalStateException("crashed");
        });
        List<ServerLoop.RoundSummary> rounds = new ArrayList<>();

        Router router;
        try (InMemoryGrid grid = new InMemoryGrid(apps, 2)) {
            router = ServerLoop.run(kmeans.federated(world.models(), 16, 9), grid, new SplittableRandom(9), rounds::add);
        }

        assertEquals(2, rounds.size());
        for (ServerLoop.RoundSummary s : rounds) {
            assertEquals(5, s.sent());
            assertEquals(1, s.failed());
        }
        assertEquals(16, router.dim());
    }

    @Test
    void aRoundWithNoValidReplyFails() {
        RouterFamily kmeans = RouterRegistry.create("kmeans");
        Map<Integer, ClientApp> apps = Map.of(0, in -> in.replyError("no"), 1, in -> in.replyError("no"));

        try (InMemoryGrid grid = new InMemoryGrid(apps, 1)) {
            assertThrows(FederationException.class,
                    () -> ServerLoop.run(kmeans.federated(List.of("a", "b"), 4, 1), grid, new SplittableRandom(1)));
        }
    }

    @Test
    void unknownInstructionTypeIsAnErrorReplyNotAnException() {
        RouterClientApp app = new RouterClientApp(new LabeledSet(new float[0][2], new double[0][1], new double[0][1]),
                List.of(RouterRegistry.create("kmeans")));

        Message reply = app.handle(Message.of("forest.grow", 3, 0, RecordDict.empty()));

        assertTrue(reply.failed());
        assertTrue(reply.error().contains("forest.grow"), reply.error());
        assertEquals(3, reply.node());
    }

    private static LabeledSet slice(LabeledSet s, int from, int to) {
        return new LabeledSet(java.util.Arrays.copyOfRange(s.x(), from, to), java.util.Arrays.copyOfRange(s.score(), from, to),
                java.util.Arrays.copyOfRange(s.cost(), from, to));
    }
}
