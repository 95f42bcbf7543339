package io.github.anomaly4j.core;

import io.github.anomaly4j.api.AnomalyException;
import io.github.anomaly4j.api.UnknownPluginException;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.api.drift.DriftTest;
import io.github.anomaly4j.api.feature.FeatureTransform;
import io.github.anomaly4j.api.forecast.Forecaster;
import io.github.anomaly4j.api.store.DetectionStore;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ReadingStore;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.DriftTestProvider;
import io.github.anomaly4j.spi.FeatureTransformProvider;
import io.github.anomaly4j.spi.ForecasterProvider;
import io.github.anomaly4j.spi.PluginProvider;
import io.github.anomaly4j.spi.Settings;
import io.github.anomaly4j.spi.Spec;
import io.github.anomaly4j.spi.StoreContext;
import io.github.anomaly4j.spi.StoreProvider;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugin registry: every detector, forecaster, feature transform, drift test and store provider known to the
 * library, by kind and id. Immutable and thread-safe once built.
 *
 * <p>Providers come from {@link ServiceLoader} discovery, from explicit registration, or both:
 * <pre>{@code
 * Plugins plugins = Plugins.builder()
 *     .discover(MyApp.class.getClassLoader())   // META-INF/services and module-info 'provides'
 *     .register(new MyShadedDetectorProvider())  // for shaded jars that lost their service files
 *     .build();
 * }</pre>
 *
 * <p>Discovery survives bad providers, as SLF4J's does: a provider whose class is missing or whose constructor
 * throws, an invalid id, or an SPI version outside {@value PluginProvider#MIN_SUPPORTED_SPI_VERSION}..{@value
 * PluginProvider#SPI_VERSION}, is logged at WARN and listed in {@link #problems()}, and every other provider still
 * loads. Two discovered providers with the same kind and id are both refused (which one should win is not ours to
 * guess); asking for that id raises an {@link AnomalyException} naming both classes. Explicitly registering an id
 * that is already taken is an {@link IllegalArgumentException} naming both classes.
 */
public final class Plugins {
    private static final Logger LOG = LoggerFactory.getLogger(Plugins.class);

    private final Map<PluginKind, Map<String, PluginProvider>> providers;
    private final Map<PluginKind, Map<String, String>> refused;
    private final List<PluginProblem> problems;

    private Plugins(Map<PluginKind, Map<String, PluginProvider>> providers,
            Map<PluginKind, Map<String, String>> refused, List<PluginProblem> problems) {
        this.providers = providers;
        this.refused = refused;
        this.problems = List.copyOf(problems);
    }

    /**
     * The registry discovered from the class loader that loaded this library (and the thread's context class
     * loader, when it differs), built once on first use.
     *
     * @return the shared default registry
     */
    public static Plugins defaultPlugins() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Discovers every provider visible to a class loader.
     *
     * @param loader the class loader to search
     * @return a new registry
     */
    public static Plugins discover(ClassLoader loader) {
        return builder().discover(loader).build();
    }

    /** @return a builder for a registry of discovered and explicitly registered providers */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * @param id a detector id
     * @return its provider
     * @throws UnknownPluginException listing the known detector ids
     */
    public DetectorProvider<?> detectorProvider(String id) {
        return (DetectorProvider<?>) lookup(PluginKind.DETECTOR, id);
    }

    /**
     * @param id a forecaster id
     * @return its provider
     */
    public ForecasterProvider<?> forecasterProvider(String id) {
        return (ForecasterProvider<?>) lookup(PluginKind.FORECASTER, id);
    }

    /**
     * @param id a feature transform id
     * @return its provider
     */
    public FeatureTransformProvider<?> featureTransformProvider(String id) {
        return (FeatureTransformProvider<?>) lookup(PluginKind.FEATURE_TRANSFORM, id);
    }

    /**
     * @param id a drift test id
     * @return its provider
     */
    public DriftTestProvider driftTestProvider(String id) {
        return (DriftTestProvider) lookup(PluginKind.DRIFT_TEST, id);
    }

    /**
     * @param id a store id
     * @return its provider
     */
    public StoreProvider storeProvider(String id) {
        return (StoreProvider) lookup(PluginKind.STORE, id);
    }

    /**
     * Creates a detector by name, validating its parameters.
     *
     * @param spec id and parameter values
     * @return the detector
     */
    public Detector detector(Spec spec) {
        DetectorProvider<?> p = detectorProvider(spec.id());
        return checkCreated(p, p.create(Settings.resolve(spec, p.parameters())), Detector::id);
    }

    /**
     * Creates a forecaster by name, validating its parameters.
     *
     * @param spec id and parameter values
     * @return the forecaster
     */
    public Forecaster forecaster(Spec spec) {
        ForecasterProvider<?> p = forecasterProvider(spec.id());
        return checkCreated(p, p.create(Settings.resolve(spec, p.parameters())), Forecaster::id);
    }

    /**
     * Creates a feature transform by name, validating its parameters.
     *
     * @param spec id and parameter values
     * @return the transform
     */
    public FeatureTransform featureTransform(Spec spec) {
        FeatureTransformProvider<?> p = featureTransformProvider(spec.id());
        return checkCreated(p, p.create(Settings.resolve(spec, p.parameters())), FeatureTransform::id);
    }

    /**
     * Creates a drift test by name, validating its parameters.
     *
     * @param spec id and parameter values
     * @return the test
     */
    public DriftTest driftTest(Spec spec) {
        DriftTestProvider p = driftTestProvider(spec.id());
        return checkCreated(p, p.create(Settings.resolve(spec, p.parameters())), DriftTest::id);
    }

    /**
     * Creates a reading store by name, validating its parameters.
     *
     * @param spec id and parameter values, e.g. {@code Spec.of("memory")}
     * @param context what the store needs from its host (a {@code DataSource}, a directory, a clock, ...)
     * @return the store
     * @throws UnsupportedOperationException when that store keeps no readings
     */
    public ReadingStore readingStore(Spec spec, StoreContext context) {
        StoreProvider p = storeProviderFor(spec, StoreProvider.Kind.READINGS, context);
        return requireCreated(p, p.createReadingStore(Settings.resolve(spec, p.parameters()), context));
    }

    /**
     * Creates a detection store by name, validating its parameters.
     *
     * @param spec id and parameter values
     * @param context what the store needs from its host
     * @return the store
     * @throws UnsupportedOperationException when that store keeps no detections
     */
    public DetectionStore detectionStore(Spec spec, StoreContext context) {
        StoreProvider p = storeProviderFor(spec, StoreProvider.Kind.DETECTIONS, context);
        return requireCreated(p, p.createDetectionStore(Settings.resolve(spec, p.parameters()), context));
    }

    /**
     * Creates a model store by name, validating its parameters.
     *
     * @param spec id and parameter values, e.g. {@code Spec.of("file")} with a {@code Path} in the context
     * @param context what the store needs from its host
     * @return the store
     * @throws UnsupportedOperationException when that store keeps no models
     */
    public ModelStore modelStore(Spec spec, StoreContext context) {
        StoreProvider p = storeProviderFor(spec, StoreProvider.Kind.MODELS, context);
        return requireCreated(p, p.createModelStore(Settings.resolve(spec, p.parameters()), context));
    }

    private StoreProvider storeProviderFor(Spec spec, StoreProvider.Kind kind, StoreContext context) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(context, "context");
        StoreProvider p = storeProvider(spec.id());
        if (!p.kinds().contains(kind)) {
            throw new UnsupportedOperationException("store '" + spec.id() + "' keeps " + p.kinds() + ", not "
                    + kind + "; stores keeping " + kind + ": " + storeIds(kind));
        }
        return p;
    }

    private List<String> storeIds(StoreProvider.Kind kind) {
        return providers(PluginKind.STORE).stream().map(StoreProvider.class::cast)
                .filter(p -> p.kinds().contains(kind)).map(StoreProvider::id).sorted().toList();
    }

    /** Refuses a provider that returned null instead of a plugin. */
    private static <T> T requireCreated(PluginProvider p, T created) {
        if (created == null) {
            throw new AnomalyException("provider " + p.getClass().getName() + " returned null for '" + p.id() + "'");
        }
        return created;
    }

    /** Refuses null, and a plugin whose id is not the id its provider was asked for. */
    private static <T> T checkCreated(PluginProvider p, T created, java.util.function.Function<T, String> id) {
        requireCreated(p, created);
        if (!p.id().equals(id.apply(created))) {
            throw new AnomalyException("provider " + p.getClass().getName() + " for '" + p.id()
                    + "' created a plugin whose id is '" + id.apply(created) + "'");
        }
        return created;
    }

    /**
     * @param kind a plugin kind
     * @param id a plugin id
     * @return the provider
     * @throws UnknownPluginException listing the known ids of that kind
     * @throws AnomalyException when the id was refused because two providers claim it
     */
    public PluginProvider lookup(PluginKind kind, String id) {
        Objects.requireNonNull(id, "id");
        PluginProvider p = providers.get(kind).get(id);
        if (p != null) {
            return p;
        }
        String conflict = refused.get(kind).get(id);
        if (conflict != null) {
            throw new AnomalyException(kind.label() + " '" + id + "' is refused: " + conflict);
        }
        throw new UnknownPluginException(kind.label(), id, ids(kind));
    }

    /**
     * @param kind a plugin kind
     * @return the registered ids of that kind, sorted
     */
    public List<String> ids(PluginKind kind) {
        return List.copyOf(providers.get(kind).keySet());
    }

    /**
     * @param kind a plugin kind
     * @return the registered providers of that kind, sorted by id
     */
    public List<PluginProvider> providers(PluginKind kind) {
        return List.copyOf(providers.get(kind).values());
    }

    /** @return everything discovery refused, in the order found */
    public List<PluginProblem> problems() {
        return problems;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Plugins[");
        for (PluginKind k : PluginKind.values()) {
            sb.append(k.label()).append("s=").append(ids(k)).append(k.ordinal() < PluginKind.values().length - 1
                    ? ", " : "");
        }
        return sb.append(problems.isEmpty() ? "" : ", " + problems.size() + " problems").append(']').toString();
    }

    /** Collects providers. Not thread-safe; {@link #build()} makes an immutable registry. */
    public static final class Builder {
        private final Map<PluginKind, Map<String, PluginProvider>> providers = new EnumMap<>(PluginKind.class);
        private final Map<PluginKind, Map<String, String>> refused = new EnumMap<>(PluginKind.class);
        private final List<PluginProblem> problems = new ArrayList<>();

        private Builder() {
            for (PluginKind k : PluginKind.values()) {
                providers.put(k, new TreeMap<>());
                refused.put(k, new LinkedHashMap<>());
            }
        }

        /**
         * Adds every provider of every kind that {@link ServiceLoader} finds through {@code loader}.
         *
         * @param loader the class loader to search
         * @return this builder
         */
        public Builder discover(ClassLoader loader) {
            Objects.requireNonNull(loader, "loader");
            for (PluginKind kind : PluginKind.values()) {
                discover(kind, loader);
            }
            return this;
        }

        private void discover(PluginKind kind, ClassLoader loader) {
            Iterator<? extends ServiceLoader.Provider<? extends PluginProvider>> it =
                    ServiceLoader.load(kind.providerType(), loader).stream().iterator();
            while (true) {
                ServiceLoader.Provider<? extends PluginProvider> handle;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    handle = it.next();
                } catch (ServiceConfigurationError e) {
                    problem(kind, null, "a provider could not be located: " + e.getMessage(), e);
                    continue;
                }
                PluginProvider provider;
                try {
                    provider = handle.get();
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    problem(kind, null, "provider " + handle.type().getName() + " failed to load: "
                            + (e.getCause() != null ? e.getCause() : e), e);
                    continue;
                }
                accept(kind, provider, true);
            }
        }

        /**
         * Registers a provider for every kind it implements.
         *
         * @param provider the provider
         * @return this builder
         * @throws IllegalArgumentException when its id is invalid, its SPI version unsupported, or its id taken
         */
        public Builder register(PluginProvider provider) {
            Objects.requireNonNull(provider, "provider");
            java.util.EnumSet<PluginKind> kinds = PluginKind.of(provider);
            if (kinds.isEmpty()) {
                throw new IllegalArgumentException(provider.getClass().getName()
                        + " implements no plugin kind's provider interface");
            }
            for (PluginKind kind : kinds) {
                accept(kind, provider, false);
            }
            return this;
        }

        private void accept(PluginKind kind, PluginProvider provider, boolean discovered) {
            String className = provider.getClass().getName();
            String id;
            try {
                id = Spec.requireValidId(provider.id());
                int v = provider.spiVersion();
                if (v > PluginProvider.SPI_VERSION || v < PluginProvider.MIN_SUPPORTED_SPI_VERSION) {
                    throw new IllegalArgumentException("provider " + className + " was built for SPI version " + v
                            + "; this library supports " + PluginProvider.MIN_SUPPORTED_SPI_VERSION + ".."
                            + PluginProvider.SPI_VERSION);
                }
            } catch (RuntimeException e) {
                if (!discovered) {
                    throw new IllegalArgumentException(className + ": " + e.getMessage(), e);
                }
                problem(kind, null, "provider " + className + " refused: " + e.getMessage(), e);
                return;
            }
            Map<String, PluginProvider> byId = providers.get(kind);
            String earlierConflict = refused.get(kind).get(id);
            PluginProvider existing = byId.get(id);
            if (existing != null && existing.getClass() == provider.getClass()) {
                return; // the same class seen twice (two loaders, or discover + register): one provider
            }
            if (existing != null || earlierConflict != null) {
                String first = existing != null ? existing.getClass().getName() : earlierConflict;
                String message = "provided by both " + first + " and " + className
                        + "; remove one of them from the class path";
                if (!discovered) {
                    throw new IllegalArgumentException(kind.label() + " '" + id + "' is " + message);
                }
                byId.remove(id);
                refused.get(kind).put(id, message);
                problem(kind, id, message, null);
                return;
            }
            byId.put(id, provider);
        }

        private void problem(PluginKind kind, String id, String message, Throwable cause) {
            PluginProblem p = new PluginProblem(kind, id, message, cause);
            problems.add(p);
            LOG.warn("anomaly4j plugin discovery: {}", p, cause);
        }

        /** @return the registry */
        public Plugins build() {
            Map<PluginKind, Map<String, PluginProvider>> p = new EnumMap<>(PluginKind.class);
            Map<PluginKind, Map<String, String>> r = new EnumMap<>(PluginKind.class);
            for (PluginKind k : PluginKind.values()) {
                p.put(k, java.util.Collections.unmodifiableMap(new TreeMap<>(providers.get(k))));
                r.put(k, Map.copyOf(refused.get(k)));
            }
            return new Plugins(p, r, problems);
        }
    }

    private static final class DefaultHolder {
        static final Plugins INSTANCE = create();

        private static Plugins create() {
            Builder b = builder().discover(Plugins.class.getClassLoader());
            ClassLoader context = Thread.currentThread().getContextClassLoader();
            if (context != null && context != Plugins.class.getClassLoader()) {
                b.discover(context);
            }
            Plugins plugins = b.build();
            LOG.debug("anomaly4j default plugins: {}", plugins);
            return plugins;
        }
    }
}
