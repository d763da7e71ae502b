package io.fedrouter.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns RouterBench's prompt cells into plain text. RouterBench stores a prompt as the Python {@code repr} of a
 * list of turns, e.g. {@code ['Please answer ...\nA) ...']} or {@code ["it's ..."]}; the turns are decoded with
 * Python's string-escape rules and joined with a newline. A cell that is not exactly such a list is plain text
 * and returned unchanged, so prompts from other sources pass through.
 */
final class PythonPrompt {

    private PythonPrompt() {
    }

    /** The prompt as plain text: the joined turns of a Python list literal, or {@code raw} itself. */
    static String toText(String raw) {
        List<String> turns = parseList(raw);
        return turns == null ? raw : String.join("\n", turns);
    }

    /** The string elements of a Python list literal of string literals, or {@code null} if {@code s} is not one. */
    static List<String> parseList(String s) {
        int i = skipSpace(s, 0);
        if (i >= s.length() || s.charAt(i) != '[') {
            return null;
        }
        i = skipSpace(s, i + 1);
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean needComma = false;
        while (true) {
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == ']') {
                return skipSpace(s, i + 1) == s.length() ? out : null;
            }
            if (needComma) {
                if (c != ',') {
                    return null;
                }
                i = skipSpace(s, i + 1);
                needComma = false;
                continue; // a trailing comma before ']' is valid Python
            }
            sb.setLength(0);
            i = parseString(s, i, sb);
            if (i < 0) {
                return null;
            }
            out.add(sb.toString());
            i = skipSpace(s, i);
            needComma = true;
        }
    }

    /** Parses one string literal (optional u/r prefix) at {@code i} into {@code sb}; the index after it, or -1. */
    private static int parseString(String s, int i, StringBuilder sb) {
        boolean raw = false;
        while (i < s.length() && "uUrR".indexOf(s.charAt(i)) >= 0) {
            raw |= Character.toLowerCase(s.charAt(i)) == 'r';
            i++;
        }
        if (i >= s.length()) {
            return -1;
        }
        char quote = s.charAt(i);
        if (quote != '\'' && quote != '"') {
            return -1;
        }
        i++;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == quote) {
                return i + 1;
            }
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                return -1;
            }
            char e = s.charAt(i + 1);
            if (raw) {
                // in a raw string a backslash stays, but still keeps the next quote inside the string
                sb.append(c).append(e);
                i += 2;
                continue;
            }
            i += 2;
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'v' -> sb.append('\u000B');
                case '\n' -> { } // line continuation
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (i + len > s.length()) {
                        return -1;
                    }
                    int cp;
                    try {
                        cp = Integer.parseInt(s, i, i + len, 16);
                    } catch (NumberFormatException ex) {
                        return -1;
                    }
                    if (!Character.isValidCodePoint(cp)) {
                        return -1;
                    }
                    sb.appendCodePoint(cp);
                    i += len;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < s.length() && end < i + 2 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
                            end++;
                        }
                        sb.append((char) Integer.parseInt(s, i - 1, end, 8));
                        i = end;
                    } else {
                        // Python keeps unknown escapes such as \d verbatim
                        sb.append('\\').append(e);
                    }
                }
            }
        }
        return -1;
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
