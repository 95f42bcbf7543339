package io.github.anomaly4j.core;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Compiles Java sources at test time and packs them, with service files, into a jar of their own. */
final class PluginJar {
    private PluginJar() {
    }

    /**
     * @param dir scratch directory
     * @param sources fully qualified class name to source text
     * @param services service interface name to provider class names (one per line)
     * @param classPathOf classes whose code source the sources compile against
     * @return the jar
     */
    static Path build(Path dir, Map<String, String> sources, Map<String, String> services, Class<?>... classPathOf)
            throws IOException, URISyntaxException {
        Path src = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-classpath"));
        List<String> cp = new ArrayList<>();
        for (Class<?> c : classPathOf) {
            cp.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        }
        args.add(String.join(java.io.File.pathSeparator, cp));
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue());
            args.add(file.toString());
        }
        // java.util.spi.ToolProvider lives in java.base, so the test needs no extra module reads.
        java.util.spi.ToolProvider javac = java.util.spi.ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("tests need a JDK with javac"));
        java.io.StringWriter err = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(err);
        int rc = javac.run(pw, pw, args.toArray(new String[0]));
        if (rc != 0) {
            throw new IllegalStateException("test plugin did not compile:\n" + err);
        }
        Path jar = dir.resolve("plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> files = Files.walk(classes)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, out);
                out.closeEntry();
            }
            for (Map.Entry<String, String> e : services.entrySet()) {
                out.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
                OutputStream o = out;
                o.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }
}
