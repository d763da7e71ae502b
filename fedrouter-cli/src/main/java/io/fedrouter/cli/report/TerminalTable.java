package io.fedrouter.cli.report;

import io.fedrouter.experiment.ExperimentResult;
import io.fedrouter.experiment.RouterResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A compact aligned text table of global-test results for the terminal. Each router is one row, except that a
 * family's client-local routers collapse into one row showing mean ± sample standard deviation and (min–max);
 * the table ends with the "federated beats local on N of M clients" line per family.
 */
public final class TerminalTable {

    private static final String[] HEADER = {"router", "AUC", "AIQ", "train s"};

    private TerminalTable() {
    }

    public static String render(ExperimentResult result) {
        List<String[]> rows = new ArrayList<>();
        Set<String> summarized = new HashSet<>();
        for (RouterResult r : result.routers()) {
            if ("local".equals(r.scheme())) {
                if (summarized.add(r.family())) {
                    List<RouterResult> locals = FederatedVsLocal.locals(result, r.family());
                    rows.add(new String[] {
                            r.family() + " local (" + locals.size() + " clients)",
                            spread(locals.stream().mapToDouble(x -> x.global() == null ? Double.NaN : x.global().auc()).toArray()),
                            spread(locals.stream().mapToDouble(x -> x.global() == null ? Double.NaN : x.global().aiq()).toArray()),
                            seconds(locals.stream().mapToDouble(RouterResult::trainSeconds).average().orElse(Double.NaN))});
                }
                continue;
            }
            rows.add(new String[] {FederatedVsLocal.label(r),
                    number(r.global() == null ? Double.NaN : r.global().auc()),
                    number(r.global() == null ? Double.NaN : r.global().aiq()),
                    "baseline".equals(r.scheme()) ? "" : seconds(r.trainSeconds())});
        }

        int[] width = new int[HEADER.length];
        for (int c = 0; c < HEADER.length; c++) {
            width[c] = HEADER[c].length();
            for (String[] row : rows) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, HEADER, width);
        int total = 2 * (width.length - 1);
        for (int w : width) {
            total += w;
        }
        out.append("-".repeat(total)).append('\n');
        for (String[] row : rows) {
            line(out, row, width);
        }
        List<String> families = FederatedVsLocal.learnedFamilies(result);
        boolean first = true;
        for (String family : families) {
            List<FederatedVsLocal.ClientRow> clientRows = FederatedVsLocal.rows(result, family);
            if (FederatedVsLocal.find(result, family, "federated").isPresent() && !clientRows.isEmpty()) {
                if (first) {
                    out.append('\n');
                    first = false;
                }
                out.append(FederatedVsLocal.summary(family, clientRows)).append('\n');
            }
        }
        return out.toString();
    }

    /** "mean ± std (min–max)"; the std is the sample standard deviation (0 for one value). */
    static String spread(double[] values) {
        double[] v = java.util.Arrays.stream(values).filter(Double::isFinite).toArray();
        if (v.length == 0) {
            return "-";
        }
        double mean = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            mean += x;
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        mean /= v.length;
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        double std = v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0;
        return String.format(Locale.ROOT, "%.3f ± %.3f (%.3f–%.3f)", mean, std, min, max);
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "-";
    }

    private static String seconds(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f", v) : "-";
    }

    private static void line(StringBuilder out, String[] cells, int[] width) {
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                out.append("  ");
            }
            // left-aligned, so a single value lines up with the mean of a local-router spread
            out.append(String.format(Locale.ROOT, "%-" + width[c] + "s", cells[c]));
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }
}
