package io.github.anomaly4j.core.detect;

/**
 * The builder options the windowed detectors share. Each option may be set once (a second call is an
 * {@link IllegalStateException}) and is validated at once (an {@link IllegalArgumentException} naming the range);
 * {@code build()} checks the options against each other.
 *
 * @param <B> the concrete builder, returned for chaining
 */
abstract class WindowedBuilder<B extends WindowedBuilder<B>> {
    private Integer window;
    private Integer warmUp;

    WindowedBuilder() {
    }

    abstract B self();

    /**
     * @param readings rolling window length of the streaming mode, 2..1,000,000 (default 100)
     * @return this builder
     */
    public final B window(int readings) {
        SetOnce.check(window, "window");
        window = RollingWindowSettings.WINDOW.convert(readings);
        return self();
    }

    /**
     * @param readings readings the streaming mode needs before it scores, 2..window; 0 (the default) means
     *     min(20, window)
     * @return this builder
     */
    public final B warmUp(int readings) {
        SetOnce.check(warmUp, "warmUp");
        warmUp = RollingWindowSettings.WARM_UP.convert(readings);
        return self();
    }

    final int windowOrDefault() {
        return window != null ? window : RollingWindowSettings.WINDOW.defaultValue();
    }

    final int warmUpOrDefault() {
        return RollingWindowSettings.resolveWarmUp(warmUp != null ? warmUp : 0, windowOrDefault());
    }
}
