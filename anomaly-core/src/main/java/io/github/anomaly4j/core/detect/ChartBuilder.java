package io.github.anomaly4j.core.detect;

/**
 * The builder options the control-chart detectors ({@code ewma}, {@code cusum}) share, as {@link WindowedBuilder}
 * does for the windowed ones. Each option may be set once (a second call is an {@link IllegalStateException}) and
 * is validated at once (an {@link IllegalArgumentException} naming the range).
 *
 * @param <B> the concrete builder, returned for chaining
 */
abstract class ChartBuilder<B extends ChartBuilder<B>> {
    private Integer baseline;
    private Integer warmUp;

    ChartBuilder() {
    }

    abstract B self();

    /**
     * @param readings effective length of the streaming in-control estimate, 2..1,000,000 (default 500)
     * @return this builder
     */
    public final B baseline(int readings) {
        SetOnce.check(baseline, "baseline");
        baseline = ChartSettings.BASELINE.convert(readings);
        return self();
    }

    /**
     * @param readings readings the streaming mode learns from before it scores, 2..1,000,000 (default 20)
     * @return this builder
     */
    public final B warmUp(int readings) {
        SetOnce.check(warmUp, "warmUp");
        warmUp = ChartSettings.WARM_UP.convert(readings);
        return self();
    }

    final int baselineOrDefault() {
        return baseline != null ? baseline : ChartSettings.BASELINE.defaultValue();
    }

    final int warmUpOrDefault() {
        return warmUp != null ? warmUp : ChartSettings.WARM_UP.defaultValue();
    }
}
