package io.fedrouter.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PythonPromptTest {

    @Test
    void singleTurnWithEscapes() {
        String cell = "['Please answer.\\nA) it\\'s \\\"x\\\"\\tB) back\\\\slash']";

        String text = PythonPrompt.toText(cell);

        assertEquals("Please answer.\nA) it's \"x\"\tB) back\\slash", text);
    }

    @Test
    void doubleQuotedElementKeepsSingleQuotes() {
        assertEquals("checks if a string contains 'z'.", PythonPrompt.toText("[\"checks if a string contains 'z'.\"]"));
    }

    @Test
    void turnsAreJoinedWithNewline() {
        assertEquals(List.of("first", "sec'ond", ""), PythonPrompt.parseList(" [ 'first' , \"sec'ond\", '' ] "));
        assertEquals("first\nsecond", PythonPrompt.toText("['first', 'second',]"));
    }

    @Test
    void hexUnicodeAndOctalEscapes() {
        assertEquals("caf\u00e9 \u00e9 \u20ac \uD83D\uDE00 \u0000A",
                PythonPrompt.toText("['caf\\xe9 \\u00e9 \\u20ac \\U0001f600 \\0A']"));
    }

    @Test
    void unknownEscapeIsKeptAsPythonDoes() {
        assertEquals("match \\d+", PythonPrompt.toText("['match \\d+']"));
    }

    @Test
    void emptyListIsEmptyText() {
        assertEquals("", PythonPrompt.toText("[]"));
    }

    @Test
    void plainTextPassesThrough() {
        for (String plain : List.of("What is 2+2?", "[citation needed] is a tag", "['unterminated", "['a' 'b']",
                "['a'] trailing", "[1, 2]", "['bad \\x4 escape']", "")) {
            assertEquals(plain, PythonPrompt.toText(plain), plain);
        }
        assertNull(PythonPrompt.parseList("['a', 'b'"));
    }
}
