package io.fedrouter.testing;

import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * Seeds for property tests: a fixed, reproducible list of random seeds, so an invariant is checked on many random
 * cases and a failure names the seed that reproduces it (the parameterized test's display name).
 */
public final class Seeds {

    private Seeds() {
    }

    /** {@code n} seeds derived from a fixed master seed. */
    public static LongStream of(int n) {
        SplittableRandom master = new SplittableRandom(20261204L);
        return LongStream.generate(master::nextLong).limit(n);
    }
}
