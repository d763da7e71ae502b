package io.fedrouter.data;

/**
 * A data file that cannot be read as the format says: a bad row under {@link BadRowPolicy#FAIL}, or a problem
 * with the file as a whole. The message reads {@code file:line: what is wrong}.
 */
public final class DataFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient RowProblem problem;

    public DataFormatException(RowProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public DataFormatException(RowProblem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problem = problem;
    }

    /** Where and what. */
    public RowProblem problem() {
        return problem;
    }
}
