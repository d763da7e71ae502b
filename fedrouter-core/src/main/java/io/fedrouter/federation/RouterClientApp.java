package io.fedrouter.federation;

import io.fedrouter.router.LabeledSet;
import io.fedrouter.router.RouterFamily;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client app of a router federation: holds the client's local train view and dispatches each instruction to
 * the router family its type names ({@code mlp.train} goes to the {@code mlp} family).
 */
public final class RouterClientApp implements ClientApp {

    private final LabeledSet localTrain;
    private final Map<String, RouterFamily> families = new LinkedHashMap<>();

    public RouterClientApp(LabeledSet localTrain, List<RouterFamily> families) {
        this.localTrain = localTrain;
        for (RouterFamily f : families) {
            this.families.put(f.name(), f);
        }
    }

    @Override
    public Message handle(Message instruction) {
        String type = instruction.type();
        int dot = type.indexOf('.');
        RouterFamily family = dot < 0 ? null : families.get(type.substring(0, dot));
        if (family == null) {
            return instruction.replyError("unsupported instruction type '" + type + "'; this client serves " + families.keySet());
        }
        try {
            return family.handle(instruction, localTrain);
        } catch (IllegalArgumentException e) {
            return instruction.replyError(e.getMessage());
        }
    }
}
