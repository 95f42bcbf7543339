package io.github.anomaly4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParameterTest {

    static final Parameter<Integer> WINDOW = Parameter.integer("window", 50, 2, 1000, "readings per window");
    static final Parameter<Long> SEED = Parameter.longValue("seed", 42L, "random seed");
    static final Parameter<Double> QUANTILE = Parameter.real("quantile", 0.99, 0.5, 1.0, "threshold quantile");
    static final Parameter<Boolean> ROBUST = Parameter.bool("robust", false, "use median and MAD");
    static final Parameter<String> MODE = Parameter.choice("mode", "fast", List.of("fast", "exact"), "algorithm");

    @Nested
    class Integers {

        @Test
        void acceptsEveryRepresentationOfAWholeNumber() {
            assertThat(WINDOW.convert(100)).isEqualTo(100);
            assertThat(WINDOW.convert(100L)).isEqualTo(100);
            assertThat(WINDOW.convert(100.0)).isEqualTo(100);
            assertThat(WINDOW.convert(100.0f)).isEqualTo(100);
            assertThat(WINDOW.convert("100")).isEqualTo(100);
            assertThat(WINDOW.convert(" 100 ")).isEqualTo(100);
            assertThat(WINDOW.convert((short) 100)).isEqualTo(100);
            assertThat(WINDOW.convert((byte) 100)).isEqualTo(100);
            assertThat(WINDOW.convert(new BigDecimal("100.000"))).isEqualTo(100);
            assertThat(WINDOW.convert(BigInteger.valueOf(100))).isEqualTo(100);
        }

        @Test
        void boundsAreInclusive() {
            assertThat(WINDOW.convert(2)).isEqualTo(2);
            assertThat(WINDOW.convert(1000)).isEqualTo(1000);
        }

        @Test
        void refusesFractionsNamingTheParameter() {
            assertThatThrownBy(() -> WINDOW.convert(100.5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'window' must be a whole number, got 100.5");
            assertThatThrownBy(() -> WINDOW.convert(100.5f)).hasMessageContaining("whole number");
            assertThatThrownBy(() -> WINDOW.convert("100.5"))
                    .hasMessage("parameter 'window' must be a whole number, got '100.5'");
            assertThatThrownBy(() -> WINDOW.convert(Double.NaN)).hasMessageContaining("whole number, got NaN");
            assertThatThrownBy(() -> WINDOW.convert(Double.POSITIVE_INFINITY))
                    .hasMessageContaining("whole number, got Infinity");
        }

        @Test
        void refusesValuesOutOfRangeNamingTheParameterAndRange() {
            assertThatThrownBy(() -> WINDOW.convert(1001))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'window' must be in 2..1000, got 1001");
            assertThatThrownBy(() -> WINDOW.convert(1)).hasMessage("parameter 'window' must be in 2..1000, got 1");
            assertThatThrownBy(() -> WINDOW.convert("-5")).hasMessage("parameter 'window' must be in 2..1000, got -5");
            assertThatThrownBy(() -> WINDOW.convert(1e4)).hasMessageContaining("must be in 2..1000, got 10000.0");
        }

        @Test
        void longsBeyondIntRangeAreOutOfRangeNotTruncated() {
            Parameter<Integer> any = Parameter.integer("n", 0, Integer.MIN_VALUE, Integer.MAX_VALUE, "n");
            assertThat(any.convert((long) Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
            assertThat(any.convert((long) Integer.MIN_VALUE)).isEqualTo(Integer.MIN_VALUE);
            // 2^32 + 5 would truncate to 5 with a plain (int) cast.
            assertThatThrownBy(() -> any.convert((1L << 32) + 5))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("must be in -2147483648..2147483647, got 4294967301");
            assertThatThrownBy(() -> any.convert("4294967301")).hasMessageContaining("got 4294967301");
        }

        @Test
        void refusesWrongTypesNamingTheType() {
            assertThatThrownBy(() -> WINDOW.convert(true))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'window' must be a whole number, got true (Boolean)");
            assertThatThrownBy(() -> WINDOW.convert(null))
                    .hasMessage("parameter 'window' must be a whole number, got null");
            assertThatThrownBy(() -> WINDOW.convert(List.of(1))).hasMessageContaining("must be a whole number");
            assertThatThrownBy(() -> WINDOW.convert("ten"))
                    .hasMessage("parameter 'window' must be a whole number, got 'ten'");
            assertThatThrownBy(() -> WINDOW.convert("")).hasMessageContaining("whole number, got ''");
        }

        @Test
        void describesItself() {
            assertThat(WINDOW.name()).isEqualTo("window");
            assertThat(WINDOW.type()).isEqualTo(Integer.class);
            assertThat(WINDOW.defaultValue()).isEqualTo(50);
            assertThat(WINDOW.range()).isEqualTo("2..1000");
            assertThat(WINDOW.description()).isEqualTo("readings per window");
            assertThat(WINDOW).hasToString("window (Integer, 2..1000, default 50): readings per window");
        }

        @Test
        void defaultOutsideTheRangeIsRefusedAtDeclaration() {
            assertThatThrownBy(() -> Parameter.integer("window", 1, 2, 10, "w"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'window' must be in 2..10, got 1");
        }
    }

    @Nested
    class Longs {

        @Test
        void acceptsTheWholeLongRange() {
            assertThat(SEED.convert(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
            assertThat(SEED.convert(Long.MIN_VALUE)).isEqualTo(Long.MIN_VALUE);
            assertThat(SEED.convert("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
            assertThat(SEED.convert(7)).isEqualTo(7L);
            assertThat(SEED.convert(7.0)).isEqualTo(7L);
            assertThat(SEED.defaultValue()).isEqualTo(42L);
            assertThat(SEED.range()).isEqualTo("any long");
        }

        @Test
        void doublesAreAcceptedOnlyWhereTheyAreExact() {
            assertThat(SEED.convert((double) (1L << 53))).isEqualTo(1L << 53);
            assertThatThrownBy(() -> SEED.convert(0x1p60))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parameter 'seed' must be a whole number");
        }

        @Test
        void refusesFractionsAndNonNumbers() {
            assertThatThrownBy(() -> SEED.convert(1.25))
                    .hasMessage("parameter 'seed' must be a whole number, got 1.25");
            assertThatThrownBy(() -> SEED.convert("9223372036854775808"))
                    .hasMessage("parameter 'seed' must be a whole number, got '9223372036854775808'");
            assertThatThrownBy(() -> SEED.convert(false)).hasMessageContaining("got false (Boolean)");
        }

        @Test
        void largeExactIntegersAreNeverSilentlyRounded() {
            long big = (1L << 53) + 1;
            assertThat(SEED.convert(BigInteger.valueOf(big))).isEqualTo(big);
            assertThat(SEED.convert(new BigDecimal(big))).isEqualTo(big);
            assertThat(SEED.convert(new AtomicLong(big))).isEqualTo(big);
        }
    }

    @Nested
    class Reals {

        @Test
        void acceptsNumbersAndNumericStringsInRange() {
            assertThat(QUANTILE.convert(0.95)).isEqualTo(0.95);
            assertThat(QUANTILE.convert(1)).isEqualTo(1.0);
            assertThat(QUANTILE.convert(0.75f)).isEqualTo(0.75);
            assertThat(QUANTILE.convert(" 0.9 ")).isEqualTo(0.9);
            assertThat(QUANTILE.convert(new BigDecimal("0.5"))).isEqualTo(0.5);
            assertThat(QUANTILE.convert(0.5)).as("lower bound inclusive").isEqualTo(0.5);
            assertThat(QUANTILE.convert(1.0)).as("upper bound inclusive").isEqualTo(1.0);
            assertThat(QUANTILE.type()).isEqualTo(Double.class);
            assertThat(QUANTILE.range()).isEqualTo("[0.5, 1.0]");
        }

        @Test
        void refusesValuesOutOfRangeNamingParameterAndRange() {
            assertThatThrownBy(() -> QUANTILE.convert(1.01))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'quantile' must be in [0.5, 1.0], got 1.01");
            assertThatThrownBy(() -> QUANTILE.convert("0.1")).hasMessage(
                    "parameter 'quantile' must be in [0.5, 1.0], got 0.1");
        }

        @Test
        void refusesNanAndInfinities() {
            Parameter<Double> wide = Parameter.real("scale", 1, -Double.MAX_VALUE, Double.MAX_VALUE, "s");
            for (Object bad : new Object[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                    Float.NaN, "NaN", "Infinity", "-Infinity"}) {
                assertThatThrownBy(() -> wide.convert(bad)).as("%s", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageStartingWith("parameter 'scale' must be in");
            }
        }

        @Test
        void refusesWrongTypes() {
            assertThatThrownBy(() -> QUANTILE.convert("high"))
                    .hasMessage("parameter 'quantile' must be a number, got 'high'");
            assertThatThrownBy(() -> QUANTILE.convert(true))
                    .hasMessage("parameter 'quantile' must be a number, got true (Boolean)");
            assertThatThrownBy(() -> QUANTILE.convert(null))
                    .hasMessage("parameter 'quantile' must be a number, got null");
        }

        @Test
        void defaultOutsideTheRangeIsRefusedAtDeclaration() {
            assertThatThrownBy(() -> Parameter.real("q", 2.0, 0, 1, "q"))
                    .hasMessage("parameter 'q' must be in [0.0, 1.0], got 2.0");
        }

        @Test
        void anExclusiveLowerBoundRefusesTheBoundItselfAndSaysSo() {
            Parameter<Double> weight = Parameter.realAbove("alpha", 0.1, 0.0, 1.0, "weight");
            assertThat(weight.range()).isEqualTo("(0.0, 1.0]");
            assertThat(weight.convert(Double.MIN_VALUE)).isEqualTo(Double.MIN_VALUE);
            assertThat(weight.convert("1")).isEqualTo(1.0);
            assertThat(weight.defaultValue()).isEqualTo(0.1);
            for (Object bad : new Object[] {0.0, -0.0, "0", 0, -0.5, 1.0000001, Double.NaN, "Infinity"}) {
                assertThatThrownBy(() -> weight.convert(bad)).as("%s", bad)
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessage("parameter 'alpha' must be in (0.0, 1.0], got " + bad);
            }
            assertThatThrownBy(() -> Parameter.realAbove("alpha", 0.0, 0.0, 1.0, "weight"))
                    .hasMessage("parameter 'alpha' must be in (0.0, 1.0], got 0.0");
            assertThatThrownBy(() -> Parameter.realAbove("alpha", 1.0, 1.0, 1.0, "weight"))
                    .hasMessage("parameter 'alpha': the range (1.0, 1.0] is empty");
        }

        @Test
        void rangesWithANaNBoundOrNoValueAreRefusedAtDeclaration() {
            assertThatThrownBy(() -> Parameter.real("q", 0.5, Double.NaN, 1, "q"))
                    .hasMessage("parameter 'q': the range [NaN, 1.0] has a NaN bound");
            assertThatThrownBy(() -> Parameter.realAbove("q", 0.5, 0, Double.NaN, "q"))
                    .hasMessage("parameter 'q': the range (0.0, NaN] has a NaN bound");
            assertThatThrownBy(() -> Parameter.real("q", 0.5, 1, 0, "q"))
                    .hasMessage("parameter 'q': the range [1.0, 0.0] is empty");
            assertThat(Parameter.real("q", 0.5, 0.5, 0.5, "q").convert("0.5")).isEqualTo(0.5); // one value
            assertThatThrownBy(() -> Parameter.real("q", 1, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, "q"))
                    .hasMessage("parameter 'q': the range [Infinity, Infinity] holds no finite value");
            assertThatThrownBy(() -> Parameter.realAbove("q", 1, Double.MAX_VALUE, Double.POSITIVE_INFINITY, "q"))
                    .hasMessage("parameter 'q': the range (1.7976931348623157E308, Infinity] holds no finite value");
        }

        @Test
        void infiniteValuesAreRefusedEvenWithAnUnboundedRange() {
            Parameter<Double> unbounded = Parameter.real("scale", 1, 0, Double.POSITIVE_INFINITY, "s");
            assertThatThrownBy(() -> unbounded.convert(Double.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> unbounded.convert("Infinity")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Booleans {

        @Test
        void acceptsBooleansAndTheirNamesInAnyCase() {
            assertThat(ROBUST.convert(true)).isTrue();
            assertThat(ROBUST.convert(Boolean.FALSE)).isFalse();
            assertThat(ROBUST.convert("true")).isTrue();
            assertThat(ROBUST.convert(" FALSE ")).isFalse();
            assertThat(ROBUST.convert("True")).isTrue();
            assertThat(ROBUST.defaultValue()).isFalse();
            assertThat(ROBUST.range()).isEqualTo("true|false");
        }

        @ParameterizedTest
        @ValueSource(strings = {"yes", "1", "on", "", "t"})
        void refusesOtherStrings(String raw) {
            assertThatThrownBy(() -> ROBUST.convert(raw))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'robust' must be true or false, got '" + raw + "'");
        }

        @Test
        void refusesNumbers() {
            assertThatThrownBy(() -> ROBUST.convert(1))
                    .hasMessage("parameter 'robust' must be true or false, got 1 (Integer)");
        }
    }

    @Nested
    class Choices {

        @Test
        void acceptsExactlyTheListedStrings() {
            assertThat(MODE.convert("exact")).isEqualTo("exact");
            assertThat(MODE.defaultValue()).isEqualTo("fast");
            assertThat(MODE.range()).isEqualTo("fast|exact");
            assertThat(MODE).hasToString("mode (String, fast|exact, default fast): algorithm");
        }

        @Test
        void refusesOtherValuesListingTheChoices() {
            assertThatThrownBy(() -> MODE.convert("slow"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'mode' must be one of [fast, exact], got 'slow'");
            assertThatThrownBy(() -> MODE.convert("FAST")).as("case-sensitive")
                    .hasMessageContaining("got 'FAST'");
            assertThatThrownBy(() -> MODE.convert(1)).hasMessageContaining("got 1 (Integer)");
        }

        @Test
        void defaultMustBeOneOfTheChoices() {
            assertThatThrownBy(() -> Parameter.choice("mode", "medium", List.of("fast", "exact"), "m"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'mode' must be one of [fast, exact], got 'medium'");
        }

        @Test
        void nullDefaultMakesTheParameterRequired() {
            Parameter<String> required = Parameter.choice("mode", null, List.of("a"), "m");
            assertThat(required.defaultValue()).isNull();
        }

        @Test
        void choicesAreCopied() {
            List<String> choices = new java.util.ArrayList<>(List.of("a", "b"));
            Parameter<String> p = Parameter.choice("mode", "a", choices, "m");
            choices.add("c");
            assertThatThrownBy(() -> p.convert("c")).hasMessageContaining("[a, b]");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Window", "my-param", "my_param", "2x", "", "a b"})
    void parameterNamesMustBeLowerCamelCase(String name) {
        assertThatThrownBy(() -> Parameter.bool(name, true, "d"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("parameter name must be lowerCamelCase letters and digits, got '" + name + "'");
    }

    @Test
    void lowerCamelCaseNamesAreAccepted() {
        assertThat(Parameter.bool("sampleSize2", true, "d").name()).isEqualTo("sampleSize2");
        assertThat(Parameter.bool("x", true, "d").name()).isEqualTo("x");
    }

    @Test
    void descriptionIsRequired() {
        assertThatThrownBy(() -> Parameter.bool("x", true, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("description");
    }

    @Nested
    class Texts {
        final Parameter<String> code = Parameter.text("code", "ab", "two lower-case letters", v -> {
            if (!v.trim().matches("[A-Za-z]{2}")) {
                throw new IllegalArgumentException("not two letters");
            }
            return v.trim().toLowerCase(java.util.Locale.ROOT);
        }, "a code");

        @Test
        void theCheckValidatesAndNormalises() {
            assertThat(code.convert(" XY ")).isEqualTo("xy");
            assertThat(code.defaultValue()).isEqualTo("ab");
            assertThat(code.range()).isEqualTo("two lower-case letters");
        }

        @Test
        void aRefusalNamesTheParameterTheRangeTheValueAndTheReason() {
            assertThatThrownBy(() -> code.convert("xyz")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("parameter 'code' must be two lower-case letters, got 'xyz': not two letters");
            assertThatThrownBy(() -> code.convert(12)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("parameter 'code' must be two lower-case letters, got 12");
            assertThatThrownBy(() -> Parameter.text("code", "abc", "two letters", v -> {
                throw new IllegalArgumentException("never");
            }, "d")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'abc'");
        }
    }
}
