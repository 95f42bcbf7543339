package io.github.anomaly4j.core;

import io.github.anomaly4j.api.detect.Threshold;
import java.util.Arrays;

/**
 * Built-in threshold rules. A reading is anomalous when its raw score is strictly greater than the chosen cut-off.
 *
 * <pre>{@code
 * Threshold t = Thresholds.quantile(0.999); // flag about 1 in 1,000 readings like the validation data
 * }</pre>
 */
public final class Thresholds {
    private Thresholds() {
    }

    /**
     * A cut-off fixed in advance, e.g. 3 standard deviations for a z-score.
     *
     * @param value the cut-off, finite
     * @return the rule
     */
    public static Threshold fixed(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("fixed threshold must be finite, got " + value);
        }
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                return value;
            }

            @Override
            public String describe() {
                return "fixed(" + value + ")";
            }
        };
    }

    /**
     * The {@code q}-quantile of the validation scores (linear interpolation between order statistics, the
     * "type 7" definition of Hyndman and Fan used by R and NumPy by default). On data like the validation data,
     * about {@code 1 - q} of readings score above it.
     *
     * @param q the quantile, in (0, 1]
     * @return the rule
     */
    public static Threshold quantile(double q) {
        if (!(q > 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("quantile must be in (0, 1], got " + q);
        }
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                double[] sorted = checkedSortedCopy(scores);
                return quantileOfSorted(sorted, q);
            }

            @Override
            public String describe() {
                return "quantile(" + q + ")";
            }
        };
    }

    /**
     * The cut-off that maximises F1 on labelled validation scores: every distinct score is tried as the lowest
     * flagged one (flagging {@code score >= v}), and the returned cut-off lies just below the best {@code v} (the
     * next lower distinct score, or {@code Math.nextDown(min)} when everything is flagged). Ties in F1 go to the
     * higher cut-off, with fewer alarms. Needs labels: fit a pipeline with
     * {@link PipelineBuilder#fit(io.github.anomaly4j.api.data.TimeSeries, io.github.anomaly4j.api.data.TimeSeries,
     * boolean[])}.
     *
     * @return the rule
     */
    public static Threshold f1Optimal() {
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                checkedSortedCopy(scores);
                if (labels == null || labels.length != scores.length) {
                    throw new IllegalArgumentException("f1Optimal needs one label per score; got "
                            + (labels == null ? "none" : labels.length + " labels for " + scores.length + " scores"));
                }
                int n = scores.length;
                Integer[] order = new Integer[n];
                int positives = 0;
                for (int i = 0; i < n; i++) {
                    order[i] = i;
                    positives += labels[i] ? 1 : 0;
                }
                if (positives == 0) {
                    throw new IllegalArgumentException("f1Optimal needs at least one labelled anomaly among the "
                            + n + " validation scores");
                }
                java.util.Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
                int tp = 0;
                int flagged = 0;
                double bestF1 = -1.0;
                int bestEnd = 0; // readings order[0, bestEnd) are flagged
                for (int i = 0; i < n; ) {
                    double v = scores[order[i]];
                    while (i < n && scores[order[i]] == v) {
                        tp += labels[order[i]] ? 1 : 0;
                        flagged++;
                        i++;
                    }
                    double f1 = 2.0 * tp / (flagged + positives);
                    if (f1 > bestF1) {
                        bestF1 = f1;
                        bestEnd = i;
                    }
                }
                double lowestFlagged = scores[order[bestEnd - 1]];
                return bestEnd < n ? scores[order[bestEnd]] : Math.nextDown(lowestFlagged);
            }

            @Override
            public boolean requiresLabels() {
                return true;
            }

            @Override
            public String describe() {
                return "f1Optimal";
            }
        };
    }

    /**
     * The lowest cut-off that flags at most a share {@code target} of the (unlabelled, presumed mostly normal)
     * validation scores: with {@code m = floor(target n)}, the {@code (m+1)}-th largest score. Unlike
     * {@link #quantile} it never interpolates, so the validation false-alarm rate is at most {@code target}, not
     * about it.
     *
     * @param target the tolerated share of alarms on normal data, in (0, 1)
     * @return the rule
     */
    public static Threshold falseAlarmRate(double target) {
        if (!(target > 0.0 && target < 1.0)) {
            throw new IllegalArgumentException("falseAlarmRate target must be in (0, 1), got " + target);
        }
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                double[] sorted = checkedSortedCopy(scores);
                int n = sorted.length;
                int m = (int) Math.floor(target * n);
                return sorted[n - 1 - Math.min(m, n - 1)];
            }

            @Override
            public String describe() {
                return "falseAlarmRate(" + target + ")";
            }
        };
    }

    /**
     * The split-conformal cut-off at level {@code alpha}: a score is flagged exactly when its
     * {@linkplain ConformalCalibration#pValue conformal p-value} against the validation scores is at most
     * {@code alpha}, so on exchangeable normal data the false-alarm rate is at most {@code alpha} (in expectation
     * over the validation draw). With {@code m = floor(alpha (n + 1)) - 1} the cut-off is the {@code (m+1)}-th
     * largest validation score; when {@code m < 0} ({@code n < 1/alpha - 1}) nothing can be flagged and the cut-off
     * is {@link Double#MAX_VALUE}. The validation scores must come from data the model was not fitted on.
     *
     * @param alpha the tolerated false-alarm rate, in (0, 1)
     * @return the rule
     */
    public static Threshold conformal(double alpha) {
        if (!(alpha > 0.0 && alpha < 1.0)) {
            throw new IllegalArgumentException("conformal alpha must be in (0, 1), got " + alpha);
        }
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                double[] sorted = checkedSortedCopy(scores);
                int n = sorted.length;
                long m = (long) Math.floor(alpha * (n + 1.0)) - 1;
                return m < 0 ? Double.MAX_VALUE : sorted[(int) (n - 1 - Math.min(m, n - 1))];
            }

            @Override
            public String describe() {
                return "conformal(" + alpha + ")";
            }
        };
    }

    /**
     * The initial cut-off of SPOT (Siffer et al., KDD 2017): a generalized Pareto tail is fitted to the validation
     * scores above their {@code level} quantile and the cut-off is the score whose estimated exceedance
     * probability is {@code risk}. For the threshold that keeps adapting on the stream (SPOT, or DSPOT under
     * drift), continue with {@link PeaksOverThreshold#fit}.
     *
     * @param risk the target probability of a score above the cut-off, in (0, 1) and below {@code 1 - 0.98}, e.g.
     *     1e-4
     * @return the rule
     */
    public static Threshold peaksOverThreshold(double risk) {
        return peaksOverThreshold(risk, PeaksOverThreshold.DEFAULT_LEVEL);
    }

    /**
     * @param risk the target probability of a score above the cut-off, in (0, 1) and below {@code 1 - level}
     * @param level the quantile of the validation scores above which the tail is fitted, in (0, 1), e.g. 0.98
     * @return the rule
     * @see #peaksOverThreshold(double)
     */
    public static Threshold peaksOverThreshold(double risk, double level) {
        PeaksOverThreshold.check(risk, level, 0);
        PeaksOverThreshold.checkRiskBelowPeakRate(risk, level);
        return new Threshold() {
            @Override
            public double select(double[] scores, boolean[] labels) {
                return PeaksOverThreshold.builder().risk(risk).level(level).build().fit(scores).threshold();
            }

            @Override
            public String describe() {
                return "peaksOverThreshold(" + risk + ", " + level + ")";
            }
        };
    }

    static double[] checkedSortedCopy(double[] scores) {
        if (scores == null || scores.length == 0) {
            throw new IllegalArgumentException("threshold selection needs at least one score");
        }
        double[] sorted = scores.clone();
        for (int i = 0; i < sorted.length; i++) {
            if (!Double.isFinite(sorted[i])) {
                throw new IllegalArgumentException("score " + i + " is " + sorted[i] + "; scores must be finite");
            }
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** Type-7 quantile of sorted data. */
    static double quantileOfSorted(double[] sorted, double p) {
        int n = sorted.length;
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        if (lo >= n - 1) {
            return sorted[n - 1];
        }
        double frac = h - lo;
        return frac == 0.0 ? sorted[lo] : sorted[lo] + frac * (sorted[lo + 1] - sorted[lo]);
    }
}
