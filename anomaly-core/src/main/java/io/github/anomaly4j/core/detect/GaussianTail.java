package io.github.anomaly4j.core.detect;

/**
 * The standard normal upper tail {@code Q(z) = P(Z > z) = erfc(z / sqrt 2) / 2}, accurate to a few ulps in
 * relative terms: for {@code x = z / sqrt 2 <= 2} from the everywhere-positive series
 * {@code erf(x) = 2/sqrt(pi) exp(-x^2) sum_n 2^n x^(2n+1) / (1 3 5 ... (2n+1))} (Abramowitz and Stegun 7.1.6),
 * beyond from the continued fraction {@code erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}
 * (A and S 7.1.14) evaluated backwards. No allocation.
 */
final class GaussianTail {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;
    private static final double ONE_OVER_SQRT_2 = 0.7071067811865476;

    private GaussianTail() {
    }

    /** @return {@code Q(z)} for {@code z >= 0}; 0 beyond about 38.5, where it underflows */
    static double upper(double z) {
        double x = z * ONE_OVER_SQRT_2;
        if (x <= 2.0) {
            return 0.5 - 0.5 * erfSeries(x);
        }
        if (x > 27.3) {
            return 0.0;
        }
        return 0.5 * erfcFraction(x);
    }

    /** @return {@code 1 - Q(z) = P(Z <= z)} for {@code z >= 0}, computed without cancellation near z = 0 */
    static double lowerOfAbs(double z) {
        double x = z * ONE_OVER_SQRT_2;
        if (x <= 2.0) {
            return 0.5 + 0.5 * erfSeries(x);
        }
        return 1.0 - upper(z);
    }

    static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2.0 * x2 / (2 * n + 1);
            sum += term;
            if (term <= sum * 1e-17) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }

    static double erfcFraction(double x) {
        // 80 levels reach full double precision from x = 2 on (checked against the series in GaussianTailTest)
        int depth = x < 3.0 ? 80 : x < 6.0 ? 40 : 20;
        double f = x;
        for (int n = depth; n >= 1; n--) {
            f = x + (n * 0.5) / f;
        }
        return ONE_OVER_SQRT_PI * Math.exp(-x * x) / f;
    }
}
