package io.github.anomaly4j.arima;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Automatic ARIMA order selection after Hyndman and Khandakar (2008), as R's {@code forecast::auto.arima} does it:
 * the seasonal difference D from the seasonal strength ({@link UnitRoot#nsdiffs}), then d from repeated KPSS tests
 * ({@link UnitRoot#ndiffs}), then a stepwise search over (p, q, P, Q) and the constant that minimises AICc.
 *
 * <p>The search starts from ARIMA(2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and, when a constant
 * is allowed (d + D &le; 1), the null model without it; it then moves to the first neighbour (P&plusmn;1, Q&plusmn;1,
 * both, p&plusmn;1, q&plusmn;1, both, the constant toggled) that lowers AICc, until none does or
 * {@code maxModels} models have been fitted. A candidate counts as failed, and is listed with its reason, when it
 * cannot be fitted, its optimiser does not converge, or a root of its AR or MA polynomial lies within 1.01 of the
 * unit circle (R's check).
 *
 * @param period seasonal period; 1 for a non-seasonal search
 * @param maxP largest p
 * @param maxQ largest q
 * @param maxSeasonalP largest P
 * @param maxSeasonalQ largest Q
 * @param maxD largest d
 * @param maxSeasonalD largest D
 * @param allowConstant whether a mean (d + D = 0) or drift (d + D = 1) may be included
 * @param maxModels most candidates fitted in the stepwise search
 * @param maxIterations BFGS iterations allowed per estimation stage of each candidate
 */
public record AutoArima(int period, int maxP, int maxQ, int maxSeasonalP, int maxSeasonalQ, int maxD,
        int maxSeasonalD, boolean allowConstant, int maxModels, int maxIterations) {

    /**
     * Validates the bounds.
     *
     * @param period seasonal period, at least 1
     * @param maxP largest p, 0 to 20
     * @param maxQ largest q, 0 to 20
     * @param maxSeasonalP largest P, 0 to 5
     * @param maxSeasonalQ largest Q, 0 to 5
     * @param maxD largest d, 0 to 2
     * @param maxSeasonalD largest D, 0 or 1
     * @param allowConstant whether a mean or drift may be included
     * @param maxModels most candidates, at least 1
     * @param maxIterations BFGS iterations per stage, at least 1
     * @throws IllegalArgumentException when a bound is out of range
     */
    public AutoArima {
        if (period < 1) {
            throw new IllegalArgumentException("period must be >= 1, got " + period);
        }
        if (maxP < 0 || maxP > 20 || maxQ < 0 || maxQ > 20 || maxSeasonalP < 0 || maxSeasonalP > 5
                || maxSeasonalQ < 0 || maxSeasonalQ > 5 || maxD < 0 || maxD > 2 || maxSeasonalD < 0
                || maxSeasonalD > 1) {
            throw new IllegalArgumentException("bounds out of range: p <= " + maxP + ", q <= " + maxQ + ", P <= "
                    + maxSeasonalP + ", Q <= " + maxSeasonalQ + ", d <= " + maxD + ", D <= " + maxSeasonalD);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (maxModels < 1) {
            throw new IllegalArgumentException("maxModels must be >= 1, got " + maxModels);
        }
    }

    /**
     * R's defaults: p, q &le; 5; P, Q &le; 2; d &le; 2; D &le; 1; constant allowed; at most 94 models.
     *
     * @param period seasonal period; 1 for non-seasonal data
     * @return the search
     */
    public static AutoArima of(int period) {
        return new AutoArima(period, 5, 5, 2, 2, 2, 1, true, 94, Arima.DEFAULT_MAX_ITERATIONS);
    }

    /**
     * @param iterations BFGS iterations per estimation stage
     * @return a copy with that limit
     */
    public AutoArima withMaxIterations(int iterations) {
        return new AutoArima(period, maxP, maxQ, maxSeasonalP, maxSeasonalQ, maxD, maxSeasonalD, allowConstant,
                maxModels, iterations);
    }

    /** Why a candidate was not usable. */
    public enum Status {
        /** Fitted and usable. */
        OK,
        /** The optimiser did not converge. */
        NOT_CONVERGED,
        /** An AR or MA root lies within 1.01 of the unit circle. */
        NEAR_UNIT_ROOT,
        /** The fit threw (too short a series, a non-finite likelihood). */
        FAILED
    }

    /**
     * One model tried by the search.
     *
     * @param order the orders
     * @param aicc its AICc, or positive infinity when not usable
     * @param status whether it was usable
     * @param message the reason when not usable, else the optimiser's message
     */
    public record Candidate(ArimaOrder order, double aicc, Status status, String message) {
    }

    /**
     * The outcome of a search.
     *
     * @param best the selected fit
     * @param d the chosen number of differences
     * @param seasonalD the chosen number of seasonal differences
     * @param candidates every model tried, in order
     */
    public record Result(ArimaFit best, int d, int seasonalD, List<Candidate> candidates) {

        /**
         * Copies the candidate list.
         *
         * @param best the selected fit
         * @param d the chosen number of differences
         * @param seasonalD the chosen number of seasonal differences
         * @param candidates every model tried
         */
        public Result {
            candidates = List.copyOf(candidates);
        }

        /** @return the candidates that could not be used, with their reasons */
        public List<Candidate> failed() {
            return candidates.stream().filter(c -> c.status() != Status.OK).toList();
        }
    }

    /**
     * Selects and fits a model for a series indexed 0, 1, 2, ...
     *
     * @param y the observations, finite
     * @return the result
     * @throws IllegalArgumentException when the series is too short or not finite
     */
    public Result fit(double[] y) {
        return fit(y, y == null ? 0 : y.length - 1L, 1L);
    }

    /**
     * Selects and fits a model.
     *
     * @param y the observations, finite, at least 3
     * @param lastTimestamp epoch milliseconds of the last observation
     * @param step milliseconds between observations
     * @return the result
     * @throws IllegalArgumentException when the series is shorter than 3 or holds a non-finite value, or when no
     *     candidate at all can be fitted (the message lists why each failed)
     */
    public Result fit(double[] y, long lastTimestamp, long step) {
        Objects.requireNonNull(y, "y");
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("observation " + i + " is not finite (" + y[i]
                        + "); ARIMA needs a complete series without NaN or infinities");
            }
        }
        if (y.length < 3) {
            throw new IllegalArgumentException("auto-ARIMA needs at least 3 observations, got " + y.length);
        }
        int m = period;
        boolean seasonal = m > 1 && y.length >= 2 * m + 1 && (maxSeasonalP + maxSeasonalQ + maxSeasonalD > 0);
        int bigD = seasonal && maxSeasonalD > 0 ? UnitRoot.nsdiffs(y, m) : 0;
        double[] x = bigD > 0 ? ArimaMath.difference(y, 0, bigD, m) : y;
        int d = UnitRoot.ndiffs(x, maxD);
        if (bigD > 0 && !seasonal) {
            bigD = 0;
        }
        int sp = seasonal ? m : 0;
        int maxSP = seasonal ? maxSeasonalP : 0;
        int maxSQ = seasonal ? maxSeasonalQ : 0;
        boolean constantAllowed = allowConstant && d + bigD <= 1;
        Search s = new Search(y, lastTimestamp, step, d, bigD, sp, maxIterations);

        int p = Math.min(2, maxP);
        int q = Math.min(2, maxQ);
        int bp = Math.min(1, maxSP);
        int bq = Math.min(1, maxSQ);
        boolean c = constantAllowed;
        s.tryModel(p, q, bp, bq, c);
        if (s.tryModel(0, 0, 0, 0, c)) {
            p = 0;
            q = 0;
            bp = 0;
            bq = 0;
        }
        if (maxP > 0 || maxSP > 0) {
            int np = maxP > 0 ? 1 : 0;
            int nbp = maxSP > 0 ? 1 : 0;
            if (s.tryModel(np, 0, nbp, 0, c)) {
                p = np;
                bp = nbp;
                q = 0;
                bq = 0;
            }
        }
        if (maxQ > 0 || maxSQ > 0) {
            int nq = maxQ > 0 ? 1 : 0;
            int nbq = maxSQ > 0 ? 1 : 0;
            if (s.tryModel(0, nq, 0, nbq, c)) {
                p = 0;
                bp = 0;
                q = nq;
                bq = nbq;
            }
        }
        if (c && s.tryModel(0, 0, 0, 0, false)) {
            p = 0;
            q = 0;
            bp = 0;
            bq = 0;
            c = false;
        }
        boolean improved = true;
        while (improved && s.count() < maxModels) {
            improved = false;
            int[][] moves = {
                {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
                {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
                {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
                {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}};
            for (int[] mv : moves) {
                int np = p + mv[0];
                int nq = q + mv[1];
                int nbp = bp + mv[2];
                int nbq = bq + mv[3];
                if (np < 0 || nq < 0 || nbp < 0 || nbq < 0 || np > maxP || nq > maxQ || nbp > maxSP
                        || nbq > maxSQ || s.seen(np, nq, nbp, nbq, c)) {
                    continue;
                }
                if (s.count() >= maxModels) {
                    break;
                }
                if (s.tryModel(np, nq, nbp, nbq, c)) {
                    p = np;
                    q = nq;
                    bp = nbp;
                    bq = nbq;
                    improved = true;
                    break;
                }
            }
            if (!improved && constantAllowed && s.count() < maxModels && !s.seen(p, q, bp, bq, !c)) {
                if (s.tryModel(p, q, bp, bq, !c)) {
                    c = !c;
                    improved = true;
                }
            }
        }
        if (s.best == null && s.fallback != null) {
            // nothing converged: return the best of the non-converged fits; its model reports converged() == false
            s.best = s.fallback;
        }
        if (s.best == null) {
            StringBuilder why = new StringBuilder("auto-ARIMA could not fit any candidate:");
            for (Candidate cand : s.candidates) {
                why.append("\n  ").append(cand.order()).append(": ").append(cand.status()).append(" - ")
                        .append(cand.message());
            }
            throw new IllegalArgumentException(why.toString());
        }
        return new Result(s.best, d, bigD, Collections.unmodifiableList(s.candidates));
    }

    /** The bookkeeping of one search. */
    private static final class Search {
        final double[] y;
        final long lastTimestamp;
        final long step;
        final int d;
        final int bigD;
        final int sp;
        final List<Candidate> candidates = new ArrayList<>();
        final Set<String> tried = new HashSet<>();
        ArimaFit best;
        ArimaFit fallback;
        double bestIc = Double.POSITIVE_INFINITY;
        final int maxIterations;

        Search(double[] y, long lastTimestamp, long step, int d, int bigD, int sp, int maxIterations) {
            this.maxIterations = maxIterations;
            this.y = y;
            this.lastTimestamp = lastTimestamp;
            this.step = step;
            this.d = d;
            this.bigD = bigD;
            this.sp = sp;
        }

        int count() {
            return candidates.size();
        }

        boolean seen(int p, int q, int bp, int bq, boolean c) {
            return tried.contains(key(p, q, bp, bq, c));
        }

        private static String key(int p, int q, int bp, int bq, boolean c) {
            return p + "," + q + "," + bp + "," + bq + "," + c;
        }

        /** Fits the candidate; returns whether it became the best so far. */
        boolean tryModel(int p, int q, int bp, int bq, boolean c) {
            if (!tried.add(key(p, q, bp, bq, c))) {
                return false;
            }
            ArimaOrder order = new ArimaOrder(p, d, q, bp, bigD, bq, sp, c);
            ArimaFit fit;
            try {
                fit = Arima.fit(y, order, lastTimestamp, step, maxIterations);
            } catch (RuntimeException e) {
                candidates.add(new Candidate(order, Double.POSITIVE_INFINITY, Status.FAILED, e.getMessage()));
                return false;
            }
            if (!fit.converged()) {
                if (fallback == null || fit.aicc() < fallback.aicc()) {
                    fallback = fit;
                }
                candidates.add(new Candidate(order, Double.POSITIVE_INFINITY, Status.NOT_CONVERGED, fit.message()));
                return false;
            }
            int s = Math.max(1, sp);
            ArimaModel mod = fit.model();
            double arRoot = ArimaMath.minRootModulus(ArimaMath.expand(mod.ar(), mod.seasonalAr(), s, 1.0), 1.0);
            double maRoot = ArimaMath.minRootModulus(ArimaMath.expand(mod.ma(), mod.seasonalMa(), s, -1.0), -1.0);
            if (Math.min(arRoot, maRoot) < 1.01) {
                candidates.add(new Candidate(order, Double.POSITIVE_INFINITY, Status.NEAR_UNIT_ROOT,
                        String.format(java.util.Locale.ROOT, "smallest AR root modulus %.4f, MA %.4f (need >= 1.01)",
                                arRoot, maRoot)));
                return false;
            }
            double ic = fit.aicc();
            candidates.add(new Candidate(order, ic, Status.OK, fit.message()));
            if (ic < bestIc) {
                bestIc = ic;
                best = fit;
                return true;
            }
            return false;
        }
    }
}
