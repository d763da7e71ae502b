package io.fedrouter.data;

import java.util.Objects;

/**
 * One problem found while reading a data file.
 *
 * @param file    the file name (without folder)
 * @param line    1-based physical line where the record starts (a CSV record may span several lines)
 * @param message what is wrong, with the offending values
 */
public record RowProblem(String file, long line, String message) {

    public RowProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line: message}, the form compilers use, so editors can jump to the row. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
