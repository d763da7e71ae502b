package io.fedrouter.embed;

import java.util.Locale;

/**
 * How a prompt longer than the encoder's input is covered; an explicit, recorded choice because it decides what a
 * router can see.
 *
 * <p>all-MiniLM-L6-v2 reads at most 128 positions, i.e. 126 wordpieces plus {@code [CLS]} and {@code [SEP]}, and
 * the langchain4j model silently keeps the first 126 (its tokenizer.json truncates at 128). In RouterBench every
 * arc-challenge and winogrande prompt starts with the same few-shot block of several hundred wordpieces, so a head cut
 * maps all queries of such a task to one vector. The modes:
 * <ul>
 *   <li>{@code head}: the first ≤ {@code window} wordpieces (what the artifact does by itself);</li>
 *   <li>{@code tail}: the last ≤ {@code window} wordpieces, where few-shot prompts put the actual question;</li>
 *   <li>{@code windows}: windows of ≤ {@code window} wordpieces starting every {@code stride} wordpieces, the last one
 *       flush with the end of the prompt; each is embedded and the unit vectors are averaged and re-normalized.</li>
 * </ul>
 * Window edges are moved inward to word boundaries so that each piece, re-tokenized on its own, yields exactly the
 * same wordpieces. Prompts of at most {@code window} wordpieces are embedded whole in every mode.
 *
 * @param mode coverage mode
 * @param window wordpieces per piece, 1..126
 * @param stride wordpieces between window starts (windows mode only), 1..window
 */
public record LongPrompt(Mode mode, int window, int stride) {

    /** Wordpieces that fit next to {@code [CLS]} and {@code [SEP]} in the model's 128 positions. */
    public static final int MAX_WINDOW = 126;

    /** Default stride: 30 wordpieces of overlap, so a sentence cut at one edge is whole in the neighbouring window. */
    public static final int DEFAULT_STRIDE = 96;

    /** Coverage modes. */
    public enum Mode { HEAD, TAIL, WINDOWS }

    /** Validates the window and stride. */
    public LongPrompt {
        if (mode == null) {
            throw new IllegalArgumentException("mode is null");
        }
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window must be in 1.." + MAX_WINDOW + ": " + window);
        }
        if (stride < 1 || stride > window) {
            throw new IllegalArgumentException("stride must be in 1..window (" + window + "): " + stride);
        }
        if (mode != Mode.WINDOWS) {
            stride = window; // a single piece: the stride does not change the vectors, so it must not change the id
        }
    }

    /** First 126 wordpieces. */
    public static LongPrompt head() {
        return new LongPrompt(Mode.HEAD, MAX_WINDOW, MAX_WINDOW);
    }

    /** Last 126 wordpieces. */
    public static LongPrompt tail() {
        return new LongPrompt(Mode.TAIL, MAX_WINDOW, MAX_WINDOW);
    }

    /** Windows of 126 wordpieces with stride {@value #DEFAULT_STRIDE}. */
    public static LongPrompt windows() {
        return new LongPrompt(Mode.WINDOWS, MAX_WINDOW, DEFAULT_STRIDE);
    }

    /**
     * Parses {@code head}, {@code tail}, {@code windows} or the full form written by {@link #id()}, e.g.
     * {@code windows-126s96}, {@code head-100}.
     */
    public static LongPrompt parse(String text) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = s.split("-", 2);
        Mode mode;
        try {
            mode = Mode.valueOf(parts[0].toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown long-prompt mode '" + text + "', expected head, tail or windows");
        }
        if (parts.length == 1) {
            return switch (mode) {
                case HEAD -> head();
                case TAIL -> tail();
                case WINDOWS -> windows();
            };
        }
        try {
            String[] ws = parts[1].split("s", 2);
            int window = Integer.parseInt(ws[0]);
            int stride = ws.length == 2 ? Integer.parseInt(ws[1]) : Math.min(window, DEFAULT_STRIDE);
            return new LongPrompt(mode, window, mode == Mode.WINDOWS ? stride : window);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad long-prompt spec '" + text + "', expected e.g. windows-126s96");
        }
    }

    /** Stable name for embedder ids: {@code head}, {@code tail} or {@code windows-126s96} (defaults omitted). */
    public String id() {
        String name = mode.name().toLowerCase(Locale.ROOT);
        if (mode == Mode.WINDOWS) {
            return name + "-" + window + "s" + stride;
        }
        return window == MAX_WINDOW ? name : name + "-" + window;
    }

    @Override
    public String toString() {
        return id();
    }
}
