package io.fedrouter.router;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The one registry of router families: adding a router is one class and one line here. The CLI, the experiment
 * and the federation read it. A factory takes family options (kebab-case keys, e.g. {@code rounds}) and returns
 * a configured family; unknown keys are rejected by the family.
 */
public final class RouterRegistry {

    private static final Map<String, Function<Map<String, String>, RouterFamily>> FAMILIES = new LinkedHashMap<>();

    static {
        FAMILIES.put("mlp", io.fedrouter.router.mlp.MlpFamily::new);
        FAMILIES.put("kmeans", io.fedrouter.router.kmeans.KMeansFamily::new);
    }

    private RouterRegistry() {
    }

    public static List<String> names() {
        return List.copyOf(FAMILIES.keySet());
    }

    public static RouterFamily create(String name) {
        return create(name, Map.of());
    }

    public static RouterFamily create(String name, Map<String, String> options) {
        Function<Map<String, String>, RouterFamily> factory = FAMILIES.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown router family '" + name + "'; known: " + names());
        }
        return factory.apply(options);
    }
}
