package io.github.anomaly4j.api.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttributionTest {

    @Test
    void looksUpContributionsByFeatureName() {
        Attribution a = new Attribution(List.of("cpu", "mem", "disk"), new double[] {0.1, 0.7, 0.2});
        assertThat(a.features()).containsExactly("cpu", "mem", "disk");
        assertThat(a.contribution("mem")).isEqualTo(0.7);
        assertThat(a.contribution("disk")).isEqualTo(0.2);
    }

    @Test
    void unknownFeatureListsTheFeatures() {
        Attribution a = new Attribution(List.of("cpu", "mem"), new double[] {1, 2});
        assertThatThrownBy(() -> a.contribution("net"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no feature 'net'; features are [cpu, mem]");
    }

    @Test
    void topIsTheLargestContributionAndTheFirstOnTies() {
        assertThat(new Attribution(List.of("a", "b", "c"), new double[] {1, 3, 2}).top()).isEqualTo("b");
        assertThat(new Attribution(List.of("a", "b", "c"), new double[] {5, 1, 5}).top()).isEqualTo("a");
        assertThat(new Attribution(List.of("a", "b", "c"), new double[] {1, 2, 2}).top()).isEqualTo("b");
        assertThat(new Attribution(List.of("only"), new double[] {0}).top()).isEqualTo("only");
    }

    @Test
    void lengthMismatchIsRefusedNamingBothCounts() {
        assertThatThrownBy(() -> new Attribution(List.of("a", "b"), new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("2 feature names for 1 contributions");
    }

    @Test
    void nullsAreRefused() {
        assertThatThrownBy(() -> new Attribution(null, new double[0])).isInstanceOf(NullPointerException.class)
                .hasMessage("features");
        assertThatThrownBy(() -> new Attribution(List.of(), null)).isInstanceOf(NullPointerException.class)
                .hasMessage("contributions");
    }

    @Test
    void inputIsCopied() {
        double[] c = {1, 2};
        List<String> names = new ArrayList<>(List.of("a", "b"));
        Attribution a = new Attribution(names, c);
        c[0] = 99;
        names.set(0, "z");
        assertThat(a.contributions()).containsExactly(1, 2);
        assertThat(a.features()).containsExactly("a", "b");
    }

    @Test
    void outputIsCopied() {
        Attribution a = new Attribution(List.of("a", "b"), new double[] {1, 2});
        a.contributions()[0] = 99;
        assertThat(a.contributions()).containsExactly(1, 2);
        assertThat(a.contribution("a")).isEqualTo(1);
        assertThatThrownBy(() -> a.features().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void equalsComparesArrayContents() {
        Attribution a = new Attribution(List.of("a", "b"), new double[] {1, 2});
        Attribution same = new Attribution(List.of("a", "b"), new double[] {1, 2});
        assertThat(a).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(null).isNotEqualTo("a");
        assertThat(a).isNotEqualTo(new Attribution(List.of("a", "b"), new double[] {1, 3}));
        assertThat(a).isNotEqualTo(new Attribution(List.of("a", "c"), new double[] {1, 2}));
        assertThat(a).isNotEqualTo(new Attribution(List.of("b", "a"), new double[] {2, 1}));
    }

    @Test
    void toStringShowsNamesAndValues() {
        assertThat(new Attribution(List.of("a", "b"), new double[] {1, 2.5}).toString())
                .isEqualTo("Attribution[a, b]=[1.0, 2.5]");
    }
}
