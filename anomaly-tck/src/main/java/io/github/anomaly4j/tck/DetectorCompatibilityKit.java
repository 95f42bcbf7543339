package io.github.anomaly4j.tck;

import static io.github.anomaly4j.tck.Scores.assertBitIdentical;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.anomaly4j.api.data.Frame;
import io.github.anomaly4j.api.detect.AnomalyModel;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.detect.StreamingDetector;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.ModelFormat;
import io.github.anomaly4j.spi.Parameter;
import io.github.anomaly4j.spi.PluginProvider;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility kit for detector plugins: every detector plugin's test extends it, names its provider and
 * how to build a detector, and inherits the checks below. A plugin that passes them keeps the contracts of
 * {@link Detector}, {@link AnomalyModel}, {@link StreamingDetector} and {@link DetectorProvider}.
 *
 * <pre>{@code
 * class MeanDistanceCompatibilityTest extends DetectorCompatibilityKit {
 *
 *     @Override
 *     protected DetectorProvider<?> provider() {
 *         return new MeanDistanceProvider();
 *     }
 *
 *     @Override
 *     protected Detector detector(long seed) {
 *         return new MeanDistanceDetector(5); // no randomness: the seed is ignored
 *     }
 * }
 * }</pre>
 * (This example is {@code MeanDistanceCompatibilityTest} in this module's tests, where it runs against a
 * minimal plugin.)
 *
 * <p>The checks fit on {@link #trainingData} (200 rows of {@link #dimension()} columns) and score probe points:
 * 40 more rows from {@link #trainingData} with another seed, plus three points far outside the training range.
 * "The same scores" always means bit-identical: equal {@link Double#doubleToRawLongBits}.
 *
 * <h2>What it checks</h2>
 * <b>Provider and identity</b>
 * <ul>
 *   <li>the provider id is valid for {@link Spec#requireValidId};</li>
 *   <li>the provider has a non-blank description, an SPI version this release loads, and a state version of at
 *       least 1;</li>
 *   <li>{@link PluginProvider#parameters()} is non-null, holds no null and no two parameters of one name;</li>
 *   <li>every parameter has a default that {@link Settings#resolve} accepts, alone and all together, and the
 *       provider {@linkplain DetectorProvider#create creates} a detector from the defaults;</li>
 *   <li>{@link Detector#id()}, {@code detector.spec().id()} and {@link AnomalyModel#type()} equal the provider
 *       id;</li>
 *   <li>the provider, given {@code detector.spec()}, rebuilds a detector whose model scores the same.</li>
 * </ul>
 * <b>Bad input</b>
 * <ul>
 *   <li>{@code fit} on a frame with no rows: {@link IllegalArgumentException};</li>
 *   <li>{@code fit} on a frame holding NaN, +Infinity or -Infinity: {@link IllegalArgumentException} whose message
 *       names the row ({@code "row 7"}) and the column (its name, or {@code "column 2"});</li>
 *   <li>{@code score} of a vector holding NaN or an infinity: {@link IllegalArgumentException} naming the column
 *       ({@code "column 2"}, as {@link io.github.anomaly4j.api.data.FeatureVectors#requireFinite} writes it);</li>
 *   <li>{@code scoreBatch} with such a row: {@link IllegalArgumentException} naming row and column;</li>
 *   <li>{@code score} of a vector that is too long, too short or null, {@code scoreBatch} with a row of the wrong
 *       length, or with an output array shorter than the batch: {@link IllegalArgumentException};</li>
 *   <li>{@code scoreBatch} of no rows does nothing and does not throw.</li>
 * </ul>
 * <b>Awkward but valid data</b>
 * <ul>
 *   <li>a model fitted on one row, or on one column, has the right dimension and scores finitely;</li>
 *   <li>a model fitted on a constant series meets {@link #assertConstantSeriesModel} (by default: finite scores,
 *       and the constant point scores no higher than a point far away);</li>
 *   <li>every probe and training point scores finitely;</li>
 *   <li>float extremes as score input (&plusmn;1e308, &plusmn;{@link Double#MAX_VALUE}, &plusmn;{@link
 *       Double#MIN_VALUE} and other subnormals, -0.0) score finitely, through {@code score} and
 *       {@code scoreBatch};</li>
 *   <li>a model fitted on data holding those extremes (each twice in a row, so that a plain sum overflows)
 *       scores finitely.</li>
 * </ul>
 * <b>Determinism and immutability</b>
 * <ul>
 *   <li>two detectors with one seed, fitted on the same data, give the same scores;</li>
 *   <li>one detector fitted twice gives the same scores;</li>
 *   <li>scoring (including refused input and attribution) does not change the model's later scores;</li>
 *   <li>{@code score}, {@code scoreBatch} and {@code attribute} leave the caller's arrays unchanged
 *       ({@code fit} takes a {@link Frame}, an immutable copy, so it cannot change them);</li>
 *   <li>{@code scoreBatch} gives the same scores as {@code score} one point at a time;</li>
 *   <li>8 threads scoring one model at once get the same scores as one thread.</li>
 * </ul>
 * <b>Attribution</b> (when {@link AnomalyModel#supportsAttribution()})
 * <ul>
 *   <li>{@code attribute} writes {@code dimension()} finite, non-negative values;</li>
 *   <li>{@code attribute} is deterministic; without support it throws {@link UnsupportedOperationException}.</li>
 * </ul>
 * <b>State and model files</b>
 * <ul>
 *   <li>{@code model.state()} is an instance of {@link DetectorProvider#stateType()};</li>
 *   <li>{@link DetectorProvider#restore} of that state gives a model of the same type and dimension that scores
 *       the same, for models of one column and of several;</li>
 *   <li>a model written to a file by every {@link ModelFormat} on the class path and read back scores the same.
 *       With no format present the check fails: add {@code io.github.anomaly4j:anomaly-core} to the plugin's
 *       test dependencies. The format finds the plugin's provider with {@link ServiceLoader}, so register the
 *       provider in {@code META-INF/services} or {@code module-info.java}.</li>
 * </ul>
 * <b>Use before fit.</b> A batch detector has no unfitted model object to misuse: the only way to a model is
 * {@code fit} or {@code restore}. What can be used "before fit" is a {@link StreamingDetector} that has seen
 * nothing, and the streaming mode of a detector that has none. So the kit checks that
 * {@link Detector#newStreamingDetector} throws {@link UnsupportedOperationException} when
 * {@link Detector#supportsStreaming()} is false, and the fresh-state checks below.
 *
 * <p><b>Streaming</b> (when {@link Detector#supportsStreaming()}; skipped otherwise)
 * <ul>
 *   <li>{@code type()} is the provider id and {@code dimension()} the one asked for;</li>
 *   <li>a fresh detector is not warm (unless {@code warmUp()} is 0) and its {@code lastTimestamp()} is
 *       {@link Long#MIN_VALUE};</li>
 *   <li>{@code update} returns finite scores, exactly 0 while {@code isWarm()} is false, and {@code isWarm()}
 *       turns true after exactly {@code warmUp()} readings;</li>
 *   <li>{@code lastTimestamp()} is the timestamp of the last accepted reading;</li>
 *   <li>two streaming detectors with one seed, fed the same readings, give the same scores;</li>
 *   <li>{@code update} leaves the caller's array unchanged;</li>
 *   <li>a repeated timestamp, an earlier timestamp, a NaN or infinite value, or a reading of the wrong length is
 *       refused with {@link IllegalArgumentException} and leaves no trace: {@code lastTimestamp()} is unchanged,
 *       and the following scores are those of a twin that never saw the bad reading;</li>
 *   <li>a snapshot restored into a fresh detector mid-stream gives the same scores afterwards, a snapshot is not
 *       changed by later updates, and restoring replaces whatever state the target had;</li>
 *   <li>{@code restore} refuses null, a record of a foreign type and a snapshot of another dimension with
 *       {@link IllegalArgumentException}.</li>
 * </ul>
 *
 * <p>Every check is its own public {@code @Test} method, so a plugin can run one from its own test when it
 * needs to.
 */
public abstract class DetectorCompatibilityKit {
    private static final long SEED = 42L;
    private static final int TRAINING_ROWS = 200;
    private static final int PROBE_ROWS = 40;
    private static final double CONSTANT = 2.5;
    private static final int THREADS = 8;
    private static final int ROUNDS_PER_THREAD = 50;
    private static final long THREADS_TIME_LIMIT_SECONDS = 60;
    /** 2024-01-01T00:00:00Z; readings are one minute apart. */
    private static final long FIRST_TIMESTAMP = 1_704_067_200_000L;
    private static final long STEP_MILLIS = 60_000L;
    /** Streaming checks feed warmUp() + this many readings, so that most scores come from a warm detector. */
    private static final int READINGS_PAST_WARM_UP = 48;
    /** Where streaming checks interrupt the stream (snapshot, bad reading): this many readings past warm-up. */
    private static final int SPLIT_PAST_WARM_UP = 16;
    private static final double[] EXTREMES = {1e308, -1e308, Double.MAX_VALUE, -Double.MAX_VALUE,
        Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL / 3, -0.0, 0.0};

    /** For subclasses. */
    protected DetectorCompatibilityKit() {
    }

    // ---------------------------------------------------------------------------------------------------------
    // Hooks

    /** @return the plugin's provider, as {@link java.util.ServiceLoader} would create it */
    protected abstract DetectorProvider<?> provider();

    /**
     * A detector to check, with the plugin's usual settings.
     *
     * @param seed the seed for every random choice; detectors without randomness ignore it
     * @return a detector of the plugin
     */
    protected abstract Detector detector(long seed);

    /**
     * The number of columns the checks fit on (some also use 1 and this plus 2). Override for a detector that
     * needs more columns to be interesting.
     *
     * @return at least 1; 3 by default
     */
    protected int dimension() {
        return 3;
    }

    /**
     * Training data: by default Gaussian, column {@code j} with mean {@code j} and standard deviation
     * {@code 1 + j/2}, from a {@link SplittableRandom} with the given seed; columns named {@code x0, x1, ...}.
     * Override when the detector expects data of another shape (counts, a seasonal series, ...).
     *
     * @param rows the number of rows, possibly 0
     * @param dimension the number of columns
     * @param seed the seed; the same arguments must give the same frame
     * @return the frame
     */
    protected Frame trainingData(int rows, int dimension, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] columns = new double[dimension][rows];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < dimension; j++) {
                columns[j][r] = j + (1.0 + 0.5 * j) * random.nextGaussian();
            }
        }
        return Frame.ofColumns(columnNames(dimension), columns);
    }

    /**
     * Readings for the streaming checks, fed one minute apart. By default, the rows of {@link #trainingData}.
     *
     * @param count the number of readings
     * @param dimension values per reading
     * @param seed the seed; the same arguments must give the same readings
     * @return {@code count} readings of {@code dimension} finite values
     */
    protected double[][] streamingReadings(int count, int dimension, long seed) {
        return trainingData(count, dimension, seed).toRows();
    }

    /**
     * What a model fitted on a constant series (every value of every column equal to {@code constant}) must do.
     * The default demands that a point equal to the constant and a point 1000 away score finitely, and that the
     * constant point scores no higher. Override to assert the detector's documented result instead (say, "the
     * constant scores 0 and anything else scores {@link Double#MAX_VALUE}"), keeping the finiteness check.
     *
     * @param model the model fitted on the constant series
     * @param constant the constant (2.5)
     */
    protected void assertConstantSeriesModel(AnomalyModel model, double constant) {
        double atConstant = model.score(filled(model.dimension(), constant));
        double farAway = model.score(filled(model.dimension(), constant + 1000.0));
        assertThat(atConstant).as("score of the constant point").isFinite();
        assertThat(farAway).as("score of a point 1000 away from the constant").isFinite();
        assertThat(atConstant).as("score of the constant point, compared with a point 1000 away")
                .isLessThanOrEqualTo(farAway);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Provider and identity

    /** The provider id is a valid plugin id. */
    @Test
    @DisplayName("provider id is a valid plugin id")
    public void providerIdIsValid() {
        String id = provider().id();
        assertThatCode(() -> Spec.requireValidId(id)).as("provider id '%s'", id).doesNotThrowAnyException();
    }

    /** The provider has a description, a supported SPI version and a state version of at least 1. */
    @Test
    @DisplayName("provider has a description, a supported SPI version and a state version of at least 1")
    public void providerDescribesItself() {
        DetectorProvider<?> provider = provider();
        assertThat(provider.description()).as("description").isNotBlank();
        assertThat(provider.spiVersion()).as("spiVersion")
                .isBetween(PluginProvider.MIN_SUPPORTED_SPI_VERSION, PluginProvider.SPI_VERSION);
        assertThat(provider.stateVersion()).as("stateVersion").isGreaterThanOrEqualTo(1);
    }

    /** The provider parameters are non-null, with unique names. */
    @Test
    @DisplayName("provider parameters are non-null, with unique names")
    public void parametersHaveUniqueNames() {
        List<Parameter<?>> parameters = provider().parameters();
        assertThat(parameters).as("parameters()").isNotNull().doesNotContainNull();
        assertThat(parameters).extracting(Parameter::name).as("parameter names").doesNotHaveDuplicates();
    }

    /** Every parameter default is accepted by {@link Settings#resolve}; the provider creates a detector from them. */
    @Test
    @DisplayName("every parameter default is accepted, and the provider creates a detector from the defaults")
    public void parameterDefaultsAreAccepted() {
        DetectorProvider<?> provider = provider();
        Spec defaults = Spec.of(provider.id());
        for (Parameter<?> parameter : provider.parameters()) {
            assertThat(parameter.defaultValue()).as("default of parameter '%s'", parameter.name()).isNotNull();
            Spec explicit = defaults.with(parameter.name(), parameter.defaultValue());
            assertThatCode(() -> Settings.resolve(explicit, provider.parameters()))
                    .as("Settings.resolve of %s", explicit).doesNotThrowAnyException();
        }
        Settings settings = Settings.resolve(defaults, provider.parameters());
        assertThat(provider.create(settings).id()).as("id of the detector created from %s", settings)
                .isEqualTo(provider.id());
    }

    /** The detector id is the provider id. */
    @Test
    @DisplayName("detector id is the provider id")
    public void detectorIdIsProviderId() {
        assertThat(detector(SEED).id()).isEqualTo(provider().id());
    }

    /** The detector spec id is the provider id. */
    @Test
    @DisplayName("detector spec id is the provider id")
    public void specIdIsProviderId() {
        assertThat(detector(SEED).spec().id()).isEqualTo(provider().id());
    }

    /** The model type is the provider id. */
    @Test
    @DisplayName("model type is the provider id")
    public void modelTypeIsProviderId() {
        assertThat(fitted().type()).isEqualTo(provider().id());
    }

    /** The provider rebuilds the detector from its spec(): same scores. */
    @Test
    @DisplayName("provider rebuilds the detector from its spec(): same scores")
    public void specRebuildsTheDetector() {
        Detector original = detector(SEED);
        DetectorProvider<?> provider = provider();
        Detector rebuilt = provider.create(Settings.resolve(original.spec(), provider.parameters()));
        Frame training = training();
        double[][] probes = probes(training);
        assertBitIdentical("scores of the detector rebuilt from " + original.spec(),
                Scores.oneByOne(original.fit(training), probes), Scores.oneByOne(rebuilt.fit(training), probes));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Bad input

    /** {@code fit} refuses a frame with no rows. */
    @Test
    @DisplayName("fit refuses a frame with no rows")
    public void fitRefusesEmptyFrame() {
        Frame empty = Frame.ofColumns(columnNames(dimension()), new double[dimension()][0]);
        assertRefused("fit on a frame with no rows", () -> detector(SEED).fit(empty));
    }

    /** {@code fit} refuses NaN, naming row and column. */
    @Test
    @DisplayName("fit refuses NaN, naming row and column")
    public void fitRefusesNaN() {
        assertFitRefuses(Double.NaN);
    }

    /** {@code fit} refuses +Infinity and -Infinity, naming row and column. */
    @Test
    @DisplayName("fit refuses +Infinity and -Infinity, naming row and column")
    public void fitRefusesInfinities() {
        assertFitRefuses(Double.POSITIVE_INFINITY);
        assertFitRefuses(Double.NEGATIVE_INFINITY);
    }

    /** {@code score} refuses NaN, naming the column. */
    @Test
    @DisplayName("score refuses NaN, naming the column")
    public void scoreRefusesNaN() {
        assertScoreRefuses(Double.NaN);
    }

    /** {@code score} refuses +Infinity and -Infinity, naming the column. */
    @Test
    @DisplayName("score refuses +Infinity and -Infinity, naming the column")
    public void scoreRefusesInfinities() {
        assertScoreRefuses(Double.POSITIVE_INFINITY);
        assertScoreRefuses(Double.NEGATIVE_INFINITY);
    }

    /** {@code scoreBatch} refuses NaN, naming row and column. */
    @Test
    @DisplayName("scoreBatch refuses NaN, naming row and column")
    public void scoreBatchRefusesNaN() {
        assertScoreBatchRefuses(Double.NaN);
    }

    /** {@code scoreBatch} refuses +Infinity and -Infinity, naming row and column. */
    @Test
    @DisplayName("scoreBatch refuses +Infinity and -Infinity, naming row and column")
    public void scoreBatchRefusesInfinities() {
        assertScoreBatchRefuses(Double.POSITIVE_INFINITY);
        assertScoreBatchRefuses(Double.NEGATIVE_INFINITY);
    }

    /** {@code score} refuses vectors that are too long or too short. */
    @Test
    @DisplayName("score refuses vectors that are too long or too short")
    public void scoreRefusesWrongDimension() {
        AnomalyModel model = fitted();
        int d = model.dimension();
        assertRefused("score of " + (d + 1) + " values", () -> model.score(filled(d + 1, 0.5)));
        assertRefused("score of " + (d - 1) + " values", () -> model.score(filled(d - 1, 0.5)));
    }

    /** {@code score} refuses null. */
    @Test
    @DisplayName("score refuses null")
    public void scoreRefusesNull() {
        AnomalyModel model = fitted();
        assertRefused("score(null)", () -> model.score(null));
    }

    /** {@code scoreBatch} refuses a row of the wrong length. */
    @Test
    @DisplayName("scoreBatch refuses a row of the wrong length")
    public void scoreBatchRefusesWrongDimension() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] xs = probes(training);
        int row = Math.min(3, xs.length - 1);
        xs[row] = filled(model.dimension() + 1, 0.5);
        assertRefused("scoreBatch with row " + row + " of " + xs[row].length + " values",
                () -> model.scoreBatch(xs, new double[xs.length]));
    }

    /** {@code scoreBatch} refuses an output array shorter than the batch. */
    @Test
    @DisplayName("scoreBatch refuses an output array shorter than the batch")
    public void scoreBatchRefusesShortOutput() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] xs = probes(training);
        assertRefused("scoreBatch of " + xs.length + " rows into " + (xs.length - 1) + " slots",
                () -> model.scoreBatch(xs, new double[xs.length - 1]));
    }

    /** {@code scoreBatch} of no rows does nothing. */
    @Test
    @DisplayName("scoreBatch of no rows does nothing")
    public void scoreBatchOfNoRows() {
        AnomalyModel model = fitted();
        double[] out = {7.0};
        assertThatCode(() -> model.scoreBatch(new double[0][], out)).as("scoreBatch of no rows")
                .doesNotThrowAnyException();
        assertThat(out).as("output slot beyond an empty batch").containsExactly(7.0);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Awkward but valid data

    /** A model fitted on one row scores finitely. */
    @Test
    @DisplayName("a model fitted on one row scores finitely")
    public void fitsOneRow() {
        Frame one = trainingData(1, dimension(), SEED);
        AnomalyModel model = detector(SEED).fit(one);
        assertThat(model.dimension()).as("dimension").isEqualTo(dimension());
        assertFinite("scores of a model fitted on one row", Scores.oneByOne(model, probes(one)));
    }

    /** A model fitted on one column scores finitely. */
    @Test
    @DisplayName("a model fitted on one column scores finitely")
    public void fitsOneColumn() {
        Frame training = trainingData(TRAINING_ROWS, 1, SEED);
        AnomalyModel model = detector(SEED).fit(training);
        assertThat(model.dimension()).as("dimension").isEqualTo(1);
        assertFinite("scores of a model fitted on one column", Scores.oneByOne(model, probes(training)));
    }

    /** A model fitted on a constant series gives the documented result. */
    @Test
    @DisplayName("a model fitted on a constant series gives the documented result")
    public void fitsConstantSeries() {
        double[][] columns = new double[dimension()][TRAINING_ROWS];
        for (double[] column : columns) {
            Arrays.fill(column, CONSTANT);
        }
        AnomalyModel model = detector(SEED).fit(Frame.ofColumns(columnNames(dimension()), columns));
        assertConstantSeriesModel(model, CONSTANT);
    }

    /** The training and probe points score finitely. */
    @Test
    @DisplayName("training and probe points score finitely")
    public void scoresAreFinite() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        assertFinite("scores of training rows", Scores.oneByOne(model, training.toRows()));
        assertFinite("scores of probe points", Scores.oneByOne(model, probes(training)));
    }

    /** Float extremes (±1e308, ±MAX_VALUE, subnormals, -0.0) as input score finitely. */
    @Test
    @DisplayName("float extremes (±1e308, ±MAX_VALUE, subnormals, -0.0) as input score finitely")
    public void extremeInputsScoreFinitely() {
        AnomalyModel model = fitted();
        double[][] extremes = extremePoints(model.dimension());
        assertFinite("scores of extreme points " + Arrays.deepToString(extremes), Scores.oneByOne(model, extremes));
        assertFinite("batch scores of extreme points " + Arrays.deepToString(extremes),
                Scores.batch(model, extremes));
    }

    /** A model fitted on data holding float extremes scores finitely. */
    @Test
    @DisplayName("a model fitted on data holding float extremes scores finitely")
    public void fitsExtremeTrainingData() {
        Frame usual = training();
        double[][] extremes = extremePoints(usual.width());
        // Each extreme twice in a row, so that a plain running sum overflows.
        double[][] withExtremes = usual.toRows();
        for (double[] extreme : extremes) {
            withExtremes = concat(withExtremes, new double[][] {extreme, extreme});
        }
        Frame training = Frame.ofRows(usual.columnNames(), withExtremes);
        AnomalyModel model;
        try {
            model = detector(SEED).fit(training);
        } catch (RuntimeException e) {
            model = fail("fit on data holding float extremes threw " + e, e);
        }
        assertFinite("scores of the training rows", Scores.oneByOne(model, withExtremes));
        assertFinite("scores of probe points", Scores.oneByOne(model, probes(usual)));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Determinism and immutability

    /** The same seed and data give the same scores. */
    @Test
    @DisplayName("same seed and data give the same scores")
    public void sameSeedSameScores() {
        Frame training = training();
        double[][] probes = probes(training);
        assertBitIdentical("scores of two models from detector(" + SEED + ")",
                Scores.oneByOne(detector(SEED).fit(training), probes),
                Scores.oneByOne(detector(SEED).fit(training), probes));
    }

    /** Fitting one detector twice gives the same scores. */
    @Test
    @DisplayName("fitting one detector twice gives the same scores")
    public void fittingTwiceGivesSameScores() {
        Detector detector = detector(SEED);
        Frame training = training();
        double[][] probes = probes(training);
        double[] first = Scores.oneByOne(detector.fit(training), probes);
        double[] second = Scores.oneByOne(detector.fit(training), probes);
        assertBitIdentical("scores of the second fit", first, second);
    }

    /** Scoring does not change the model. */
    @Test
    @DisplayName("scoring does not change the model")
    public void scoringDoesNotChangeModel() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] probes = probes(training);
        double[] before = Scores.oneByOne(model, probes);
        double[][] extremes = extremePoints(model.dimension());
        double[] refused = filled(model.dimension(), Double.NaN);
        for (int round = 0; round < 20; round++) {
            Scores.batch(model, probes);
            Scores.oneByOne(model, extremes);
            Scores.oneByOne(model, training.toRows());
            catchThrowable(() -> model.score(refused));
            if (model.supportsAttribution()) {
                model.attribute(extremes[round % extremes.length], new double[model.dimension()]);
            }
        }
        assertBitIdentical("scores of probe points after many other scorings", before,
                Scores.oneByOne(model, probes));
    }

    /** {@code score} leaves the caller's array unchanged. */
    @Test
    @DisplayName("score leaves the caller's array unchanged")
    public void scoreDoesNotModifyInput() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] points = concat(probes(training), extremePoints(model.dimension()));
        for (int i = 0; i < points.length; i++) {
            double[] copy = points[i].clone();
            model.score(points[i]);
            assertBitIdentical("point " + i + " after score", copy, points[i]);
        }
    }

    /** {@code scoreBatch} leaves the caller's rows unchanged. */
    @Test
    @DisplayName("scoreBatch leaves the caller's rows unchanged")
    public void scoreBatchDoesNotModifyInput() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] xs = concat(probes(training), extremePoints(model.dimension()));
        double[][] rowsBefore = xs.clone();
        double[][] valuesBefore = Scores.deepCopy(xs);
        model.scoreBatch(xs, new double[xs.length]);
        for (int i = 0; i < xs.length; i++) {
            assertThat(xs[i]).as("row %d of the batch is the same array", i).isSameAs(rowsBefore[i]);
            assertBitIdentical("row " + i + " after scoreBatch", valuesBefore[i], xs[i]);
        }
    }

    /** {@code scoreBatch} gives the same scores as score, one point at a time. */
    @Test
    @DisplayName("scoreBatch gives the same scores as score, one point at a time")
    public void batchScoresEqualOneByOne() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] xs = concat(concat(probes(training), extremePoints(model.dimension())), training.toRows());
        assertBitIdentical("scoreBatch compared with score", Scores.oneByOne(model, xs), Scores.batch(model, xs));
    }

    /**
     * Eight threads scoring one model get the same scores as one thread.
     *
     * @throws InterruptedException when the test thread is interrupted while waiting for the scoring threads
     */
    @Test
    @DisplayName("8 threads scoring one model get the same scores as one thread")
    public void concurrentScoringEqualsSequential() throws InterruptedException {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] probes = concat(probes(training), extremePoints(model.dimension()));
        double[] expected = Scores.oneByOne(model, probes);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<double[][]>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                boolean batch = t % 2 == 1;
                results.add(pool.submit(() -> {
                    start.await();
                    double[][] rounds = new double[ROUNDS_PER_THREAD][];
                    for (int r = 0; r < ROUNDS_PER_THREAD; r++) {
                        rounds[r] = batch ? Scores.batch(model, probes) : Scores.oneByOne(model, probes);
                    }
                    return rounds;
                }));
            }
            start.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(THREADS_TIME_LIMIT_SECONDS);
            for (int t = 0; t < THREADS; t++) {
                double[][] rounds = await(results.get(t), deadline);
                for (int r = 0; r < rounds.length; r++) {
                    assertBitIdentical("thread " + t + (t % 2 == 1 ? " (scoreBatch)" : " (score)") + ", round " + r,
                            expected, rounds[r]);
                }
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(THREADS_TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Attribution

    /** {@code attribute} gives dimension() finite, non-negative values. */
    @Test
    @DisplayName("attribution gives dimension() finite, non-negative values")
    public void attributionIsFiniteAndNonNegative() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        assumeTrue(model.supportsAttribution(), "the model has no attribution");
        double[][] probes = probes(training);
        for (int i = 0; i < probes.length; i++) {
            double[] out = filled(model.dimension(), Double.NaN);
            model.attribute(probes[i], out);
            for (int j = 0; j < out.length; j++) {
                assertThat(out[j]).as("contribution of feature %d to probe %d", j, i).isFinite()
                        .isGreaterThanOrEqualTo(0.0);
            }
        }
    }

    /** {@code attribute} is deterministic and leaves its input unchanged. */
    @Test
    @DisplayName("attribution is deterministic and leaves its input unchanged")
    public void attributionIsDeterministic() {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        assumeTrue(model.supportsAttribution(), "the model has no attribution");
        double[][] probes = probes(training);
        for (int i = 0; i < probes.length; i++) {
            double[] copy = probes[i].clone();
            double[] first = new double[model.dimension()];
            double[] second = new double[model.dimension()];
            model.attribute(probes[i], first);
            model.attribute(probes[i], second);
            assertBitIdentical("second attribution of probe " + i, first, second);
            assertBitIdentical("probe " + i + " after attribute", copy, probes[i]);
        }
    }

    /** Without attribution support, attribute throws UnsupportedOperationException. */
    @Test
    @DisplayName("without attribution support, attribute throws UnsupportedOperationException")
    public void unsupportedAttributionThrows() {
        AnomalyModel model = fitted();
        assumeFalse(model.supportsAttribution(), "the model supports attribution");
        assertThatThrownBy(() -> model.attribute(filled(model.dimension(), 0.5), new double[model.dimension()]))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    // ---------------------------------------------------------------------------------------------------------
    // State and model files

    /** The model state is an instance of the provider's stateType(). */
    @Test
    @DisplayName("model state is an instance of the provider's stateType()")
    public void stateIsOfStateType() {
        assertThat(fitted().state()).as("model.state()").isInstanceOf(provider().stateType());
    }

    /** The provider restores the state into a model that scores the same. */
    @Test
    @DisplayName("provider restores the state into a model that scores the same")
    public void restoredModelScoresTheSame() {
        Frame training = training();
        assertRestoresBitIdentically(detector(SEED).fit(training), probes(training));
    }

    /** The provider restores models of one column and of several. */
    @Test
    @DisplayName("provider restores models of one column and of several")
    public void restoreWorksForEveryDimension() {
        for (int width : new int[] {1, dimension() + 2}) {
            Frame training = trainingData(TRAINING_ROWS, width, SEED);
            assertRestoresBitIdentically(detector(SEED).fit(training), probes(training));
        }
    }

    /**
     * A model written to a file and read back by every {@link ModelFormat} scores the same.
     *
     * @param directory where the model files go
     * @throws IOException when a file cannot be written or read
     */
    @Test
    @DisplayName("model written to a file and read back by every ModelFormat scores the same")
    public void modelFileRoundTrip(@TempDir Path directory) throws IOException {
        List<ModelFormat> formats = modelFormats();
        if (formats.isEmpty()) {
            fail("no " + ModelFormat.class.getName() + " on the test class path to check model files with: add "
                    + "io.github.anomaly4j:anomaly-core with <scope>test</scope> to the plugin's dependencies");
        }
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] probes = probes(training);
        for (int i = 0; i < formats.size(); i++) {
            ModelFormat format = formats.get(i);
            Path file = directory.resolve("model-" + i + ".bin");
            Files.write(file, format.write(model));
            AnomalyModel read = format.readAnomalyModel(Files.readAllBytes(file));
            assertThat(read.type()).as("type of the model read by format '%s'", format.name())
                    .isEqualTo(model.type());
            assertThat(read.dimension()).as("dimension of the model read by format '%s'", format.name())
                    .isEqualTo(model.dimension());
            assertBitIdentical("scores of the model read back by format '" + format.name() + "'",
                    Scores.oneByOne(model, probes), Scores.oneByOne(read, probes));
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Use before fit, and streaming

    /** A detector without streaming refuses newStreamingDetector with UnsupportedOperationException. */
    @Test
    @DisplayName("a detector without streaming refuses newStreamingDetector with UnsupportedOperationException")
    public void nonStreamingDetectorRefusesStreaming() {
        Detector detector = detector(SEED);
        assumeFalse(detector.supportsStreaming(), "the detector supports streaming");
        assertThatThrownBy(() -> detector.newStreamingDetector(dimension()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    /** Streaming: {@code type()} is the provider id, dimension the one asked for. */
    @Test
    @DisplayName("streaming: type is the provider id, dimension the one asked for")
    public void streamingIdentity() {
        StreamingDetector streaming = newStreaming();
        assertThat(streaming.type()).as("type()").isEqualTo(provider().id());
        assertThat(streaming.dimension()).as("dimension()").isEqualTo(dimension());
        assertThat(streaming.warmUp()).as("warmUp()").isNotNegative();
    }

    /** Streaming: a fresh detector is not warm and has no last timestamp. */
    @Test
    @DisplayName("streaming: a fresh detector is not warm and has no last timestamp")
    public void streamingFreshState() {
        StreamingDetector streaming = newStreaming();
        assertThat(streaming.isWarm()).as("isWarm() before any reading, with warmUp() %d", streaming.warmUp())
                .isEqualTo(streaming.warmUp() == 0);
        assertThat(streaming.lastTimestamp()).as("lastTimestamp() before any reading").isEqualTo(Long.MIN_VALUE);
    }

    /** Streaming: {@code update} returns finite scores. */
    @Test
    @DisplayName("streaming: update returns finite scores")
    public void streamingScoresAreFinite() {
        StreamingDetector streaming = newStreaming();
        assertFinite("streaming scores", feed(streaming, readings(streaming), 0));
    }

    /** Streaming: scores are 0 until warm, and warm after exactly warmUp() readings. */
    @Test
    @DisplayName("streaming: scores are 0 until warm, and warm after exactly warmUp() readings")
    public void streamingWarmUp() {
        StreamingDetector streaming = newStreaming();
        double[][] readings = readings(streaming);
        int warmUp = streaming.warmUp();
        for (int i = 0; i < readings.length; i++) {
            boolean warm = streaming.isWarm();
            assertThat(warm).as("isWarm() after %d readings, with warmUp() %d", i, warmUp).isEqualTo(i >= warmUp);
            double score = streaming.update(timestamp(i), readings[i]);
            if (!warm) {
                assertThat(score).as("score of reading %d, before warm", i).isEqualTo(0.0);
            }
        }
    }

    /** Streaming: {@code lastTimestamp()} is the timestamp of the last accepted reading. */
    @Test
    @DisplayName("streaming: lastTimestamp is the timestamp of the last accepted reading")
    public void streamingLastTimestampTracks() {
        StreamingDetector streaming = newStreaming();
        double[][] readings = readings(streaming);
        for (int i = 0; i < readings.length; i++) {
            streaming.update(timestamp(i), readings[i]);
            assertThat(streaming.lastTimestamp()).as("lastTimestamp() after reading %d", i).isEqualTo(timestamp(i));
        }
    }

    /** Streaming: same seed and readings give the same scores. */
    @Test
    @DisplayName("streaming: same seed and readings give the same scores")
    public void streamingIsDeterministic() {
        StreamingDetector first = newStreaming();
        StreamingDetector second = newStreaming();
        double[][] readings = readings(first);
        assertBitIdentical("scores of a second streaming detector", feed(first, readings, 0),
                feed(second, readings, 0));
    }

    /** Streaming: {@code update} leaves the caller's array unchanged. */
    @Test
    @DisplayName("streaming: update leaves the caller's array unchanged")
    public void streamingUpdateDoesNotModifyInput() {
        StreamingDetector streaming = newStreaming();
        double[][] readings = readings(streaming);
        for (int i = 0; i < readings.length; i++) {
            double[] copy = readings[i].clone();
            streaming.update(timestamp(i), readings[i]);
            assertBitIdentical("reading " + i + " after update", copy, readings[i]);
        }
    }

    /** Streaming: a repeated timestamp is refused and leaves no trace. */
    @Test
    @DisplayName("streaming: a repeated timestamp is refused and leaves no trace")
    public void streamingRefusesRepeatedTimestamp() {
        assertRefusedWithoutTrace("a repeated timestamp",
                (streaming, next, reading) -> streaming.update(streaming.lastTimestamp(), reading));
    }

    /** Streaming: an earlier timestamp is refused and leaves no trace. */
    @Test
    @DisplayName("streaming: an earlier timestamp is refused and leaves no trace")
    public void streamingRefusesEarlierTimestamp() {
        assertRefusedWithoutTrace("an earlier timestamp",
                (streaming, next, reading) -> streaming.update(streaming.lastTimestamp() - 1, reading));
    }

    /** Streaming: a NaN reading is refused and leaves no trace. */
    @Test
    @DisplayName("streaming: a NaN reading is refused and leaves no trace")
    public void streamingRefusesNaN() {
        assertRefusedWithoutTrace("a NaN value", (streaming, next, reading) -> {
            double[] bad = reading.clone();
            bad[bad.length - 1] = Double.NaN;
            streaming.update(next, bad);
        });
    }

    /** Streaming: an infinite reading is refused and leaves no trace. */
    @Test
    @DisplayName("streaming: an infinite reading is refused and leaves no trace")
    public void streamingRefusesInfinity() {
        assertRefusedWithoutTrace("an infinite value", (streaming, next, reading) -> {
            double[] bad = reading.clone();
            bad[0] = Double.POSITIVE_INFINITY;
            streaming.update(next, bad);
        });
    }

    /** Streaming: a reading of the wrong length is refused and leaves no trace. */
    @Test
    @DisplayName("streaming: a reading of the wrong length is refused and leaves no trace")
    public void streamingRefusesWrongDimension() {
        assertRefusedWithoutTrace("a reading of the wrong length",
                (streaming, next, reading) -> streaming.update(next, Arrays.copyOf(reading, reading.length + 1)));
    }

    /** Streaming: a snapshot restored into a fresh detector mid-stream gives the same scores. */
    @Test
    @DisplayName("streaming: a snapshot restored into a fresh detector mid-stream gives the same scores")
    public void streamingSnapshotRestoresMidStream() {
        StreamingDetector source = newStreaming();
        double[][] readings = readings(source);
        int split = split(source);
        feed(source, readings, 0, split);
        StreamingDetector copy = newStreaming();
        copy.restore(source.snapshot());
        assertThat(copy.lastTimestamp()).as("lastTimestamp() after restore").isEqualTo(source.lastTimestamp());
        assertThat(copy.isWarm()).as("isWarm() after restore").isEqualTo(source.isWarm());
        assertBitIdentical("scores after restore", feed(source, readings, split), feed(copy, readings, split));
    }

    /** Streaming: a snapshot is not changed by later updates. */
    @Test
    @DisplayName("streaming: a snapshot is not changed by later updates")
    public void streamingSnapshotIsUnaffectedByLaterUpdates() {
        StreamingDetector source = newStreaming();
        double[][] readings = readings(source);
        int split = split(source);
        feed(source, readings, 0, split);
        Record snapshot = source.snapshot();
        double[] expected = feed(source, readings, split);
        StreamingDetector copy = newStreaming();
        copy.restore(snapshot);
        assertBitIdentical("scores after restoring a snapshot taken before later updates", expected,
                feed(copy, readings, split));
    }

    /** Streaming: {@code restore} replaces the target's whole state. */
    @Test
    @DisplayName("streaming: restore replaces the target's whole state")
    public void streamingRestoreReplacesState() {
        StreamingDetector source = newStreaming();
        double[][] readings = readings(source);
        int split = split(source);
        feed(source, readings, 0, split);
        StreamingDetector target = newStreaming();
        double[][] other = streamingReadings(readings.length, dimension(), SEED + 7);
        for (int i = 0; i < other.length; i++) {
            target.update(timestamp(i) + 365 * 24 * 3_600_000L, other[i]);
        }
        target.restore(source.snapshot());
        assertThat(target.lastTimestamp()).as("lastTimestamp() after restore").isEqualTo(source.lastTimestamp());
        assertBitIdentical("scores of a used detector after restore", feed(source, readings, split),
                feed(target, readings, split));
    }

    /** Streaming: {@code restore} refuses null. */
    @Test
    @DisplayName("streaming: restore refuses null")
    public void streamingRestoreRefusesNull() {
        StreamingDetector streaming = newStreaming();
        assertRefused("restore(null)", () -> streaming.restore(null));
    }

    /** Streaming: {@code restore} refuses a record of a foreign type. */
    @Test
    @DisplayName("streaming: restore refuses a record of a foreign type")
    public void streamingRestoreRefusesForeignRecord() {
        StreamingDetector streaming = newStreaming();
        assertRefused("restore of a foreign record", () -> streaming.restore(new ForeignSnapshot(dimension())));
    }

    /** Streaming: {@code restore} refuses a snapshot of another dimension. */
    @Test
    @DisplayName("streaming: restore refuses a snapshot of another dimension")
    public void streamingRestoreRefusesOtherDimension() {
        StreamingDetector streaming = newStreaming();
        StreamingDetector wider = detector(SEED).newStreamingDetector(dimension() + 1);
        double[][] readings = streamingReadings(wider.warmUp() + 3, dimension() + 1, SEED);
        feed(wider, readings, 0);
        Record snapshot = wider.snapshot();
        assertRefused("restore of a snapshot of dimension " + (dimension() + 1) + " into dimension " + dimension(),
                () -> streaming.restore(snapshot));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /** A record no plugin knows. */
    private record ForeignSnapshot(int dimension) {
    }

    /** A refused streaming update: the next valid timestamp and reading are given to build the bad one from. */
    @FunctionalInterface
    private interface BadUpdate {
        void apply(StreamingDetector streaming, long nextTimestamp, double[] nextReading);
    }

    private Frame training() {
        return trainingData(TRAINING_ROWS, dimension(), SEED);
    }

    private AnomalyModel fitted() {
        return detector(SEED).fit(training());
    }

    /** Fresh rows from the training distribution, then points far above, far below, and far in one column. */
    private double[][] probes(Frame training) {
        int d = training.width();
        double[] high = new double[d];
        double[] low = new double[d];
        for (int j = 0; j < d; j++) {
            double[] column = training.column(j);
            double min = Arrays.stream(column).min().orElseThrow();
            double max = Arrays.stream(column).max().orElseThrow();
            high[j] = max + 10.0 * (max - min) + 1.0;
            low[j] = min - 10.0 * (max - min) - 1.0;
        }
        double[] oneFar = training.row(0);
        oneFar[d - 1] = high[d - 1];
        return concat(trainingData(PROBE_ROWS, d, SEED + 1).toRows(), new double[][] {high, low, oneFar});
    }

    /** One point per extreme value, filled with it, and one mixing all of them across the columns. */
    private static double[][] extremePoints(int dimension) {
        double[][] points = new double[EXTREMES.length + 1][];
        for (int i = 0; i < EXTREMES.length; i++) {
            points[i] = filled(dimension, EXTREMES[i]);
        }
        double[] mixed = new double[dimension];
        for (int j = 0; j < dimension; j++) {
            mixed[j] = EXTREMES[j % EXTREMES.length];
        }
        points[EXTREMES.length] = mixed;
        return points;
    }

    private void assertFitRefuses(double bad) {
        Frame clean = training();
        double[][] rows = clean.toRows();
        int row = Math.min(7, rows.length - 1);
        int column = clean.width() - 1;
        String name = clean.columnNames().get(column);
        rows[row][column] = bad;
        Frame dirty = Frame.ofRows(clean.columnNames(), rows);
        assertRefused("fit on a frame with " + bad + " at row " + row + ", column '" + name + "'",
                () -> detector(SEED).fit(dirty))
                .hasMessageFindingMatch(namesRow(row))
                .hasMessageFindingMatch(namesColumn(column) + "|" + namesColumn(name));
    }

    private void assertScoreRefuses(double bad) {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[] x = probes(training)[0];
        int column = x.length - 1;
        x[column] = bad;
        assertRefused("score of a vector with " + bad + " in column " + column, () -> model.score(x))
                .hasMessageFindingMatch(namesColumn(column));
    }

    private void assertScoreBatchRefuses(double bad) {
        Frame training = training();
        AnomalyModel model = detector(SEED).fit(training);
        double[][] xs = probes(training);
        int row = Math.min(3, xs.length - 1);
        int column = model.dimension() - 1;
        xs[row][column] = bad;
        assertRefused("scoreBatch with " + bad + " at row " + row + ", column " + column,
                () -> model.scoreBatch(xs, new double[xs.length]))
                .hasMessageFindingMatch(namesRow(row))
                .hasMessageFindingMatch(namesColumn(column));
    }

    private static String namesRow(int row) {
        return "\\brow " + row + "(?![0-9])";
    }

    private static String namesColumn(int column) {
        return "\\bcolumn " + column + "(?![0-9])";
    }

    private static String namesColumn(String name) {
        return "(?<![A-Za-z0-9_-])" + Pattern.quote(name) + "(?![A-Za-z0-9_-])";
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(String what, ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        if (thrown == null) {
            fail(what + " must be refused with IllegalArgumentException, but it completed normally");
        }
        return assertThat(thrown).as("%s must be refused with IllegalArgumentException", what)
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertFinite(String what, double[] values) {
        for (int i = 0; i < values.length; i++) {
            assertThat(values[i]).as("%s: value %d", what, i).isFinite();
        }
    }

    private void assertRestoresBitIdentically(AnomalyModel model, double[][] probes) {
        AnomalyModel restored = restore(provider(), model.state());
        assertThat(restored.type()).as("type of the restored model").isEqualTo(model.type());
        assertThat(restored.dimension()).as("dimension of the restored model").isEqualTo(model.dimension());
        assertBitIdentical("scores of the model restored from its state (dimension " + model.dimension() + ")",
                Scores.oneByOne(model, probes), Scores.oneByOne(restored, probes));
    }

    private static <S extends Record> AnomalyModel restore(DetectorProvider<S> provider, Record state) {
        assertThat(state).as("model.state()").isInstanceOf(provider.stateType());
        return provider.restore(provider.stateType().cast(state));
    }

    private static List<ModelFormat> modelFormats() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader<ModelFormat> formats = loader == null
                ? ServiceLoader.load(ModelFormat.class, DetectorCompatibilityKit.class.getClassLoader())
                : ServiceLoader.load(ModelFormat.class, loader);
        List<ModelFormat> found = new ArrayList<>();
        formats.forEach(found::add);
        return found;
    }

    private static <T> T await(Future<T> result, long deadlineNanos) throws InterruptedException {
        try {
            return result.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return fail("scoring from " + THREADS + " threads did not finish within " + THREADS_TIME_LIMIT_SECONDS
                    + " s");
        } catch (ExecutionException e) {
            return fail("scoring from another thread failed: " + e.getCause(), e.getCause());
        }
    }

    private StreamingDetector newStreaming() {
        Detector detector = detector(SEED);
        assumeTrue(detector.supportsStreaming(), "the detector has no streaming mode");
        return detector.newStreamingDetector(dimension());
    }

    private double[][] readings(StreamingDetector streaming) {
        return streamingReadings(streaming.warmUp() + READINGS_PAST_WARM_UP, streaming.dimension(), SEED);
    }

    private static int split(StreamingDetector streaming) {
        return streaming.warmUp() + SPLIT_PAST_WARM_UP;
    }

    private static long timestamp(int index) {
        return FIRST_TIMESTAMP + index * STEP_MILLIS;
    }

    /** Feeds readings[from..] with timestamps by index, so that twins fed the same range see the same stream. */
    private static double[] feed(StreamingDetector streaming, double[][] readings, int from) {
        return feed(streaming, readings, from, readings.length);
    }

    private static double[] feed(StreamingDetector streaming, double[][] readings, int from, int to) {
        double[] scores = new double[to - from];
        for (int i = from; i < to; i++) {
            scores[i - from] = streaming.update(timestamp(i), readings[i]);
        }
        return scores;
    }

    private void assertRefusedWithoutTrace(String what, BadUpdate bad) {
        StreamingDetector subject = newStreaming();
        StreamingDetector twin = newStreaming();
        double[][] readings = readings(subject);
        int split = split(subject);
        feed(subject, readings, 0, split);
        feed(twin, readings, 0, split);
        long last = subject.lastTimestamp();
        assertRefused("update with " + what, () -> bad.apply(subject, timestamp(split), readings[split]));
        assertThat(subject.lastTimestamp()).as("lastTimestamp() after refusing %s", what).isEqualTo(last);
        assertBitIdentical("scores after refusing " + what + ", compared with a twin that never saw it",
                feed(twin, readings, split), feed(subject, readings, split));
    }

    private static double[] filled(int length, double value) {
        double[] x = new double[length];
        Arrays.fill(x, value);
        return x;
    }

    private static double[][] concat(double[][] first, double[][] second) {
        double[][] all = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private static List<String> columnNames(int dimension) {
        List<String> names = new ArrayList<>(dimension);
        for (int j = 0; j < dimension; j++) {
            names.add("x" + j);
        }
        return names;
    }
}
