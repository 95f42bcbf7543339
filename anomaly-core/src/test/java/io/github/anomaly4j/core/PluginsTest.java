package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.anomaly4j.api.AnomalyException;
import io.github.anomaly4j.api.UnknownPluginException;
import io.github.anomaly4j.api.detect.Detector;
import io.github.anomaly4j.core.detect.MadProvider;
import io.github.anomaly4j.core.detect.ZScoreDetector;
import io.github.anomaly4j.core.detect.ZScoreProvider;
import io.github.anomaly4j.spi.DetectorProvider;
import io.github.anomaly4j.spi.Spec;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginsTest {

    private static final String PROVIDER_IMPORTS = """
            package thirdparty;
            import io.github.anomaly4j.api.detect.*;
            import io.github.anomaly4j.api.data.Frame;
            import io.github.anomaly4j.spi.*;
            import java.util.List;
            """;

    private static String provider(String className, String id, String extra) {
        return PROVIDER_IMPORTS + """
                public class %s implements DetectorProvider<%s.State> {
                    public record State(double x) {}
                    %s
                    public String id() { return "%s"; }
                    public String description() { return "test"; }
                    public List<Parameter<?>> parameters() { return List.of(); }
                    public Class<State> stateType() { return State.class; }
                    public AnomalyModel restore(State s) { throw new UnsupportedOperationException(); }
                    public Detector create(Settings settings) {
                        return new Detector() {
                            public String id() { return "%s"; }
                            public Spec spec() { return Spec.of("%s"); }
                            public AnomalyModel fit(Frame f) { throw new UnsupportedOperationException(); }
                        };
                    }
                }
                """.formatted(className, className, extra, id, id, id);
    }

    private Plugins discoverThirdPartyJar(Path dir) throws Exception {
        Map<String, String> sources = Map.of(
                "thirdparty.EchoProvider", provider("EchoProvider", "echo", ""),
                "thirdparty.BrokenProvider", provider("BrokenProvider", "broken",
                        "public BrokenProvider() { throw new IllegalStateException(\"boom\"); }"),
                "thirdparty.DuplicateZScoreProvider", provider("DuplicateZScoreProvider", "zscore", ""),
                "thirdparty.FutureProvider", provider("FutureProvider", "future",
                        "public int spiVersion() { return 99; }"),
                "thirdparty.BadIdProvider", provider("BadIdProvider", "Bad.Id", ""));
        String services = String.join("\n", "thirdparty.EchoProvider", "thirdparty.BrokenProvider",
                "thirdparty.DuplicateZScoreProvider", "thirdparty.FutureProvider", "thirdparty.BadIdProvider",
                "thirdparty.MissingProvider", "");
        Path jar = PluginJar.build(dir, sources, Map.of(DetectorProvider.class.getName(), services),
                DetectorProvider.class);
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, getClass().getClassLoader());
        return Plugins.discover(loader);
    }

    @Test
    void builtInDetectorsAreFoundThroughTheServiceLoaderLikeAnyPlugin() {
        Plugins plugins = Plugins.discover(getClass().getClassLoader());
        assertThat(plugins.ids(PluginKind.DETECTOR))
                .contains("zscore", "mad", "iqr", "ewma", "cusum", "windowed-gaussian");
        assertThat(plugins.detectorProvider("zscore")).isInstanceOf(ZScoreProvider.class);
        assertThat(plugins.problems()).isEmpty();
    }

    @Test
    void aPluginInASeparateJarIsFoundOnlyThroughItsServiceFile(@TempDir Path dir) throws Exception {
        assertThat(Plugins.defaultPlugins().ids(PluginKind.DETECTOR)).doesNotContain("echo");
        Plugins plugins = discoverThirdPartyJar(dir);
        Detector echo = plugins.detector(Spec.of("echo"));
        assertThat(echo.id()).isEqualTo("echo");
        assertThat(plugins.detectorProvider("echo").getClass().getName()).isEqualTo("thirdparty.EchoProvider");
        assertThat(plugins.detectorProvider("echo").getClass().getClassLoader())
                .isNotSameAs(getClass().getClassLoader());
    }

    @Test
    void brokenMissingFutureAndBadIdProvidersAreReportedAndTheOthersStillLoad(@TempDir Path dir) throws Exception {
        Plugins plugins = discoverThirdPartyJar(dir);
        assertThat(plugins.ids(PluginKind.DETECTOR)).contains("echo", "mad").doesNotContain("broken", "future");
        assertThat(plugins.problems()).extracting(PluginProblem::message)
                .anySatisfy(m -> assertThat(m).contains("thirdparty.BrokenProvider").contains("boom"))
                .anySatisfy(m -> assertThat(m).contains("thirdparty.MissingProvider"))
                .anySatisfy(m -> assertThat(m).contains("thirdparty.FutureProvider").contains("SPI version 99"))
                .anySatisfy(m -> assertThat(m).contains("thirdparty.BadIdProvider").contains("Bad.Id"));
    }

    @Test
    void aDuplicateIdIsRefusedNamingBothClassesWithoutHarmingOtherIds(@TempDir Path dir) throws Exception {
        Plugins plugins = discoverThirdPartyJar(dir);
        assertThat(plugins.problems()).anySatisfy(p -> {
            assertThat(p.id()).isEqualTo("zscore");
            assertThat(p.message()).contains(ZScoreProvider.class.getName())
                    .contains("thirdparty.DuplicateZScoreProvider");
        });
        assertThatThrownBy(() -> plugins.detectorProvider("zscore")).isInstanceOf(AnomalyException.class)
                .isNotInstanceOf(UnknownPluginException.class)
                .hasMessageContaining("thirdparty.DuplicateZScoreProvider")
                .hasMessageContaining(ZScoreProvider.class.getName());
        assertThat(plugins.detectorProvider("mad")).isInstanceOf(MadProvider.class);
    }

    @Test
    void anUnknownIdListsTheKnownOnes() {
        assertThatThrownBy(() -> Anomaly.detector("zscroe")).isInstanceOf(UnknownPluginException.class)
                .hasMessageContaining("unknown detector 'zscroe'")
                .hasMessageContaining("mad, windowed-gaussian, zscore");
        UnknownPluginException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> Anomaly.detector("nope"), UnknownPluginException.class);
        assertThat(e.knownIds()).contains("mad", "zscore");
        assertThat(e.kind()).isEqualTo("detector");
    }

    @Test
    void explicitRegistrationWorksWithoutDiscovery() {
        Plugins plugins = Plugins.builder().register(new ZScoreProvider()).build();
        assertThat(plugins.ids(PluginKind.DETECTOR)).containsExactly("zscore");
        assertThat(plugins.detector(Spec.of("zscore").with("window", 50))).isInstanceOf(ZScoreDetector.class);
        assertThat(((ZScoreDetector) plugins.detector(Spec.of("zscore").with("window", 50))).window())
                .isEqualTo(50);
    }

    @Test
    void explicitRegistrationOfATakenIdNamesBothClasses() {
        DetectorProvider<?> impostor = new ImpostorProvider();
        Plugins.Builder builder = Plugins.builder().register(new ZScoreProvider());
        assertThatThrownBy(() -> builder.register(impostor)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ZScoreProvider.class.getName())
                .hasMessageContaining(impostor.getClass().getName());
    }

    @Test
    void registeringTheSameProviderClassTwiceIsHarmless() {
        Plugins plugins = Plugins.builder().discover(getClass().getClassLoader()).register(new ZScoreProvider())
                .build();
        assertThat(plugins.detectorProvider("zscore")).isInstanceOf(ZScoreProvider.class);
        assertThat(plugins.problems()).isEmpty();
    }

    @Test
    void parametersAreValidatedByName() {
        assertThatThrownBy(() -> Anomaly.detector("zscore", Map.of("windw", 10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown parameter 'windw'")
                .hasMessageContaining("window");
        assertThatThrownBy(() -> Anomaly.detector("zscore", Map.of("window", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'window'")
                .hasMessageContaining("2..1000000");
        assertThatThrownBy(() -> Anomaly.detector("zscore", Map.of("window", 10, "warmUp", 20)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmUp");
        assertThat(Anomaly.detector("mad", Map.of("window", "30")).spec().values()).containsEntry("window", 30);
        // the automatic warm-up fits a small window
        assertThat(Anomaly.detector("zscore", Map.of("window", 5)).spec().values()).containsEntry("warmUp", 5);
    }

    @Test
    void aDetectorsSpecRebuildsAnEqualDetector() {
        Detector d = Anomaly.detector("mad", Map.of("window", 40, "warmUp", 5));
        assertThat(Anomaly.detector(d.spec()).spec()).isEqualTo(d.spec());
    }

    /** Claims the zscore id with another class. */
    static final class ImpostorProvider implements DetectorProvider<io.github.anomaly4j.core.detect.CenterScaleState> {
        private final ZScoreProvider delegate = new ZScoreProvider();

        @Override
        public String id() {
            return "zscore";
        }

        @Override
        public String description() {
            return "impostor";
        }

        @Override
        public java.util.List<io.github.anomaly4j.spi.Parameter<?>> parameters() {
            return delegate.parameters();
        }

        @Override
        public Detector create(io.github.anomaly4j.spi.Settings settings) {
            return delegate.create(settings);
        }

        @Override
        public Class<io.github.anomaly4j.core.detect.CenterScaleState> stateType() {
            return delegate.stateType();
        }

        @Override
        public io.github.anomaly4j.api.detect.AnomalyModel restore(io.github.anomaly4j.core.detect.CenterScaleState s) {
            return delegate.restore(s);
        }
    }
}
