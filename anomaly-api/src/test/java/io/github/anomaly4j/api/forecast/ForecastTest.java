package io.github.anomaly4j.api.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForecastTest {

    private static Forecast sample() {
        return new Forecast(new long[] {100, 200}, new double[] {5, 6}, new double[] {4, 4.5}, new double[] {6, 8},
                0.95);
    }

    @Test
    void carriesItsStepsAndLevel() {
        Forecast f = sample();
        assertThat(f.horizon()).isEqualTo(2);
        assertThat(f.timestamps()).containsExactly(100, 200);
        assertThat(f.mean()).containsExactly(5, 6);
        assertThat(f.lower()).containsExactly(4, 4.5);
        assertThat(f.upper()).containsExactly(6, 8);
        assertThat(f.level()).isEqualTo(0.95);
    }

    @Test
    void degenerateIntervalWhereBoundsEqualTheMeanIsAllowed() {
        Forecast f = new Forecast(new long[] {1}, new double[] {3}, new double[] {3}, new double[] {3}, 0.5);
        assertThat(f.lower()).containsExactly(3);
        assertThat(f.upper()).containsExactly(3);
    }

    @Test
    void emptyOrMismatchedArraysAreRefusedListingAllLengths() {
        assertThatThrownBy(() -> new Forecast(new long[0], new double[0], new double[0], new double[0], 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("same non-zero length; got 0, 0, 0, 0");
        assertThatThrownBy(() -> new Forecast(new long[2], new double[2], new double[2], new double[3], 0.9))
                .hasMessageContaining("got 2, 2, 2, 3");
        assertThatThrownBy(() -> new Forecast(new long[1], new double[2], new double[2], new double[2], 0.9))
                .hasMessageContaining("got 1, 2, 2, 2");
        assertThatThrownBy(() -> new Forecast(new long[2], new double[2], new double[1], new double[2], 0.9))
                .hasMessageContaining("got 2, 2, 1, 2");
    }

    @Test
    void nullArraysAreRefusedByName() {
        assertThatThrownBy(() -> new Forecast(null, new double[1], new double[1], new double[1], 0.9))
                .isInstanceOf(NullPointerException.class).hasMessage("timestamps");
        assertThatThrownBy(() -> new Forecast(new long[1], null, new double[1], new double[1], 0.9))
                .hasMessage("mean");
        assertThatThrownBy(() -> new Forecast(new long[1], new double[1], null, new double[1], 0.9))
                .hasMessage("lower");
        assertThatThrownBy(() -> new Forecast(new long[1], new double[1], new double[1], null, 0.9))
                .hasMessage("upper");
    }

    @Test
    void levelMustBeStrictlyInsideTheUnitInterval() {
        for (double bad : new double[] {0.0, 1.0, -0.5, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> new Forecast(new long[1], new double[1], new double[1], new double[1], bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("level must be in (0, 1), got " + bad);
        }
    }

    @Test
    void boundsOutOfOrderAreRefusedNamingTheStep() {
        assertThatThrownBy(() -> new Forecast(new long[] {1, 2}, new double[] {5, 6}, new double[] {4, 7},
                new double[] {6, 8}, 0.9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("step 1: expected lower <= mean <= upper, got 7.0, 6.0, 8.0");
        assertThatThrownBy(() -> new Forecast(new long[] {1}, new double[] {5}, new double[] {4},
                new double[] {4.9}, 0.9))
                .hasMessage("step 0: expected lower <= mean <= upper, got 4.0, 5.0, 4.9");
    }

    @Test
    void nanInAnyOfMeanLowerUpperIsRefused() {
        assertThatThrownBy(() -> new Forecast(new long[1], new double[] {Double.NaN}, new double[] {0},
                new double[] {1}, 0.9)).hasMessageStartingWith("step 0:");
        assertThatThrownBy(() -> new Forecast(new long[1], new double[] {0}, new double[] {Double.NaN},
                new double[] {1}, 0.9)).hasMessageStartingWith("step 0:");
        assertThatThrownBy(() -> new Forecast(new long[1], new double[] {0}, new double[] {0},
                new double[] {Double.NaN}, 0.9)).hasMessageStartingWith("step 0:");
    }

    @Test
    void inputArraysAreCopied() {
        long[] ts = {1, 2};
        double[] mean = {5, 6};
        double[] lower = {4, 5};
        double[] upper = {6, 7};
        Forecast f = new Forecast(ts, mean, lower, upper, 0.8);
        ts[0] = 99;
        mean[0] = 99;
        lower[0] = 99;
        upper[0] = 99;
        assertThat(f.timestamps()).containsExactly(1, 2);
        assertThat(f.mean()).containsExactly(5, 6);
        assertThat(f.lower()).containsExactly(4, 5);
        assertThat(f.upper()).containsExactly(6, 7);
    }

    @Test
    void returnedArraysAreCopies() {
        Forecast f = sample();
        f.timestamps()[0] = 99;
        f.mean()[0] = 99;
        f.lower()[0] = 99;
        f.upper()[0] = 99;
        assertThat(f).isEqualTo(sample());
        assertThat(f.mean()).containsExactly(5, 6);
    }

    @Test
    void equalsComparesArrayContentsAndLevel() {
        assertThat(sample()).isEqualTo(sample()).hasSameHashCodeAs(sample()).isNotEqualTo(null);
        assertThat(sample()).isNotEqualTo(new Forecast(new long[] {100, 201}, new double[] {5, 6},
                new double[] {4, 4.5}, new double[] {6, 8}, 0.95));
        assertThat(sample()).isNotEqualTo(new Forecast(new long[] {100, 200}, new double[] {5, 6.5},
                new double[] {4, 4.5}, new double[] {6, 8}, 0.95));
        assertThat(sample()).isNotEqualTo(new Forecast(new long[] {100, 200}, new double[] {5, 6},
                new double[] {4, 4}, new double[] {6, 8}, 0.95));
        assertThat(sample()).isNotEqualTo(new Forecast(new long[] {100, 200}, new double[] {5, 6},
                new double[] {4, 4.5}, new double[] {6, 9}, 0.95));
        assertThat(sample()).isNotEqualTo(new Forecast(new long[] {100, 200}, new double[] {5, 6},
                new double[] {4, 4.5}, new double[] {6, 8}, 0.9));
    }

    @Test
    void toStringShowsHorizonLevelAndMean() {
        assertThat(sample().toString()).isEqualTo("Forecast[h=2, level=0.95, mean=[5.0, 6.0]]");
    }
}
