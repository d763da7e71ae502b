package io.fedrouter.router;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FamilyOptionsTest {

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("rounds", "5");
        d.put("lr", "1e-3");
        d.put("derived", null);
        return d;
    }

    @Test
    void givenValuesOverrideDefaultsAndNullDefaultsStayUnset() {
        FamilyOptions o = new FamilyOptions("mlp", defaults(), Map.of("rounds", " 7 "));

        assertEquals(7, o.positiveInt("rounds"));
        assertEquals(1e-3, o.nonNegativeDouble("lr"));
        assertFalse(o.isSet("derived"));
        assertTrue(o.isSet("lr"));
    }

    @Test
    void errorsNameTheFamilyTheKeyAndTheValue() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> new FamilyOptions("mlp", defaults(), Map.of("round", "3")));
        assertEquals("unknown mlp option 'round'; known: [rounds, lr, derived]", unknown.getMessage());

        FamilyOptions o = new FamilyOptions("mlp", defaults(), Map.of("rounds", "0", "lr", "fast"));
        assertEquals("mlp option rounds must be >= 1: 0", assertThrows(IllegalArgumentException.class,
                () -> o.positiveInt("rounds")).getMessage());
        assertEquals("mlp option lr: cannot parse 'fast'", assertThrows(IllegalArgumentException.class,
                () -> o.nonNegativeDouble("lr")).getMessage());
        assertEquals("mlp option lr must be finite and >= 0: -1.0", assertThrows(IllegalArgumentException.class,
                () -> new FamilyOptions("mlp", defaults(), Map.of("lr", "-1")).nonNegativeDouble("lr")).getMessage());
    }
}
