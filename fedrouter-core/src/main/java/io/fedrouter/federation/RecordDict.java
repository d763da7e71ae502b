package io.fedrouter.federation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The content of a {@link Message}: named arrays (model parameters, statistics), named metrics, and config
 * (scalars and strings, with keys in kebab-case as in the CLI and YAML). Never prompts or embeddings.
 */
public record RecordDict(Map<String, Tensor> arrays, Map<String, Double> metrics, Map<String, String> config) {

    public RecordDict {
        arrays = Map.copyOf(arrays);
        metrics = Map.copyOf(metrics);
        config = Map.copyOf(config);
    }

    public static RecordDict empty() {
        return new RecordDict(Map.of(), Map.of(), Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Tensor array(String name) {
        Tensor t = arrays.get(name);
        if (t == null) {
            throw new IllegalArgumentException("missing array '" + name + "'; present: " + arrays.keySet());
        }
        return t;
    }

    public double metric(String name) {
        Double v = metrics.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing metric '" + name + "'; present: " + metrics.keySet());
        }
        return v;
    }

    public String config(String key) {
        String v = config.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing config '" + key + "'; present: " + config.keySet());
        }
        return v;
    }

    public int configInt(String key) {
        return Integer.parseInt(config(key));
    }

    public long configLong(String key) {
        return Long.parseLong(config(key));
    }

    public double configDouble(String key) {
        return Double.parseDouble(config(key));
    }

    /** Mutable builder; insertion order is kept. */
    public static final class Builder {
        private final Map<String, Tensor> arrays = new LinkedHashMap<>();
        private final Map<String, Double> metrics = new LinkedHashMap<>();
        private final Map<String, String> config = new LinkedHashMap<>();

        public Builder array(String name, Tensor t) {
            arrays.put(name, t);
            return this;
        }

        public Builder metric(String name, double v) {
            metrics.put(name, v);
            return this;
        }

        public Builder config(String key, Object v) {
            config.put(key, String.valueOf(v));
            return this;
        }

        public Builder configAll(Map<String, String> c) {
            config.putAll(c);
            return this;
        }

        public RecordDict build() {
            return new RecordDict(arrays, metrics, config);
        }
    }
}
