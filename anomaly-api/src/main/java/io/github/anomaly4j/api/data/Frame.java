package io.github.anomaly4j.api.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable table of named {@code double} columns, stored column by column. Rows are observations, columns
 * are features. Values may be NaN (missing) or infinite; {@link #requireFinite()} is the check detectors apply.
 *
 * <p>All arrays are copied on the way in and on the way out.
 */
public final class Frame {
    private final List<String> columnNames;
    private final double[][] columns;
    private final int rows;

    private Frame(List<String> columnNames, double[][] columns, int rows) {
        this.columnNames = columnNames;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * A frame from row-major data with generated column names {@code x0, x1, ...}.
     *
     * @param rows one array per observation, all of the same length (at least 1)
     * @return the frame
     */
    public static Frame ofRows(double[][] rows) {
        Objects.requireNonNull(rows, "rows");
        if (rows.length == 0) {
            throw new IllegalArgumentException("rows is empty; pass column names with ofRows(names, rows) "
                    + "to build an empty frame of known width");
        }
        Objects.requireNonNull(rows[0], "rows[0]");
        return ofRows(defaultNames(rows[0].length), rows);
    }

    /**
     * A frame from row-major data.
     *
     * @param columnNames distinct, non-blank names, one per column
     * @param rows one array per observation, each of {@code columnNames.size()} values
     * @return the frame
     */
    public static Frame ofRows(List<String> columnNames, double[][] rows) {
        List<String> names = checkNames(columnNames);
        Objects.requireNonNull(rows, "rows");
        int width = names.size();
        double[][] cols = new double[width][rows.length];
        for (int r = 0; r < rows.length; r++) {
            double[] row = rows[r];
            if (row == null) {
                throw new IllegalArgumentException("row " + r + " is null");
            }
            if (row.length != width) {
                throw new IllegalArgumentException("row " + r + " has " + row.length + " values, expected "
                        + width + " (one per column " + names + ")");
            }
            for (int c = 0; c < width; c++) {
                cols[c][r] = row[c];
            }
        }
        return new Frame(names, cols, rows.length);
    }

    /**
     * A frame from column-major data.
     *
     * @param columnNames distinct, non-blank names, one per column
     * @param columns one array per column, all of the same length
     * @return the frame
     */
    public static Frame ofColumns(List<String> columnNames, double[][] columns) {
        List<String> names = checkNames(columnNames);
        Objects.requireNonNull(columns, "columns");
        if (columns.length != names.size()) {
            throw new IllegalArgumentException(columns.length + " columns given for " + names.size()
                    + " column names " + names);
        }
        int rows = -1;
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] == null) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' is null");
            }
            if (rows >= 0 && columns[c].length != rows) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' has " + columns[c].length
                        + " values, column '" + names.get(0) + "' has " + rows);
            }
            rows = columns[c].length;
            cols[c] = columns[c].clone();
        }
        return new Frame(names, cols, rows);
    }

    static List<String> defaultNames(int width) {
        List<String> names = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            names.add("x" + i);
        }
        return names;
    }

    static List<String> checkNames(List<String> columnNames) {
        Objects.requireNonNull(columnNames, "columnNames");
        if (columnNames.isEmpty()) {
            throw new IllegalArgumentException("at least one column is required");
        }
        Set<String> seen = new HashSet<>();
        for (String name : columnNames) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("column names must be non-blank, got " + columnNames);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("duplicate column name '" + name + "' in " + columnNames);
            }
        }
        return List.copyOf(columnNames);
    }

    /** @return the number of rows (observations), possibly 0 */
    public int rows() {
        return rows;
    }

    /** @return the number of columns (features), at least 1 */
    public int width() {
        return columns.length;
    }

    /** @return the column names, in order */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * @param row row index
     * @param column column index
     * @return the value at that cell
     */
    public double get(int row, int column) {
        Objects.checkIndex(row, rows);
        return columns[column][row];
    }

    /**
     * Copies one row into {@code out} without allocating.
     *
     * @param row row index
     * @param out an array of at least {@link #width()} values
     */
    public void row(int row, double[] out) {
        Objects.checkIndex(row, rows);
        if (out.length < columns.length) {
            throw new IllegalArgumentException("out has " + out.length + " slots, the frame is " + columns.length
                    + " wide");
        }
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c][row];
        }
    }

    /**
     * @param row row index
     * @return a copy of that row
     */
    public double[] row(int row) {
        double[] out = new double[columns.length];
        row(row, out);
        return out;
    }

    /**
     * @param column column index
     * @return a copy of that column
     */
    public double[] column(int column) {
        return columns[column].clone();
    }

    /**
     * @param name column name
     * @return a copy of that column
     */
    public double[] column(String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columnNames);
        }
        return column(index);
    }

    /** @return a row-major copy of the data */
    public double[][] toRows() {
        double[][] out = new double[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = row(r);
        }
        return out;
    }

    /**
     * Checks that the frame has at least one row and that every value is finite.
     *
     * @return this frame, for chaining
     * @throws IllegalArgumentException naming the first offending row and column
     */
    public Frame requireFinite() {
        if (rows == 0) {
            throw new IllegalArgumentException("the frame has no rows; at least one row is required");
        }
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns.length; c++) {
                double v = columns[c][r];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("row " + r + ", column '" + columnNames.get(c)
                            + "' (index " + c + ") is " + v + "; values must be finite");
                }
            }
        }
        return this;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Frame other)) {
            return false;
        }
        return rows == other.rows && columnNames.equals(other.columnNames)
                && Arrays.deepEquals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return 31 * columnNames.hashCode() + Arrays.deepHashCode(columns);
    }

    @Override
    public String toString() {
        return "Frame[" + rows + " rows x " + columnNames + "]";
    }
}
