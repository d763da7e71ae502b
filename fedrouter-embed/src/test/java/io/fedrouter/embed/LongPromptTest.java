package io.fedrouter.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LongPromptTest {

    @Test
    void idsRoundTripThroughParse() {
        for (LongPrompt lp : new LongPrompt[] {LongPrompt.head(), LongPrompt.tail(), LongPrompt.windows(),
                new LongPrompt(LongPrompt.Mode.WINDOWS, 100, 50), new LongPrompt(LongPrompt.Mode.HEAD, 64, 64)}) {
            assertEquals(lp, LongPrompt.parse(lp.id()));
        }
        assertEquals("windows-126s96", LongPrompt.parse("windows").id());
        assertEquals("head-64", new LongPrompt(LongPrompt.Mode.HEAD, 64, 1).id());
    }

    @Test
    void strideDoesNotMatterOutsideWindowsMode() {
        assertEquals(LongPrompt.tail(), new LongPrompt(LongPrompt.Mode.TAIL, 126, 10));
    }

    @Test
    void badSpecsAreRejectedWithTheirValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new LongPrompt(LongPrompt.Mode.WINDOWS, 127, 96));
        assertEquals("window must be in 1..126: 127", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new LongPrompt(LongPrompt.Mode.WINDOWS, 100, 101));
        assertThrows(IllegalArgumentException.class, () -> LongPrompt.parse("middle"));
        assertThrows(IllegalArgumentException.class, () -> LongPrompt.parse("windows-abc"));
    }
}
