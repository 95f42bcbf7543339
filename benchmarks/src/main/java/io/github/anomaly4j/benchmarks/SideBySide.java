package io.github.anomaly4j.benchmarks;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Runs one main class of this jar from two builds in the same JVM, taking turns, so that the load other tenants put
 * on a shared machine falls on both builds alike. Each side gets its own class loader: the class directories given
 * for it first (say, {@code anomaly-features/target/classes} of a variant), then this jar. The two sides' classes
 * never meet, and the JIT compiles each on its own. Rounds alternate A B, B A, A B, ... and every line a side prints
 * is prefixed with {@code A} or {@code B}.
 *
 * <pre>
 * cp -r anomaly-features/target/classes /tmp/variant       # after building the variant
 * java -cp benchmarks/target/benchmarks.jar io.github.anomaly4j.benchmarks.SideBySide --a /tmp/variant --b - \
 *     --rounds 4 io.github.anomaly4j.benchmarks.FeatureTransformCpuTime rollingMedian 4000000
 * </pre>
 *
 * <p>{@code -} for a side means this jar alone. Timings to compare are those of the mains that report thread CPU
 * time ({@code FeatureTransformCpuTime}, {@code IsolationForestCpuTime}); a wall-clock figure still counts the time
 * a side spent descheduled.
 */
public final class SideBySide {
    private static final String USAGE = "usage: SideBySide --a DIR[:DIR...]|- --b DIR[:DIR...]|- [--rounds 4] "
            + "MAIN_CLASS [ARGS...]";

    private SideBySide() {
    }

    /**
     * Runs the comparison.
     *
     * @param args {@code --a DIRS --b DIRS [--rounds N] MAIN_CLASS [ARGS...]}
     */
    public static void main(String[] args) {
        CommandLine.run(args, SideBySide::compare);
    }

    static void compare(String[] args) {
        int i = 0;
        List<String> options = new ArrayList<>();
        while (i < args.length && args[i].startsWith("-")) {
            if (args[i].equals("--help") || args[i].equals("-h")) {
                throw new CommandLine.HelpRequested(USAGE);
            }
            options.add(args[i++]);
            if (i >= args.length) {
                throw new CommandLine.UsageException("option " + options.get(options.size() - 1)
                        + " needs a value\n" + USAGE);
            }
            options.add(args[i++]);
        }
        CommandLine cli = CommandLine.parse(options.toArray(String[]::new), Set.of("a", "b", "rounds"), USAGE);
        if (i >= args.length) {
            throw new CommandLine.UsageException("missing MAIN_CLASS\n" + USAGE);
        }
        String mainClass = args[i];
        String[] rest = Arrays.copyOfRange(args, i + 1, args.length);
        int rounds;
        try {
            rounds = Integer.parseInt(cli.optional("rounds", "4"));
        } catch (NumberFormatException e) {
            throw new CommandLine.UsageException("--rounds must be a whole number\n" + USAGE);
        }
        if (rounds < 1) {
            throw new CommandLine.UsageException("--rounds must be at least 1, got " + rounds + "\n" + USAGE);
        }
        Method a = mainOf(loader(cli.required("a", USAGE)), mainClass);
        Method b = mainOf(loader(cli.required("b", USAGE)), mainClass);
        PrintStream out = System.out;
        for (int r = 0; r < rounds; r++) {
            boolean aFirst = r % 2 == 0;
            run(aFirst ? "A" : "B", aFirst ? a : b, rest, out);
            run(aFirst ? "B" : "A", aFirst ? b : a, rest, out);
        }
    }

    /** A class loader over the given class directories and then this jar, with no application class loader. */
    private static ClassLoader loader(String dirs) {
        List<URL> urls = new ArrayList<>();
        try {
            if (!dirs.equals("-")) {
                for (String d : dirs.split(":")) {
                    Path p = Path.of(d);
                    if (!Files.isDirectory(p)) {
                        throw new CommandLine.UsageException(d + " is not a directory of classes\n" + USAGE);
                    }
                    urls.add(p.toUri().toURL());
                }
            }
            urls.add(SideBySide.class.getProtectionDomain().getCodeSource().getLocation().toURI().toURL());
        } catch (MalformedURLException | URISyntaxException e) {
            throw new IllegalStateException("cannot name the class path of a side", e);
        }
        return new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    private static Method mainOf(ClassLoader loader, String mainClass) {
        try {
            return loader.loadClass(mainClass).getMethod("main", String[].class);
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            throw new CommandLine.UsageException("no main(String[]) in " + mainClass + "\n" + USAGE);
        }
    }

    /** Runs one side's main with its output captured, then prints that output with the side's prefix. */
    private static void run(String side, Method main, String[] args, PrintStream out) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            main.invoke(null, (Object) args.clone());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(side + ": cannot call main", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(side + ": main failed: " + e.getCause(), e.getCause());
        } finally {
            System.setOut(out);
        }
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                out.println(side + " " + line);
            }
        }
    }
}
