package io.fedrouter.router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A router family's options: the given values over the family's defaults, with unknown keys rejected and typed,
 * validated reads whose errors name the family, the key and the value (kebab-case keys, as on the CLI).
 */
public final class FamilyOptions {

    private final String family;
    private final Map<String, String> values;

    /**
     * @param family   family name, for messages
     * @param defaults every known key with its default ({@code null}: no default, derived by the family)
     * @param given    the user's values
     * @throws IllegalArgumentException for a key not in {@code defaults}
     */
    public FamilyOptions(String family, Map<String, String> defaults, Map<String, String> given) {
        for (String key : given.keySet()) {
            if (!defaults.containsKey(key)) {
                throw new IllegalArgumentException("unknown " + family + " option '" + key + "'; known: " + defaults.keySet());
            }
        }
        this.family = family;
        this.values = new LinkedHashMap<>(defaults);
        this.values.putAll(given);
    }

    /** The raw value, or {@code null} when neither given nor defaulted. */
    public String string(String key) {
        return values.get(key);
    }

    /** Whether the key has a value (given, or a non-null default). */
    public boolean isSet(String key) {
        return values.get(key) != null;
    }

    /** The value parsed by {@code parser}; a parse failure names the option and the value. */
    public <T> T parse(String key, Function<String, T> parser) {
        String raw = values.get(key);
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(family + " option " + key + ": cannot parse '" + raw + "'");
        }
    }

    public int positiveInt(String key) {
        int v = parse(key, Integer::parseInt);
        if (v < 1) {
            throw new IllegalArgumentException(family + " option " + key + " must be >= 1: " + v);
        }
        return v;
    }

    public double nonNegativeDouble(String key) {
        double v = parse(key, Double::parseDouble);
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(family + " option " + key + " must be finite and >= 0: " + v);
        }
        return v;
    }
}
