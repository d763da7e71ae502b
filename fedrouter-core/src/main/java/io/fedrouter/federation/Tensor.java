package io.fedrouter.federation;

import java.util.Arrays;

/**
 * A typed array travelling in a {@link Message}: a shape and row-major values. Values are held as doubles in
 * memory; a transport may encode them narrower.
 */
public record Tensor(int[] shape, double[] data) {

    public Tensor {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n *= s;
        }
        if (n != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " holds " + n + " values, data has " + data.length);
        }
    }

    public static Tensor vector(double[] data) {
        return new Tensor(new int[] {data.length}, data);
    }

    public static Tensor matrix(double[][] rows, int cols) {
        double[] flat = new double[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].length != cols) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " columns, expected " + cols);
            }
            System.arraycopy(rows[i], 0, flat, i * cols, cols);
        }
        return new Tensor(new int[] {rows.length, cols}, flat);
    }

    /** Rows of a 2-d tensor. */
    public double[][] rows() {
        if (shape.length != 2) {
            throw new IllegalStateException("not a matrix: shape " + Arrays.toString(shape));
        }
        double[][] out = new double[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            out[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return out;
    }

    public int size() {
        return data.length;
    }

    /** Whether every value is finite (no NaN, no infinity). */
    public boolean finite() {
        for (double v : data) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
