package io.fedrouter.data;

/**
 * What a reader does with a row it cannot use (a score that is not a number, a negative cost, a duplicate id...).
 * Problems with the file as a whole (a missing required column, broken quoting, model columns that differ
 * between the files of a folder) always fail, whatever the policy.
 */
public enum BadRowPolicy {
    /** Stop at the first bad row with a {@link DataFormatException} naming file, line and problem. */
    FAIL,
    /** Drop the bad row, count it in the {@link ReadReport} and keep reading. */
    SKIP
}
