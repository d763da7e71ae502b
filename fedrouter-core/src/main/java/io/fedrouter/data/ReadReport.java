package io.fedrouter.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a read did: how many rows it read and dropped, the first problems and warnings (as {@code file:line}),
 * and per model how many queries have no observed (score, cost) cell. Printed by the CLI so a user sees at once
 * whether the data is what they think it is.
 *
 * @param files           file names read, in reading order
 * @param rowsRead        data records read (wide: rows; long: evaluation records), bad ones included
 * @param rowsSkipped     bad records dropped under {@link BadRowPolicy#SKIP}
 * @param problems        the first {@link #MAX_LISTED} bad records
 * @param warningCount    records kept but worth knowing about (e.g. a repeated id renamed)
 * @param warnings        the first {@link #MAX_LISTED} warnings
 * @param missingCells    per model id, the number of queries without an observed cell for that model
 * @param embeddedQueries queries that carry a precomputed embedding
 */
public record ReadReport(List<String> files, long rowsRead, long rowsSkipped, List<RowProblem> problems,
                         long warningCount, List<RowProblem> warnings, Map<String, Long> missingCells,
                         int embeddedQueries) {

    /** How many problems and warnings are kept verbatim; the counts go on. */
    public static final int MAX_LISTED = 20;

    public ReadReport {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        missingCells = Collections.unmodifiableMap(new LinkedHashMap<>(missingCells)); // model order
    }

    /** Records kept. */
    public long rowsKept() {
        return rowsRead - rowsSkipped;
    }

    /** Total missing cells over all models. */
    public long missingCellsTotal() {
        return missingCells.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few human-readable lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append("read ").append(rowsRead).append(" rows from ").append(files.size()).append(" file(s), skipped ")
                .append(rowsSkipped).append(", missing cells ").append(missingCellsTotal())
                .append(", embedded queries ").append(embeddedQueries).append('\n');
        for (RowProblem p : problems) {
            sb.append("  skipped ").append(p).append('\n');
        }
        if (rowsSkipped > problems.size()) {
            sb.append("  ... and ").append(rowsSkipped - problems.size()).append(" more skipped\n");
        }
        for (RowProblem w : warnings) {
            sb.append("  warning ").append(w).append('\n');
        }
        if (warningCount > warnings.size()) {
            sb.append("  ... and ").append(warningCount - warnings.size()).append(" more warnings\n");
        }
        return sb.toString();
    }
}
