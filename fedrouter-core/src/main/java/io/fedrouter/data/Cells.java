package io.fedrouter.data;

/** Parsing and checking of the values of one cell, shared by the wide and long readers. */
final class Cells {

    private static final int QUOTE_LIMIT = 40;

    private Cells() {
    }

    /** A score in [0,1]. */
    static double score(String raw, String model) throws BadRow {
        return score(number(raw, "score", model), raw.strip(), model);
    }

    /** Checks a parsed score; {@code shown} is how the value was written. */
    static double score(double v, String shown, String model) throws BadRow {
        if (!Double.isFinite(v)) {
            throw new BadRow("score '" + shown + "' for model '" + model + "' is not finite");
        }
        if (v < 0 || v > 1) {
            throw new BadRow("score " + shown + " for model '" + model + "' is outside [0,1]");
        }
        return v;
    }

    /** A finite cost ≥ 0 in USD. */
    static double cost(String raw, String model) throws BadRow {
        return cost(number(raw, "cost", model), raw.strip(), model);
    }

    /** Checks a parsed cost; {@code shown} is how the value was written. */
    static double cost(double v, String shown, String model) throws BadRow {
        if (!Double.isFinite(v)) {
            throw new BadRow("cost '" + shown + "' for model '" + model + "' is not finite");
        }
        if (v < 0) {
            throw new BadRow("cost " + shown + " for model '" + model + "' is negative");
        }
        return v;
    }

    private static double number(String raw, String what, String model) throws BadRow {
        String s = raw.strip();
        if (s.isEmpty()) {
            throw new BadRow(what + " for model '" + model + "' is missing");
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new BadRow(what + " '" + quote(s) + "' for model '" + model + "' is not a number");
        }
    }

    /**
     * An embedding written as a bracketed list of numbers: JSON ({@code [0.1, 0.2]}) or NumPy's print form
     * ({@code [0.1 0.2]}, possibly wrapped over lines).
     */
    static float[] embedding(String raw) throws BadRow {
        String s = raw.strip();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            throw new BadRow("embedding '" + quote(s) + "' is not a bracketed list of numbers");
        }
        String body = s.substring(1, s.length() - 1).strip();
        if (body.isEmpty()) {
            throw new BadRow("embedding is empty");
        }
        String[] parts = body.split("[,\\s]+");
        float[] out = new float[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                out[k] = Float.parseFloat(parts[k]);
            } catch (NumberFormatException e) {
                throw new BadRow("embedding element " + k + " '" + quote(parts[k]) + "' is not a number");
            }
            if (!Float.isFinite(out[k])) {
                throw new BadRow("embedding element " + k + " '" + parts[k] + "' is not finite");
            }
        }
        return out;
    }

    /** A value cut to a readable length for an error message. */
    static String quote(String s) {
        return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "...";
    }
}
