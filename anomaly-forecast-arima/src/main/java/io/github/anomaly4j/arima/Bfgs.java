package io.github.anomaly4j.arima;

import java.util.function.ToDoubleFunction;

/**
 * Quasi-Newton minimisation (BFGS with an inverse-Hessian update, backtracking Armijo line search) with
 * central-difference gradients, the method R's {@code optim(method = "BFGS")} uses for ARIMA. Deterministic.
 */
final class Bfgs {

    /** The outcome of a minimisation. */
    record Result(double[] x, double value, int iterations, int evaluations, boolean converged, String message) {
    }

    private final ToDoubleFunction<double[]> f;
    private final int maxIterations;
    private final double gradientTolerance;
    private int evaluations;

    Bfgs(ToDoubleFunction<double[]> f, int maxIterations, double gradientTolerance) {
        this.f = f;
        this.maxIterations = maxIterations;
        this.gradientTolerance = gradientTolerance;
    }

    private double eval(double[] x) {
        evaluations++;
        double v = f.applyAsDouble(x);
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    private double[] gradient(double[] x, double fx) {
        int n = x.length;
        double[] g = new double[n];
        double[] xp = x.clone();
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * Math.max(1.0, Math.abs(x[i]));
            xp[i] = x[i] + h;
            double fp = eval(xp);
            xp[i] = x[i] - h;
            double fm = eval(xp);
            xp[i] = x[i];
            if (Double.isFinite(fp) && Double.isFinite(fm)) {
                g[i] = (fp - fm) / (2 * h);
            } else if (Double.isFinite(fp)) {
                g[i] = (fp - fx) / h;
            } else if (Double.isFinite(fm)) {
                g[i] = (fx - fm) / h;
            } else {
                g[i] = 0.0;
            }
        }
        return g;
    }

    Result minimise(double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double fx = eval(x);
        if (!Double.isFinite(fx)) {
            return new Result(x, fx, 0, evaluations, false, "the objective is not finite at the starting values");
        }
        if (n == 0) {
            return new Result(x, fx, 0, evaluations, true, "no free parameters");
        }
        double[] g = gradient(x, fx);
        double[][] h = identity(n);
        int iter = 0;
        int resets = 0;
        while (iter < maxIterations) {
            if (maxAbs(g) < gradientTolerance) {
                return new Result(x, fx, iter, evaluations, true, "gradient below " + gradientTolerance);
            }
            iter++;
            double[] dir = new double[n];
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s -= h[i][j] * g[j];
                }
                dir[i] = s;
            }
            double slope = dot(dir, g);
            if (!(slope < 0)) {
                h = identity(n);
                for (int i = 0; i < n; i++) {
                    dir[i] = -g[i];
                }
                slope = dot(dir, g);
            }
            // keep the first trial step within a sane size in the unconstrained space
            double norm = Math.sqrt(dot(dir, dir));
            double step = norm > 1.0 ? 1.0 / norm : 1.0;
            double[] xn = new double[n];
            double fn = Double.POSITIVE_INFINITY;
            boolean accepted = false;
            for (int k = 0; k < 40; k++) {
                for (int i = 0; i < n; i++) {
                    xn[i] = x[i] + step * dir[i];
                }
                fn = eval(xn);
                if (fn <= fx + 1e-4 * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.3;
            }
            if (!accepted) {
                if (resets++ < 2 && !isIdentity(h)) {
                    h = identity(n);
                    continue;
                }
                boolean flat = maxAbs(g) < 1e3 * gradientTolerance;
                return new Result(x, fx, iter, evaluations, flat, flat
                        ? "line search cannot improve further (gradient " + maxAbs(g) + ")"
                        : "line search failed with gradient " + maxAbs(g));
            }
            double[] gn = gradient(xn, fn);
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = xn[i] - x[i];
                y[i] = gn[i] - g[i];
            }
            double sy = dot(s, y);
            double fOld = fx;
            x = xn.clone();
            fx = fn;
            g = gn;
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                updateInverseHessian(h, s, y, sy);
            }
            if (Math.abs(fOld - fx) <= 1e-15 * (Math.abs(fx) + 1e-10) && maxAbs(s) < 1e-10) {
                return new Result(x, fx, iter, evaluations, true, "no further progress");
            }
        }
        return new Result(x, fx, iter, evaluations, maxAbs(g) < 1e2 * gradientTolerance,
                "stopped after " + maxIterations + " iterations with gradient " + maxAbs(g));
    }

    private static void updateInverseHessian(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i][j] * y[j];
            }
            hy[i] = v;
        }
        double yhy = dot(y, hy);
        double c = (sy + yhy) / (sy * sy);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += c * s[i] * s[j] - (hy[i] * s[j] + s[i] * hy[j]) / sy;
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1.0;
        }
        return m;
    }

    private static boolean isIdentity(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m.length; j++) {
                if (m[i][j] != (i == j ? 1.0 : 0.0)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double maxAbs(double[] a) {
        double m = 0;
        for (double v : a) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }
}
