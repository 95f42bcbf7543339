package io.github.anomaly4j.tck.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.github.anomaly4j.api.data.TimeSeries;
import io.github.anomaly4j.api.forecast.Forecast;
import io.github.anomaly4j.api.forecast.ForecastModel;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.spi.ModelFormat;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.PluginProvider;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for forecaster plugins: a plugin's test extends it, names its provider, a forecaster, the
 * forecaster's minimum series length, and how the plugin reports non-convergence; it inherits the checks below.
 *
 * <p>Series are hourly (step 3 600 000 ms) and generated from fixed seeds: {@link #trainingSeries} is a stationary
 * AR(1) around 10 with a period-{@link #period()} seasonal wave. "The same forecasts" means equal
 * {@link Forecast} records, i.e. bit-identical arrays.
 *
 * <h2>What it checks</h2>
 * <ul>
 *   <li>provider: valid id, description, SPI version, state version &ge; 1, parameters with distinct names whose
 *       defaults resolve, {@code create} from the defaults, ids of forecaster, spec and model equal the provider's;
 *       the provider rebuilds from {@code forecaster.spec()} a forecaster that forecasts the same;</li>
 *   <li>too short: a series one shorter than {@link #minimumLength()} is refused with an
 *       {@link IllegalArgumentException} whose message names the minimum length; a series of exactly that length
 *       fits and forecasts finitely;</li>
 *   <li>NaN, +Infinity and -Infinity in the series: {@link IllegalArgumentException} naming the row;</li>
 *   <li>constant series: a defined result, finite forecasts with lower &le; mean &le; upper, the mean at the
 *       constant;</li>
 *   <li>non-convergence: the forecaster from {@link #nonConvergingForecaster()} fits without throwing and
 *       {@link #convergenceProblem} reports it; the default forecaster's fit reports none;</li>
 *   <li>forecasts: any horizon &ge; 1, finite, ordered bounds, timestamps one step apart after the last reading,
 *       wider intervals at a higher level; horizon 0 and levels outside (0, 1) refused;</li>
 *   <li>determinism: two fits on the same data give the same forecasts, a model forecasts the same twice;</li>
 *   <li>state: the provider restores {@code model.state()} into a model with the same forecasts, and so does every
 *       {@link ModelFormat} on the class path (the model codec) after writing and reading the model.</li>
 * </ul>
 */
public abstract class ForecasterCompatibilityKit {

    /** Milliseconds between readings of the kit's series. */
    protected static final long STEP = 3_600_000L;
    /** The first timestamp of the kit's series. */
    protected static final long START = 1_700_000_000_000L;
    /** The seed of the training series. */
    protected static final long SEED = 20_261_202L;

    /** For subclasses. */
    protected ForecasterCompatibilityKit() {
    }

    /** @return the plugin's provider */
    protected abstract ForecasterProvider<?> provider();

    /** @return a forecaster as users would configure it */
    protected abstract Forecaster forecaster();

    /** @return the shortest series {@link #forecaster()} accepts */
    protected abstract int minimumLength();

    /** @return a forecaster that cannot converge on {@link #trainingSeries} (e.g. with one optimiser iteration) */
    protected abstract Forecaster nonConvergingForecaster();

    /**
     * How the plugin reports non-convergence.
     *
     * @param model a fitted model
     * @return the problem, or empty when the fit converged
     */
    protected abstract Optional<String> convergenceProblem(ForecastModel model);

    /** @return the seasonal period of the kit's series; 12 unless overridden */
    protected int period() {
        return 12;
    }

    /** @return the number of readings of the training series; 240 unless overridden */
    protected int trainingLength() {
        return 240;
    }

    /**
     * A seeded series: AR(1) with coefficient 0.6 around 10, plus a seasonal sine of amplitude 2.
     *
     * @param n readings
     * @param seed the seed
     * @return the series, one column named {@code value}
     */
    protected TimeSeries trainingSeries(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] v = new double[n];
        double x = 0;
        for (int t = 0; t < n; t++) {
            x = 0.6 * x + gaussian(rnd);
            v[t] = 10 + x + 2 * Math.sin(2 * Math.PI * t / period());
        }
        return series(v);
    }

    /**
     * @param values the readings
     * @return an hourly series of them, column {@code value}
     */
    protected static TimeSeries series(double[] values) {
        long[] ts = new long[values.length];
        for (int i = 0; i < ts.length; i++) {
            ts[i] = START + i * STEP;
        }
        return TimeSeries.of(ts, "value", values);
    }

    private static double gaussian(SplittableRandom rnd) {
        double u1 = rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }

    private TimeSeries training() {
        return trainingSeries(trainingLength(), SEED);
    }

    /** Provider identity, parameters and defaults. */
    @Test
    @DisplayName("provider: id, description, versions, parameters, defaults")
    public void providerIdentity() {
        ForecasterProvider<?> provider = provider();
        assertThat(Spec.requireValidId(provider.id())).isEqualTo(provider.id());
        assertThat(provider.description()).as("description").isNotBlank();
        assertThat(provider.spiVersion()).as("spiVersion").isBetween(PluginProvider.MIN_SUPPORTED_SPI_VERSION,
                PluginProvider.SPI_VERSION);
        assertThat(provider.stateVersion()).as("stateVersion").isGreaterThanOrEqualTo(1);
        List<Parameter<?>> params = provider.parameters();
        assertThat(params).as("parameters").isNotNull().doesNotContainNull();
        Set<String> names = new HashSet<>();
        for (Parameter<?> p : params) {
            assertThat(names.add(p.name())).as("parameter %s appears once", p.name()).isTrue();
        }
        Forecaster fromDefaults = provider.create(Settings.resolve(Spec.of(provider.id()), params));
        assertThat(fromDefaults.id()).isEqualTo(provider.id());
        Forecaster f = forecaster();
        assertThat(f.id()).as("forecaster id").isEqualTo(provider.id());
        assertThat(f.spec().id()).as("spec id").isEqualTo(provider.id());
        ForecastModel model = f.fit(training());
        assertThat(model.type()).as("model type").isEqualTo(provider.id());
        Forecaster rebuilt = provider.create(Settings.resolve(f.spec(), params));
        assertThat(rebuilt.fit(training()).forecast(12, 0.9)).as("forecast of the forecaster rebuilt from its spec")
                .isEqualTo(model.forecast(12, 0.9));
    }

    /** A series one shorter than the minimum is refused with a message naming the minimum; the minimum fits. */
    @Test
    @DisplayName("too short a series: a clear error naming the minimum length; the minimum itself fits")
    public void tooShortSeries() {
        int min = minimumLength();
        TimeSeries full = training();
        if (min > 1) {
            TimeSeries shorter = full.slice(0, min - 1);
            assertThatThrownBy(() -> forecaster().fit(shorter)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(Integer.toString(min));
        }
        ForecastModel model = forecaster().fit(full.slice(0, min));
        assertFinite(model.forecast(3, 0.95));
    }

    /** NaN and infinities are refused, naming the row. */
    @Test
    @DisplayName("NaN, +Infinity, -Infinity: IllegalArgumentException naming the row")
    public void nonFiniteRefused() {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            double[] v = training().column(0);
            v[37] = bad;
            assertThatThrownBy(() -> forecaster().fit(series(v))).as("value %s", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("37");
        }
    }

    /** A constant series gives a defined result at the constant. */
    @Test
    @DisplayName("constant series: a defined, finite forecast at the constant")
    public void constantSeries() {
        double[] v = new double[trainingLength()];
        java.util.Arrays.fill(v, 42.5);
        ForecastModel model = forecaster().fit(series(v));
        Forecast f = model.forecast(5, 0.95);
        assertFinite(f);
        for (double m : f.mean()) {
            assertThat(m).isCloseTo(42.5, org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    /** Non-convergence is reported in the fit result, not thrown; a converged fit reports none. */
    @Test
    @DisplayName("non-convergence is reported in the fit result; a converged fit reports none")
    public void nonConvergenceReported() {
        ForecastModel bad = nonConvergingForecaster().fit(training());
        Optional<String> problem = convergenceProblem(bad);
        assertThat(problem).as("reported problem of the non-converging fit").isPresent();
        assertThat(problem.get()).isNotBlank();
        assertThat(convergenceProblem(forecaster().fit(training()))).as("problem of the default fit").isEmpty();
    }

    /** Forecast shapes, bounds, timestamps and levels. */
    @Test
    @DisplayName("forecasts: finite, ordered, one step apart, wider at a higher level; bad horizon/level refused")
    public void forecastShape() {
        TimeSeries s = training();
        ForecastModel model = forecaster().fit(s);
        for (int h : new int[] {1, 7, 30}) {
            Forecast f = model.forecast(h, 0.8);
            assertThat(f.horizon()).isEqualTo(h);
            assertFinite(f);
            long last = s.timestamp(s.size() - 1);
            for (int i = 0; i < h; i++) {
                assertThat(f.timestamps()[i]).isEqualTo(last + (i + 1) * STEP);
            }
        }
        Forecast narrow = model.forecast(10, 0.5);
        Forecast wide = model.forecast(10, 0.99);
        for (int i = 0; i < 10; i++) {
            assertThat(wide.upper()[i] - wide.lower()[i]).isGreaterThan(narrow.upper()[i] - narrow.lower()[i]);
        }
        assertThatThrownBy(() -> model.forecast(0, 0.9)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.forecast(3, 1.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.forecast(3, 0.0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Fitting is deterministic. */
    @Test
    @DisplayName("determinism: two fits on the same data give the same forecasts")
    public void deterministic() {
        ForecastModel a = forecaster().fit(training());
        ForecastModel b = forecaster().fit(training());
        assertThat(a.forecast(24, 0.95)).isEqualTo(b.forecast(24, 0.95));
        assertThat(a.forecast(24, 0.95)).isEqualTo(a.forecast(24, 0.95));
    }

    /** The provider restores the model's state into a model with the same forecasts. */
    @Test
    @DisplayName("state: the provider restores a model that forecasts the same")
    public void stateRoundTrip() {
        ForecastModel model = forecaster().fit(training());
        ForecastModel restored = restore(provider(), model.state());
        assertThat(restored.type()).isEqualTo(model.type());
        assertThat(restored.forecast(24, 0.95)).isEqualTo(model.forecast(24, 0.95));
    }

    /** Every model format (the codec) writes and reads back a model with the same forecasts. */
    @Test
    @DisplayName("codec: a model written and read back by every ModelFormat forecasts the same")
    public void codecRoundTrip() {
        List<ModelFormat> formats = modelFormats();
        if (formats.isEmpty()) {
            fail("no " + ModelFormat.class.getName() + " on the test class path to check model files with: add "
                    + "io.github.anomaly4j:anomaly-core with <scope>test</scope> to the plugin's dependencies");
        }
        ForecastModel model = forecaster().fit(training());
        for (ModelFormat format : formats) {
            ForecastModel read = format.readForecastModel(format.write(model));
            assertThat(read.type()).isEqualTo(model.type());
            assertThat(read.forecast(24, 0.95)).as("forecast after format '%s'", format.name())
                    .isEqualTo(model.forecast(24, 0.95));
        }
    }

    /**
     * Asserts every value of a forecast is finite and the bounds ordered.
     *
     * @param f the forecast
     */
    protected static void assertFinite(Forecast f) {
        for (int i = 0; i < f.horizon(); i++) {
            assertThat(Double.isFinite(f.mean()[i]) && Double.isFinite(f.lower()[i]) && Double.isFinite(f.upper()[i]))
                    .as("step %d finite", i).isTrue();
            assertThat(f.lower()[i]).isLessThanOrEqualTo(f.mean()[i]);
            assertThat(f.mean()[i]).isLessThanOrEqualTo(f.upper()[i]);
        }
    }

    private static <S extends Record> ForecastModel restore(ForecasterProvider<S> provider, Record state) {
        assertThat(state).as("model.state()").isInstanceOf(provider.stateType());
        return provider.restore(provider.stateType().cast(state));
    }

    private static List<ModelFormat> modelFormats() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<ModelFormat> formats = loader == null
                ? ServiceLoader.load(ModelFormat.class, ForecasterCompatibilityKit.class.getClassLoader())
                : ServiceLoader.load(ModelFormat.class, loader);
        List<ModelFormat> found = new ArrayList<>();
        formats.forEach(found::add);
        return found;
    }
}
