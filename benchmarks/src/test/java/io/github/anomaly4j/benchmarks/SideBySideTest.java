package io.github.anomaly4j.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTest {
    private static String testClasses() throws URISyntaxException {
        return Path.of(SideBySideProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static List<String> run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            SideBySide.compare(args);
        } finally {
            System.setOut(out);
        }
        return captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void sidesTakeTurnsEachWithItsOwnClasses() throws Exception {
        String dir = testClasses();
        List<String> lines = run("--a", dir, "--b", dir, "--rounds", "3", SideBySideProbe.class.getName(), "x", "y");
        assertThat(lines).hasSize(6);
        assertThat(lines.stream().map(l -> l.substring(0, 1)).toList()).containsExactly("A", "B", "B", "A", "A", "B");
        assertThat(lines).allSatisfy(l -> assertThat(l).endsWith(" x,y"));
        // one class loader per side, the same in every round, never the test's own
        List<String> aLoaders = lines.stream().filter(l -> l.startsWith("A ")).map(l -> l.split(" ")[1]).toList();
        List<String> bLoaders = lines.stream().filter(l -> l.startsWith("B ")).map(l -> l.split(" ")[1]).toList();
        assertThat(aLoaders).containsOnly(aLoaders.get(0));
        assertThat(bLoaders).containsOnly(bLoaders.get(0));
        assertThat(aLoaders.get(0)).isNotEqualTo(bLoaders.get(0))
                .isNotEqualTo(String.valueOf(System.identityHashCode(SideBySideProbe.class.getClassLoader())));
    }

    @Test
    void badUseIsRefusedWithTheUsage() throws Exception {
        String dir = testClasses();
        String probe = SideBySideProbe.class.getName();
        assertThatThrownBy(() -> run("--a", "/no/such/dir", "--b", "-", probe))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("not a directory")
                .hasMessageContaining("usage: SideBySide");
        assertThatThrownBy(() -> run("--a", dir, "--b", "-", "no.such.Main"))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("no main(String[]) in no.such");
        assertThatThrownBy(() -> run("--a", dir, "--b", dir))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("missing MAIN_CLASS");
        assertThatThrownBy(() -> run("--a", dir, "--b", dir, "--rounds", "0", probe))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> run("--a", dir, probe))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("missing --b");
        assertThatThrownBy(() -> run("--a", dir, "--b"))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("needs a value");
    }
}
