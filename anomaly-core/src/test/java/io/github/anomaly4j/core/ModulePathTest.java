package io.github.anomaly4j.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.anomaly4j.api.detect.Detector;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The other tests run on the class path. This one compiles a small application module that
 * {@code requires io.github.anomaly4j.core}, resolves it with the library's own module descriptors in a fresh module
 * layer, and runs it: plugins must be found through {@code provides}/{@code uses}, and Jackson must reach the state
 * records through the {@code opens} directives, or the round trips below fail.
 */
class ModulePathTest {

    private static final String MODULE_INFO = """
            module smoke {
                requires io.github.anomaly4j.core;
                exports smoke;
            }
            """;

    private static final String APP = """
            package smoke;

            import io.github.anomaly4j.api.data.Frame;
            import io.github.anomaly4j.api.data.TimeSeries;
            import io.github.anomaly4j.api.detect.AnomalyModel;
            import io.github.anomaly4j.core.*;

            public final class App {
                public static String run() {
                    Frame frame = Frame.ofRows(new double[][] {{1}, {2}, {3}, {4}, {50}});
                    AnomalyModel mad = Anomaly.detector("mad").fit(frame);
                    AnomalyModel back = Anomaly.codec().decodeAnomalyModel(Anomaly.codec().encode(mad));
                    long[] ts = new long[200];
                    double[] v = new double[200];
                    for (int i = 0; i < ts.length; i++) {
                        ts[i] = 1000L * i;
                        v[i] = Math.sin(i / 5.0);
                    }
                    Pipeline p = Anomaly.pipeline().detector(Anomaly.detector("zscore"))
                            .fit(TimeSeries.of(ts, "x", v));
                    Pipeline loaded = Anomaly.codec().decodePipeline(Anomaly.codec().encode(p));
                    return Plugins.defaultPlugins().ids(PluginKind.DETECTOR) + ";"
                            + (Double.doubleToRawLongBits(back.score(new double[] {9}))
                                    == Double.doubleToRawLongBits(mad.score(new double[] {9}))) + ";"
                            + (loaded.process(999_999L, 5.0).score() == p.fresh().process(999_999L, 5.0).score())
                            + ";" + App.class.getModule().isNamed() + ";" + Anomaly.class.getModule().getName();
                }
            }
            """;

    @Test
    void theLibraryWorksOnTheModulePath(@TempDir Path dir) throws Exception {
        List<Path> libraryPath = new ArrayList<>();
        for (Class<?> c : new Class<?>[] {Detector.class, Anomaly.class, ObjectMapper.class, JsonFactory.class,
                JsonProperty.class, LoggerFactory.class, org.slf4j.simple.SimpleServiceProvider.class}) {
            libraryPath.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        Path src = Files.createDirectories(dir.resolve("src/smoke"));
        Files.writeString(dir.resolve("src/module-info.java"), MODULE_INFO);
        Files.writeString(src.resolve("App.java"), APP);
        Path out = dir.resolve("out");
        String modulePath = String.join(java.io.File.pathSeparator, libraryPath.stream().map(Path::toString)
                .toList());
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac").orElseThrow();
        java.io.StringWriter err = new java.io.StringWriter();
        int rc = javac.run(new java.io.PrintWriter(err), new java.io.PrintWriter(err), "-d", out.toString(),
                "--module-path", modulePath, dir.resolve("src/module-info.java").toString(),
                src.resolve("App.java").toString());
        assertThat(rc).as("javac: %s", err).isZero();

        List<Path> all = new ArrayList<>(libraryPath);
        all.add(out);
        ModuleFinder finder = ModuleFinder.of(all.toArray(new Path[0]));
        ModuleLayer boot = ModuleLayer.boot();
        Configuration config = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), Set.of("smoke"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(config, ClassLoader.getPlatformClassLoader());
        ClassLoader loader = layer.findLoader("smoke");

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            Method run = loader.loadClass("smoke.App").getMethod("run");
            assertThat((String) run.invoke(null)).isEqualTo("[cusum, ewma, iqr, mad, windowed-gaussian, zscore];"
                    + "true;true;true;io.github.anomaly4j.core");
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
