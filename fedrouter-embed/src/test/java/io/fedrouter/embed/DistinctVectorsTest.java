package io.fedrouter.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistinctVectorsTest {

    @Test
    void equalContentCountsOnce() {
        float[] a = {1f, 0f};
        float[] aCopy = {1f, 0f};
        float[] b = {0f, 1f};
        float[] negZero = {1f, -0f};

        assertEquals(3, DistinctVectors.count(List.of(a, aCopy, b, negZero)));
        assertEquals(0, DistinctVectors.count(List.of()));
    }

    @Test
    void countsPerGroup() {
        float[] a = {1f};
        float[] b = {2f};

        Map<String, Integer> counts = DistinctVectors.countByGroup(List.of(a, a.clone(), b, a),
                List.of("arc", "arc", "arc", "mbpp"));

        assertEquals(Map.of("arc", 2, "mbpp", 1), counts);
        assertThrows(IllegalArgumentException.class, () -> DistinctVectors.countByGroup(List.of(a), List.of()));
    }
}
