package io.github.anomaly4j.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeSeriesTest {

    private static TimeSeries twoColumns() {
        return TimeSeries.of(new long[] {10, 20, 30}, List.of("cpu", "mem"),
                new double[][] {{1, 2, 3}, {0.1, 0.2, 0.3}});
    }

    @Test
    void singleColumnSeriesIsNamedValue() {
        TimeSeries s = TimeSeries.of(new long[] {1, 2, 3}, new double[] {5, 6, 7});
        assertThat(s.columnNames()).containsExactly(TimeSeries.DEFAULT_COLUMN);
        assertThat(TimeSeries.DEFAULT_COLUMN).isEqualTo("value");
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.width()).isEqualTo(1);
        assertThat(s.column("value")).containsExactly(5, 6, 7);
        assertThat(s.timestamp(2)).isEqualTo(3L);
    }

    @Test
    void namedSingleColumnSeries() {
        TimeSeries s = TimeSeries.of(new long[] {1, 2}, "temp", new double[] {20.5, 21.0});
        assertThat(s.columnNames()).containsExactly("temp");
        assertThat(s.indexOf("temp")).isZero();
        assertThat(s.value(1, 0)).isEqualTo(21.0);
    }

    @Test
    void multiColumnAccessors() {
        TimeSeries s = twoColumns();
        assertThat(s.size()).isEqualTo(3);
        assertThat(s.width()).isEqualTo(2);
        assertThat(s.columnNames()).containsExactly("cpu", "mem");
        assertThat(s.timestamps()).containsExactly(10, 20, 30);
        assertThat(s.value(1, 1)).isEqualTo(0.2);
        assertThat(s.column(0)).containsExactly(1, 2, 3);
        assertThat(s.column("mem")).containsExactly(0.1, 0.2, 0.3);
        assertThat(s.indexOf("mem")).isEqualTo(1);
        double[] out = new double[2];
        s.values(2, out);
        assertThat(out).containsExactly(3, 0.3);
    }

    @Test
    void valuesWritesOnlyTheFirstWidthSlotsOfALargerBuffer() {
        double[] out = {-1, -1, -1, -1};
        twoColumns().values(0, out);
        assertThat(out).containsExactly(1, 0.1, -1, -1);
    }

    @Test
    void emptySeriesIsAllowed() {
        TimeSeries s = TimeSeries.of(new long[0], new double[0]);
        assertThat(s.size()).isZero();
        assertThat(s.width()).isEqualTo(1);
        assertThat(s.timestamps()).isEmpty();
        assertThat(s.toString()).isEqualTo("TimeSeries[0 readings x [value]]");
    }

    @Test
    void nanMeansMissingAndIsKept() {
        TimeSeries s = TimeSeries.of(new long[] {1, 2}, new double[] {Double.NaN, 1});
        assertThat(s.value(0, 0)).isNaN();
    }

    @Test
    void duplicateTimestampIsRefusedNamingIndexAndBothTimestamps() {
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1, 5, 5, 9}, new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("strictly increasing")
                .hasMessageContaining("timestamp 5 at index 2 duplicates 5 at index 1")
                .hasMessageContaining("TimeSeries.builder");
    }

    @Test
    void outOfOrderTimestampIsRefusedNamingIndexAndBothTimestamps() {
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1, 7, 3}, new double[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timestamp 3 at index 2 is earlier than 7 at index 1");
    }

    @Test
    void extremeTimestampsAreOrderedAsSignedLongs() {
        TimeSeries s = TimeSeries.of(new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, new double[4]);
        assertThat(s.timestamps()).containsExactly(Long.MIN_VALUE, -1, 0, Long.MAX_VALUE);
        assertThatThrownBy(() -> TimeSeries.of(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}, new double[2]))
                .hasMessageContaining("index 1 is earlier than " + Long.MAX_VALUE);
    }

    @Test
    void columnLengthMismatchNamesTheColumn() {
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1, 2, 3}, List.of("a", "b"),
                new double[][] {{1, 2, 3}, {1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'b' has 2 values for 3 timestamps");
    }

    @Test
    void nullColumnNamesTheColumn() {
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, List.of("a", "b"), new double[][] {{1}, null}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'b' is null");
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, (double[]) null))
                .hasMessage("column 'value' is null");
    }

    @Test
    void columnCountMustMatchNames() {
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, List.of("a", "b"), new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("1 columns given for 2 column names [a, b]");
    }

    @Test
    void columnNamesMustBeDistinctNonBlankAndPresent() {
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, List.of("a", "a"), new double[][] {{1}, {2}}))
                .hasMessageContaining("duplicate column name 'a'");
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, List.of(" "), new double[][] {{1}}))
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, List.of(), new double[][] {}))
                .hasMessageContaining("at least one column");
        assertThatThrownBy(() -> TimeSeries.of(new long[] {1}, (String) null, new double[] {1}))
                .isInstanceOf(NullPointerException.class).hasMessage("name");
        assertThatThrownBy(() -> TimeSeries.of(null, new double[0]))
                .isInstanceOf(NullPointerException.class).hasMessage("timestamps");
    }

    @Test
    void unknownColumnNameListsTheColumns() {
        assertThatThrownBy(() -> twoColumns().column("disk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column 'disk'; columns are [cpu, mem]");
        assertThatThrownBy(() -> twoColumns().indexOf("disk")).hasMessageContaining("[cpu, mem]");
    }

    @Test
    void indexOutOfRangeIsRefused() {
        TimeSeries s = twoColumns();
        assertThatThrownBy(() -> s.value(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.value(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.values(3, new double[2])).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.timestamp(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> s.column(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void inputArraysAreCopied() {
        long[] ts = {1, 2};
        double[] a = {10, 20};
        double[] b = {30, 40};
        double[][] cols = {a, b};
        List<String> names = new ArrayList<>(List.of("a", "b"));
        TimeSeries s = TimeSeries.of(ts, names, cols);
        ts[0] = 99;
        a[0] = -1;
        cols[1] = new double[] {0, 0};
        names.set(0, "z");
        assertThat(s.timestamps()).containsExactly(1, 2);
        assertThat(s.column(0)).containsExactly(10, 20);
        assertThat(s.column(1)).containsExactly(30, 40);
        assertThat(s.columnNames()).containsExactly("a", "b");
    }

    @Test
    void returnedArraysAreCopies() {
        TimeSeries s = twoColumns();
        s.timestamps()[0] = 99;
        s.column(0)[0] = 99;
        s.column("mem")[0] = 99;
        assertThat(s.timestamps()).containsExactly(10, 20, 30);
        assertThat(s.column(0)).containsExactly(1, 2, 3);
        assertThat(s.column(1)).containsExactly(0.1, 0.2, 0.3);
        assertThat(s).isEqualTo(twoColumns());
    }

    @Test
    void columnNamesAreUnmodifiable() {
        assertThatThrownBy(() -> twoColumns().columnNames().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void sliceTakesAHalfOpenIndexRange() {
        TimeSeries s = twoColumns().slice(1, 3);
        assertThat(s.timestamps()).containsExactly(20, 30);
        assertThat(s.column("cpu")).containsExactly(2, 3);
        assertThat(s.column("mem")).containsExactly(0.2, 0.3);
        assertThat(s.columnNames()).containsExactly("cpu", "mem");
        assertThat(twoColumns().slice(1, 1).size()).isZero();
        assertThat(twoColumns().slice(0, 3)).isEqualTo(twoColumns());
    }

    @Test
    void sliceRefusesBadRanges() {
        assertThatThrownBy(() -> twoColumns().slice(2, 1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> twoColumns().slice(0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> twoColumns().slice(-1, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void sliceIsIndependentOfTheOriginal() {
        TimeSeries original = twoColumns();
        TimeSeries slice = original.slice(0, 2);
        slice.column(0)[0] = 42;
        assertThat(original.value(0, 0)).isEqualTo(1);
        assertThat(slice.value(0, 0)).isEqualTo(1);
    }

    @Test
    void toFrameKeepsNamesAndValuesAndDropsTimestamps() {
        Frame f = twoColumns().toFrame();
        assertThat(f.columnNames()).containsExactly("cpu", "mem");
        assertThat(f.rows()).isEqualTo(3);
        assertThat(f.row(1)).containsExactly(2, 0.2);
        assertThat(f).isEqualTo(Frame.ofColumns(List.of("cpu", "mem"), new double[][] {{1, 2, 3}, {0.1, 0.2, 0.3}}));
    }

    @Test
    void equalsAndHashCodeCompareTimestampsNamesAndValues() {
        TimeSeries a = twoColumns();
        TimeSeries b = twoColumns();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(null).isNotEqualTo("TimeSeries");
        assertThat(a).isEqualTo(a);
        assertThat(a).isNotEqualTo(TimeSeries.of(new long[] {10, 20, 31}, List.of("cpu", "mem"),
                new double[][] {{1, 2, 3}, {0.1, 0.2, 0.3}}));
        assertThat(a).isNotEqualTo(TimeSeries.of(new long[] {10, 20, 30}, List.of("cpu", "disk"),
                new double[][] {{1, 2, 3}, {0.1, 0.2, 0.3}}));
        assertThat(a).isNotEqualTo(TimeSeries.of(new long[] {10, 20, 30}, List.of("cpu", "mem"),
                new double[][] {{1, 2, 3}, {0.1, 0.2, 0.4}}));
    }

    @Test
    void nanValuesAreEqualToThemselves() {
        TimeSeries a = TimeSeries.of(new long[] {1}, new double[] {Double.NaN});
        TimeSeries b = TimeSeries.of(new long[] {1}, new double[] {Double.NaN});
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void toStringShowsSizeColumnsAndTimeRange() {
        assertThat(twoColumns().toString()).isEqualTo("TimeSeries[3 readings x [cpu, mem], 10..30]");
    }
}
