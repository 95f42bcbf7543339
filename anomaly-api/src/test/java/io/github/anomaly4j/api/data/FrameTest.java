package io.github.anomaly4j.api.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {

    private static Frame sample() {
        return Frame.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3, 4}, {5, 6}});
    }

    @Test
    void rowMajorInputIsReadBackByRowAndColumn() {
        Frame f = sample();
        assertThat(f.rows()).isEqualTo(3);
        assertThat(f.width()).isEqualTo(2);
        assertThat(f.columnNames()).containsExactly("a", "b");
        assertThat(f.get(2, 1)).isEqualTo(6);
        assertThat(f.row(1)).containsExactly(3, 4);
        assertThat(f.column(0)).containsExactly(1, 3, 5);
        assertThat(f.column("b")).containsExactly(2, 4, 6);
        assertThat(f.toRows()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}, {5, 6}});
    }

    @Test
    void ofRowsWithoutNamesGeneratesXNames() {
        Frame f = Frame.ofRows(new double[][] {{1, 2, 3}});
        assertThat(f.columnNames()).containsExactly("x0", "x1", "x2");
        assertThat(f.row(0)).containsExactly(1, 2, 3);
    }

    @Test
    void ofColumnsEqualsTheSameDataGivenByRows() {
        Frame byColumns = Frame.ofColumns(List.of("a", "b"), new double[][] {{1, 3, 5}, {2, 4, 6}});
        assertThat(byColumns).isEqualTo(sample()).hasSameHashCodeAs(sample());
    }

    @Test
    void ofRowsWithoutNamesRefusesEmptyInputPointingToTheNamedFactory() {
        assertThatThrownBy(() -> Frame.ofRows(new double[0][]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows is empty")
                .hasMessageContaining("ofRows(names, rows)");
        assertThatThrownBy(() -> Frame.ofRows(new double[][] {{}}))
                .hasMessageContaining("at least one column");
        assertThatThrownBy(() -> Frame.ofRows(new double[][] {null}))
                .isInstanceOf(NullPointerException.class).hasMessage("rows[0]");
    }

    @Test
    void emptyFrameOfKnownWidth() {
        Frame f = Frame.ofRows(List.of("a", "b"), new double[0][]);
        assertThat(f.rows()).isZero();
        assertThat(f.width()).isEqualTo(2);
        assertThat(f.toRows()).isEmpty();
        assertThat(f.column("a")).isEmpty();
        assertThat(f).isEqualTo(Frame.ofColumns(List.of("a", "b"), new double[][] {{}, {}}));
    }

    @Test
    void raggedRowsAreRefusedNamingTheRow() {
        assertThatThrownBy(() -> Frame.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 values, expected 2 (one per column [a, b])");
        assertThatThrownBy(() -> Frame.ofRows(new double[][] {{1, 2}, {3, 4}, {5, 6, 7}}))
                .hasMessageContaining("row 2 has 3 values, expected 2");
        assertThatThrownBy(() -> Frame.ofRows(List.of("a"), new double[][] {{1}, null}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 is null");
    }

    @Test
    void raggedColumnsAreRefusedNamingBothColumns() {
        assertThatThrownBy(() -> Frame.ofColumns(List.of("a", "b"), new double[][] {{1, 2}, {3}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'b' has 1 values, column 'a' has 2");
        assertThatThrownBy(() -> Frame.ofColumns(List.of("a", "b"), new double[][] {{1}, null}))
                .hasMessage("column 'b' is null");
        assertThatThrownBy(() -> Frame.ofColumns(List.of("a", "b"), new double[][] {{1}}))
                .hasMessage("1 columns given for 2 column names [a, b]");
    }

    @Test
    void columnNamesAreChecked() {
        assertThatThrownBy(() -> Frame.ofRows(List.of("a", "a"), new double[][] {{1, 2}}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("duplicate column name 'a' in [a, a]");
        assertThatThrownBy(() -> Frame.ofRows(List.of("a", " "), new double[][] {{1, 2}}))
                .hasMessageContaining("non-blank");
        assertThatThrownBy(() -> Frame.ofRows(List.of(), new double[][] {{}}))
                .hasMessage("at least one column is required");
        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Frame.ofRows(withNull, new double[][] {{1}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-blank");
        assertThatThrownBy(() -> Frame.ofRows((List<String>) null, new double[][] {{1}}))
                .isInstanceOf(NullPointerException.class).hasMessage("columnNames");
    }

    @Test
    void inputIsCopied() {
        double[] r0 = {1, 2};
        double[][] rows = {r0, {3, 4}};
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Frame byRows = Frame.ofRows(names, rows);
        r0[0] = 99;
        rows[1] = new double[] {0, 0};
        names.set(0, "z");
        assertThat(byRows.toRows()).isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(byRows.columnNames()).containsExactly("a", "b");

        double[] c0 = {1, 3};
        Frame byColumns = Frame.ofColumns(List.of("a", "b"), new double[][] {c0, {2, 4}});
        c0[0] = 99;
        assertThat(byColumns.column(0)).containsExactly(1, 3);
    }

    @Test
    void outputIsCopied() {
        Frame f = sample();
        f.row(0)[0] = 99;
        f.column(0)[1] = 99;
        f.column("b")[2] = 99;
        f.toRows()[0][1] = 99;
        assertThat(f).isEqualTo(sample());
        assertThat(f.get(0, 0)).isEqualTo(1);
        assertThatThrownBy(() -> f.columnNames().set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rowIntoBufferWritesTheFirstWidthSlots() {
        double[] out = {-1, -1, -1};
        sample().row(2, out);
        assertThat(out).containsExactly(5, 6, -1);
    }

    @Test
    void rowIntoTooSmallBufferIsRefusedNamingSizes() {
        assertThatThrownBy(() -> sample().row(0, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("out has 1 slots, the frame is 2 wide");
    }

    @Test
    void rowIndexOutOfRangeIsRefused() {
        assertThatThrownBy(() -> sample().row(3)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sample().get(-1, 0)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> sample().get(3, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void unknownColumnNameListsTheColumns() {
        assertThatThrownBy(() -> sample().column("c"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no column 'c'; columns are [a, b]");
    }

    @Test
    void requireFiniteAcceptsFiniteDataAndReturnsTheFrame() {
        Frame f = sample();
        assertThat(f.requireFinite()).isSameAs(f);
    }

    @Test
    void requireFiniteNamesTheFirstBadRowAndColumn() {
        Frame f = Frame.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3, Double.NaN}, {Double.NaN, 0}});
        assertThatThrownBy(f::requireFinite)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1, column 'b' (index 1) is NaN; values must be finite");
        Frame inf = Frame.ofRows(new double[][] {{1, 2}, {Double.NEGATIVE_INFINITY, 2}});
        assertThatThrownBy(inf::requireFinite)
                .hasMessageContaining("row 1, column 'x0' (index 0) is -Infinity");
    }

    @Test
    void requireFiniteRefusesAFrameWithoutRows() {
        assertThatThrownBy(() -> Frame.ofRows(List.of("a"), new double[0][]).requireFinite())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void nanIsStoredAndEqualToItself() {
        Frame a = Frame.ofRows(new double[][] {{Double.NaN}});
        Frame b = Frame.ofRows(new double[][] {{Double.NaN}});
        assertThat(a.get(0, 0)).isNaN();
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    }

    @Test
    void equalsComparesNamesShapeAndValues() {
        assertThat(sample()).isEqualTo(sample()).isNotEqualTo(null).isNotEqualTo("Frame");
        assertThat(sample()).isNotEqualTo(Frame.ofRows(List.of("a", "c"), new double[][] {{1, 2}, {3, 4}, {5, 6}}));
        assertThat(sample()).isNotEqualTo(Frame.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3, 4}, {5, 7}}));
        assertThat(sample()).isNotEqualTo(Frame.ofRows(List.of("a", "b"), new double[][] {{1, 2}, {3, 4}}));
        Frame empty1 = Frame.ofRows(List.of("a"), new double[0][]);
        Frame empty2 = Frame.ofRows(List.of("b"), new double[0][]);
        assertThat(empty1).isNotEqualTo(empty2);
    }

    @Test
    void toStringShowsRowsAndNames() {
        assertThat(sample().toString()).isEqualTo("Frame[3 rows x [a, b]]");
    }
}
