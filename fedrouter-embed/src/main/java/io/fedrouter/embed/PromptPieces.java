package io.fedrouter.embed;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.jni.CharSpan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cuts a prompt into the substrings a {@link LongPrompt} mode embeds, counting wordpieces with the tokenizer that
 * ships in the model artifact (truncation switched off, so long prompts are counted in full).
 *
 * <p>Pieces are substrings of the original text, not decoded tokens: the model then sees the original casing and
 * punctuation through its own tokenizer. Piece edges sit on word boundaries (a wordpiece not starting with
 * {@code ##}), so re-tokenizing a piece yields exactly the wordpieces counted here and never exceeds the window.
 */
final class PromptPieces implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;

    /** Loads {@code resource} (a tokenizer.json on the class path) with truncation and padding off. */
    PromptPieces(String resource) {
        try (InputStream in = PromptPieces.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("tokenizer resource not on the class path: " + resource);
            }
            tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("padding", "false", "truncation", "false"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read tokenizer " + resource, e);
        }
    }

    /** Number of wordpieces in {@code text}, without {@code [CLS]}/{@code [SEP]}. */
    int count(String text) {
        return tokenizer.encode(text, false, false).getTokens().length;
    }

    /**
     * The substrings of {@code text} to embed under {@code mode}: the whole text when it fits one window, one piece
     * for head and tail, one or more overlapping pieces for windows.
     */
    List<String> pieces(String text, LongPrompt mode) {
        Encoding enc = tokenizer.encode(text, false, false);
        String[] tokens = enc.getTokens();
        int n = tokens.length;
        int w = mode.window();
        if (n <= w) {
            return List.of(text);
        }
        CharSpan[] spans = enc.getCharTokenSpans();
        int[] utf16 = codePointToUtf16(text);
        List<String> out = new ArrayList<>();
        switch (mode.mode()) {
            case HEAD -> out.add(piece(text, spans, utf16, tokens, 0, w));
            case TAIL -> out.add(piece(text, spans, utf16, tokens, n - w, w));
            case WINDOWS -> {
                int last = n - w;
                for (int start = 0; start < last; start += mode.stride()) {
                    out.add(piece(text, spans, utf16, tokens, start, w));
                }
                String tail = piece(text, spans, utf16, tokens, last, w);
                if (!tail.equals(out.get(out.size() - 1))) {
                    out.add(tail);
                }
            }
            default -> throw new IllegalStateException("unhandled mode " + mode.mode());
        }
        return out;
    }

    /**
     * The substring covering at most {@code w} wordpieces from token {@code start}: the start moves forward and the
     * end backward to word boundaries; a single word longer than the window is cut inside (the model then
     * truncates it, as it would anyway).
     */
    private static String piece(String text, CharSpan[] spans, int[] utf16, String[] tokens, int start, int w) {
        int n = tokens.length;
        int s = start;
        while (s < n && s < start + w && isContinuation(tokens[s])) {
            s++;
        }
        if (s == n || s == start + w) {
            s = start;
        }
        int e = Math.min(n, s + w);
        int cut = e;
        while (cut > s && cut < n && isContinuation(tokens[cut])) {
            cut--;
        }
        if (cut > s) {
            e = cut;
        }
        int from = utf16 == null ? spans[s].getStart() : utf16[spans[s].getStart()];
        int to = utf16 == null ? spans[e - 1].getEnd() : utf16[spans[e - 1].getEnd()];
        return text.substring(from, to);
    }

    private static boolean isContinuation(String token) {
        return token.startsWith("##");
    }

    /**
     * The tokenizer reports offsets in Unicode code points; Java strings index UTF-16 units. Returns null when the two
     * agree (no supplementary characters), else the map code point index → UTF-16 index (length cps + 1).
     */
    private static int[] codePointToUtf16(String text) {
        int cps = text.codePointCount(0, text.length());
        if (cps == text.length()) {
            return null;
        }
        int[] map = new int[cps + 1];
        int u = 0;
        for (int c = 0; c < cps; c++) {
            map[c] = u;
            u += Character.charCount(text.codePointAt(u));
        }
        map[cps] = u;
        return map;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
