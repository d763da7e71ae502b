package io.fedrouter.embed;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Counts distinct vectors by exact bitwise equality of their floats, to show how many queries an embedder maps to
 * the same point (e.g. a head cut of prompts that share a long instruction block).
 */
public final class DistinctVectors {

    private DistinctVectors() {
    }

    /** Wraps an array with content equality ({@link Arrays#equals(float[], float[])}, i.e. bitwise per float). */
    private record Exact(float[] v) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Exact e && Arrays.equals(v, e.v);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(v);
        }
    }

    /** Number of distinct vectors in {@code vectors}. */
    public static int count(List<float[]> vectors) {
        Set<Exact> seen = new HashSet<>();
        for (float[] v : vectors) {
            seen.add(new Exact(v));
        }
        return seen.size();
    }

    /**
     * Number of distinct vectors within each group.
     *
     * @param groups a label per vector (e.g. the task)
     * @return label → distinct vectors, labels sorted
     */
    public static Map<String, Integer> countByGroup(List<float[]> vectors, List<String> groups) {
        if (vectors.size() != groups.size()) {
            throw new IllegalArgumentException("vectors and groups differ in size: " + vectors.size() + " != "
                    + groups.size());
        }
        Map<String, Set<Exact>> seen = new TreeMap<>();
        for (int i = 0; i < vectors.size(); i++) {
            seen.computeIfAbsent(groups.get(i), g -> new HashSet<>()).add(new Exact(vectors.get(i)));
        }
        Map<String, Integer> out = new TreeMap<>();
        seen.forEach((g, s) -> out.put(g, s.size()));
        return out;
    }
}
