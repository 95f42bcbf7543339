package io.github.anomaly4j.api.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An immutable, columnar time series: epoch-millisecond timestamps and one or more named {@code double} columns.
 *
 * <p><b>Timestamps are strictly increasing.</b> The factory methods refuse duplicates and out-of-order input
 * with an {@link IllegalArgumentException} naming the index and both timestamps. Data that arrives unsorted or
 * with repeats goes through {@link #builder(String...)}, whose {@link OrderPolicy} and {@link DuplicatePolicy}
 * say what to do (sort; keep the first or last of a duplicate); the builder reports how many readings it
 * dropped, so nothing is lost silently.
 *
 * <p>Values may be NaN, meaning missing. Arrays are copied on the way in and on the way out.
 */
public final class TimeSeries {
    /** Name of the column of a single-column series made without a name. */
    public static final String DEFAULT_COLUMN = "value";

    private final long[] timestamps;
    private final List<String> columnNames;
    private final double[][] columns;

    private TimeSeries(long[] timestamps, List<String> columnNames, double[][] columns) {
        this.timestamps = timestamps;
        this.columnNames = columnNames;
        this.columns = columns;
    }

    /**
     * A single-column series named {@value #DEFAULT_COLUMN}.
     *
     * @param timestamps strictly increasing epoch milliseconds
     * @param values one value per timestamp
     * @return the series
     */
    public static TimeSeries of(long[] timestamps, double[] values) {
        return of(timestamps, DEFAULT_COLUMN, values);
    }

    /**
     * A single-column series.
     *
     * @param timestamps strictly increasing epoch milliseconds
     * @param name the column name
     * @param values one value per timestamp
     * @return the series
     */
    public static TimeSeries of(long[] timestamps, String name, double[] values) {
        return of(timestamps, List.of(Objects.requireNonNull(name, "name")), new double[][] {values});
    }

    /**
     * A multi-column series.
     *
     * @param timestamps strictly increasing epoch milliseconds
     * @param columnNames distinct, non-blank names
     * @param columns one array per column, each as long as {@code timestamps}
     * @return the series
     */
    public static TimeSeries of(long[] timestamps, List<String> columnNames, double[][] columns) {
        Objects.requireNonNull(timestamps, "timestamps");
        List<String> names = Frame.checkNames(columnNames);
        Objects.requireNonNull(columns, "columns");
        if (columns.length != names.size()) {
            throw new IllegalArgumentException(columns.length + " columns given for " + names.size()
                    + " column names " + names);
        }
        checkStrictlyIncreasing(timestamps);
        double[][] copy = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            if (columns[c] == null) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' is null");
            }
            if (columns[c].length != timestamps.length) {
                throw new IllegalArgumentException("column '" + names.get(c) + "' has " + columns[c].length
                        + " values for " + timestamps.length + " timestamps");
            }
            copy[c] = columns[c].clone();
        }
        return new TimeSeries(timestamps.clone(), names, copy);
    }

    /**
     * A builder that accepts readings in any order and applies the given policies at {@link Builder#build()}.
     *
     * @param columnNames the column names, at least one
     * @return a new builder with {@link OrderPolicy#REJECT} and {@link DuplicatePolicy#REJECT}
     */
    public static Builder builder(String... columnNames) {
        return new Builder(Frame.checkNames(Arrays.asList(columnNames)));
    }

    private static void checkStrictlyIncreasing(long[] timestamps) {
        for (int i = 1; i < timestamps.length; i++) {
            if (timestamps[i] <= timestamps[i - 1]) {
                String what = timestamps[i] == timestamps[i - 1] ? "duplicates" : "is earlier than";
                throw new IllegalArgumentException("timestamps must be strictly increasing: timestamp "
                        + timestamps[i] + " at index " + i + " " + what + " " + timestamps[i - 1] + " at index "
                        + (i - 1) + "; use TimeSeries.builder(...) with an OrderPolicy/DuplicatePolicy to sort "
                        + "or de-duplicate");
            }
        }
    }

    /** @return the number of readings, possibly 0 */
    public int size() {
        return timestamps.length;
    }

    /** @return the number of value columns, at least 1 */
    public int width() {
        return columns.length;
    }

    /** @return the column names, in order */
    public List<String> columnNames() {
        return columnNames;
    }

    /**
     * @param index reading index
     * @return its timestamp in epoch milliseconds
     */
    public long timestamp(int index) {
        return timestamps[index];
    }

    /** @return a copy of the timestamps */
    public long[] timestamps() {
        return timestamps.clone();
    }

    /**
     * @param index reading index
     * @param column column index
     * @return the value
     */
    public double value(int index, int column) {
        Objects.checkIndex(index, timestamps.length);
        return columns[column][index];
    }

    /**
     * Copies reading {@code index} into {@code out} without allocating.
     *
     * @param index reading index
     * @param out an array of at least {@link #width()} values
     */
    public void values(int index, double[] out) {
        Objects.checkIndex(index, timestamps.length);
        for (int c = 0; c < columns.length; c++) {
            out[c] = columns[c][index];
        }
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
        return column(indexOf(name));
    }

    /**
     * @param name column name
     * @return its index
     * @throws IllegalArgumentException listing the columns when there is no such column
     */
    public int indexOf(String name) {
        int index = columnNames.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; columns are " + columnNames);
        }
        return index;
    }

    /**
     * @param fromIndex first reading, inclusive
     * @param toIndex last reading, exclusive
     * @return the readings in that index range
     */
    public TimeSeries slice(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, timestamps.length);
        double[][] cols = new double[columns.length][];
        for (int c = 0; c < columns.length; c++) {
            cols[c] = Arrays.copyOfRange(columns[c], fromIndex, toIndex);
        }
        return new TimeSeries(Arrays.copyOfRange(timestamps, fromIndex, toIndex), columnNames, cols);
    }

    /** @return the values as a {@link Frame} with the same column names (timestamps dropped) */
    public Frame toFrame() {
        return Frame.ofColumns(columnNames, columns);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TimeSeries other)) {
            return false;
        }
        return Arrays.equals(timestamps, other.timestamps) && columnNames.equals(other.columnNames)
                && Arrays.deepEquals(columns, other.columns);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(timestamps) + Arrays.deepHashCode(columns);
    }

    @Override
    public String toString() {
        return "TimeSeries[" + size() + " readings x " + columnNames
                + (size() == 0 ? "" : ", " + timestamps[0] + ".." + timestamps[size() - 1]) + "]";
    }

    /**
     * Collects readings in arrival order and builds a strictly increasing series according to its policies.
     * Not thread-safe.
     */
    public static final class Builder {
        private final List<String> columnNames;
        private OrderPolicy orderPolicy = OrderPolicy.REJECT;
        private DuplicatePolicy duplicatePolicy = DuplicatePolicy.REJECT;
        private long[] timestamps = new long[16];
        private double[] values;
        private int size;
        private int dropped = -1;

        private Builder(List<String> columnNames) {
            this.columnNames = columnNames;
            this.values = new double[16 * columnNames.size()];
        }

        /**
         * @param policy what to do with out-of-order readings
         * @return this builder
         */
        public Builder onOutOfOrder(OrderPolicy policy) {
            this.orderPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * @param policy what to do with readings that share a timestamp
         * @return this builder
         */
        public Builder onDuplicate(DuplicatePolicy policy) {
            this.duplicatePolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Adds one reading.
         *
         * @param timestamp epoch milliseconds
         * @param rowValues one value per column
         * @return this builder
         */
        public Builder add(long timestamp, double... rowValues) {
            int width = columnNames.size();
            if (rowValues == null || rowValues.length != width) {
                throw new IllegalArgumentException("reading at " + timestamp + " has "
                        + (rowValues == null ? 0 : rowValues.length) + " values, expected " + width
                        + " (one per column " + columnNames + ")");
            }
            if (size == timestamps.length) {
                timestamps = Arrays.copyOf(timestamps, size * 2);
                values = Arrays.copyOf(values, size * 2 * width);
            }
            timestamps[size] = timestamp;
            System.arraycopy(rowValues, 0, values, size * width, width);
            size++;
            return this;
        }

        /**
         * Builds the series, applying the order and duplicate policies.
         *
         * @return the series
         * @throws IllegalArgumentException when a policy is {@code REJECT} and the input breaks it
         */
        public TimeSeries build() {
            int width = columnNames.size();
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            boolean sorted = true;
            for (int i = 1; i < size; i++) {
                if (timestamps[i] < timestamps[i - 1]) {
                    if (orderPolicy == OrderPolicy.REJECT) {
                        throw new IllegalArgumentException("reading " + i + " has timestamp " + timestamps[i]
                                + ", earlier than " + timestamps[i - 1] + " before it; set onOutOfOrder(SORT) "
                                + "to sort");
                    }
                    sorted = false;
                }
            }
            if (!sorted) {
                long[] ts = timestamps;
                Arrays.sort(order, (a, b) -> Long.compare(ts[a], ts[b])); // stable: arrival order among ties
            }
            long[] outTs = new long[size];
            double[][] outCols = new double[width][size];
            int n = 0;
            int drops = 0;
            for (int k = 0; k < size; k++) {
                int i = order[k];
                long t = timestamps[i];
                if (n > 0 && outTs[n - 1] == t) {
                    switch (duplicatePolicy) {
                        case REJECT -> throw new IllegalArgumentException("two readings have timestamp " + t
                                + "; set onDuplicate(KEEP_FIRST or KEEP_LAST) to keep one");
                        case KEEP_FIRST -> {
                            drops++;
                            continue;
                        }
                        case KEEP_LAST -> {
                            drops++;
                            n--;
                        }
                    }
                }
                outTs[n] = t;
                for (int c = 0; c < width; c++) {
                    outCols[c][n] = values[i * width + c];
                }
                n++;
            }
            dropped = drops;
            double[][] cols = new double[width][];
            for (int c = 0; c < width; c++) {
                cols[c] = Arrays.copyOf(outCols[c], n);
            }
            return new TimeSeries(Arrays.copyOf(outTs, n), columnNames, cols);
        }

        /**
         * @return how many duplicate readings the last {@link #build()} dropped
         * @throws IllegalStateException before {@link #build()} has run
         */
        public int dropped() {
            if (dropped < 0) {
                throw new IllegalStateException("dropped() is known only after build()");
            }
            return dropped;
        }
    }
}
