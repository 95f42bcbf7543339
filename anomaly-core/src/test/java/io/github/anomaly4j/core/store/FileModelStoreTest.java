package io.github.anomaly4j.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.anomaly4j.api.IncompatibleModelException;
import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.StoreException;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.tck.store.ModelStoreCompatibilityKit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file model store passes the kit (its tamper check flips one byte of a stored file), and keeps what its
 * javadoc promises about files: the layout, reopening, crashes mid-write, truncation, and two processes at once.
 */
class FileModelStoreTest extends ModelStoreCompatibilityKit {
    private static final String NAME = "sensor-42";
    private static final Instant NOON = Instant.parse("2024-05-01T12:00:00.123456789Z");

    @TempDir
    Path temp;

    private final AtomicInteger stores = new AtomicInteger();

    @Override
    protected ModelStore newStore() {
        return FileModelStore.open(temp.resolve("models-" + stores.incrementAndGet()));
    }

    @Override
    protected void corrupt(ModelStore store, String name, int version) throws IOException {
        Path file = ((FileModelStore) store).root().resolve(name).resolve(String.format("v%06d.model", version));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 1;
        Files.write(file, bytes);
    }

    private Path root() {
        return temp.resolve("models");
    }

    private static byte[] content(int seed, int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Layout and reopening

    @Test
    void filesOnDiskFollowTheDocumentedLayout() throws IOException {
        FileModelStore store = FileModelStore.open(root(), Clock.fixed(NOON, ZoneOffset.UTC));
        byte[] v1 = content(1, 300);
        store.publish(NAME, v1, Map.of("trainedOn", "2024-04", "rows", "5000"));
        store.publish(NAME, content(2, 10), Map.of());
        store.promote(NAME, 2);

        Path dir = root().resolve(NAME);
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = files.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(
                    TreeSet::new));
            assertThat(names).containsExactly(".lock", "active.json", "v000001.json", "v000001.model", "v000002.json",
                            "v000002.model");
        }
        assertThat(Files.readAllBytes(dir.resolve("v000001.model"))).isEqualTo(v1);

        ObjectMapper json = new ObjectMapper();
        JsonNode metadata = json.readTree(dir.resolve("v000001.json").toFile());
        assertThat(metadata.get("format").asText()).isEqualTo("anomaly4j-model-version");
        assertThat(metadata.get("formatVersion").asInt()).isEqualTo(1);
        assertThat(metadata.get("name").asText()).isEqualTo(NAME);
        assertThat(metadata.get("version").asInt()).isEqualTo(1);
        assertThat(metadata.get("sha256").asText()).isEqualTo(FileModelStore.sha256(v1)).hasSize(64);
        assertThat(metadata.get("sizeBytes").asLong()).isEqualTo(300);
        assertThat(metadata.get("published").asText()).isEqualTo("2024-05-01T12:00:00.123456789Z");
        assertThat(metadata.get("provenance").get("trainedOn").asText()).isEqualTo("2024-04");
        assertThat(metadata.get("provenance").get("rows").asText()).isEqualTo("5000");

        JsonNode pointer = json.readTree(dir.resolve("active.json").toFile());
        assertThat(pointer.get("format").asText()).isEqualTo("anomaly4j-model-pointer");
        assertThat(pointer.get("active").asInt()).isEqualTo(2);
        assertThat(pointer.get("history")).extracting(JsonNode::asInt).containsExactly(1);
    }

    @Test
    void theInjectedClockStampsVersions() {
        FileModelStore store = FileModelStore.open(root(), Clock.fixed(NOON, ZoneOffset.UTC));
        assertThat(store.publish(NAME, content(1, 10), Map.of()).published()).isEqualTo(NOON);
        assertThat(FileModelStore.open(root()).versions(NAME).get(0).published()).isEqualTo(NOON);
    }

    @Test
    void aStoreReopenedOnTheSameDirectorySeesTheSameVersionsAndPointer() {
        FileModelStore first = FileModelStore.open(root(), Clock.fixed(NOON, ZoneOffset.UTC));
        for (int v = 1; v <= 3; v++) {
            first.publish(NAME, content(v, 100 * v), Map.of("v", String.valueOf(v)));
        }
        first.publish("other", content(9, 9), Map.of());
        first.promote(NAME, 3);
        first.promote(NAME, 2);
        List<ModelVersion> before = first.versions(NAME);

        FileModelStore reopened = FileModelStore.open(root());
        assertThat(reopened.names()).containsExactly("other", NAME);
        assertThat(reopened.versions(NAME)).isEqualTo(before);
        assertThat(reopened.active(NAME).map(ModelVersion::version)).contains(2);
        assertThat(reopened.load(NAME, 3)).isEqualTo(content(3, 300));
        assertThat(reopened.rollback(NAME).version()).isEqualTo(3); // the history survived too
        assertThat(first.active(NAME).map(ModelVersion::version)).contains(3);
        assertThat(FileModelStore.open(root()).rollback(NAME).version()).isEqualTo(1);
        assertThat(reopened.publish(NAME, content(4, 4), Map.of()).version()).isEqualTo(4);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Crashes and damage

    @Test
    void temporaryFilesLeftByACrashAreIgnoredAndCleanedUpByTheNextPublish() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        ModelVersion v1 = store.publish(NAME, content(1, 100), Map.of());
        Path dir = root().resolve(NAME);
        List<Path> leftovers = List.of(dir.resolve(".v000002.model.0b9c3f8e.tmp"),
                dir.resolve(".v000002.json.5d1e2a7c.tmp"), dir.resolve(".active.json.77aa01be.tmp"));
        for (Path leftover : leftovers) {
            Files.write(leftover, "half a file".getBytes(StandardCharsets.UTF_8));
        }

        assertThat(store.versions(NAME)).containsExactly(v1);
        assertThat(store.active(NAME)).contains(v1);
        assertThat(store.names()).containsExactly(NAME);
        ModelVersion v2 = store.publish(NAME, content(2, 200), Map.of());
        assertThat(v2.version()).isEqualTo(2);
        assertThat(store.load(NAME, 2)).isEqualTo(content(2, 200));
        assertThat(leftovers).noneMatch(Files::exists);
    }

    @Test
    void aModelFileWithoutMetadataIsIgnoredAndReplacedByTheNextPublish() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        store.publish(NAME, content(1, 100), Map.of());
        Path orphan = root().resolve(NAME).resolve("v000002.model"); // crash between the two renames
        Files.write(orphan, content(99, 50));

        assertThat(store.versions(NAME)).extracting(ModelVersion::version).containsExactly(1);
        assertThatThrownBy(() -> store.load(NAME, 2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no version 2").hasMessageContaining("[1]");
        assertThat(store.publish(NAME, content(2, 200), Map.of()).version()).isEqualTo(2);
        assertThat(store.load(NAME, 2)).isEqualTo(content(2, 200));
    }

    @Test
    void aMissingPointerMeansTheFirstVersionIsActive() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        store.publish(NAME, content(1, 10), Map.of());
        store.publish(NAME, content(2, 10), Map.of());
        Files.delete(root().resolve(NAME).resolve("active.json")); // crash right after the first metadata
        assertThat(store.active(NAME).map(ModelVersion::version)).contains(1);
        assertThat(store.promote(NAME, 2).active()).isTrue();
        assertThat(store.rollback(NAME).version()).isEqualTo(1);
    }

    @Test
    void aTruncatedFileIsRefused() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        byte[] bytes = content(1, 1000);
        store.publish(NAME, bytes, Map.of());
        Path file = root().resolve(NAME).resolve("v000001.model");
        Files.write(file, Arrays.copyOf(bytes, 400));

        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("model 'sensor-42' version 1").hasMessageContaining(file.toString())
                .hasMessageContaining("has 400 bytes, but 1000 were published").hasMessageContaining("truncated");
    }

    @Test
    void aGrownFileIsRefusedWithoutReadingIt() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        byte[] bytes = content(1, 100);
        store.publish(NAME, bytes, Map.of());
        Path file = root().resolve(NAME).resolve("v000001.model");
        byte[] grown = Arrays.copyOf(bytes, 101);
        Files.write(file, grown);

        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("has 101 bytes, but 100 were published");
    }

    @Test
    void aChangedByteIsRefusedNamingBothChecksums() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        byte[] bytes = content(1, 100);
        store.publish(NAME, bytes, Map.of());
        byte[] tampered = bytes.clone();
        tampered[50] ^= 0x40;
        Files.write(root().resolve(NAME).resolve("v000001.model"), tampered);

        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("checksum mismatch: expected " + FileModelStore.sha256(bytes) + ", got "
                        + FileModelStore.sha256(tampered));
    }

    @Test
    void aMissingModelFileIsAStoreFailureNamingThePath() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        store.publish(NAME, content(1, 10), Map.of());
        Path file = root().resolve(NAME).resolve("v000001.model");
        Files.delete(file);
        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    @Test
    void damagedMetadataIsRefusedNamingTheFile() throws IOException {
        FileModelStore store = FileModelStore.open(root());
        store.publish(NAME, content(1, 10), Map.of());
        Path metadata = root().resolve(NAME).resolve("v000001.json");

        Files.writeString(metadata, "{\"format\": \"anomaly4j-model-version\", ");
        assertThatThrownBy(() -> store.versions(NAME)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(metadata.toString()).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(ModelFormatException.class);

        Files.writeString(metadata, "{\"format\": \"anomaly4j-model-version\", \"formatVersion\": 1, \"name\": "
                + "\"someone-else\", \"version\": 1}");
        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("describes model 'someone-else' version 1");

        Files.writeString(metadata, "{\"format\": \"anomaly4j-model-version\", \"formatVersion\": 7}");
        assertThatThrownBy(() -> store.load(NAME, 1)).isInstanceOf(IncompatibleModelException.class)
                .hasMessageContaining("formatVersion 7");
    }

    @Test
    void openRefusesARegularFileNamingIt() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-directory"), "x");
        assertThatThrownBy(() -> FileModelStore.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Concurrency beyond one store instance

    @Test
    void twoStoresOnOneDirectoryInOneProcessTakeDistinctNumbers() throws Exception {
        FileModelStore a = FileModelStore.open(root());
        FileModelStore b = FileModelStore.open(root());
        List<Integer> fromA = new ArrayList<>();
        Thread other = new Thread(() -> {
            for (int i = 0; i < 25; i++) {
                fromA.add(a.publish(NAME, content(i, 10), Map.of()).version());
            }
        });
        other.start();
        List<Integer> fromB = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            fromB.add(b.publish(NAME, content(100 + i, 10), Map.of()).version());
        }
        other.join(TimeUnit.SECONDS.toMillis(60));
        Set<Integer> all = new TreeSet<>(fromA);
        all.addAll(fromB);
        assertThat(all).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
    }

    @Test
    void twoProcessesPublishingAtOnceTakeDistinctNumbers() throws Exception {
        Path root = root();
        FileModelStore store = FileModelStore.open(root);
        int perProcess = 15;
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < 2; p++) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Publisher.class.getName(), root.toString(), NAME,
                    String.valueOf(perProcess)).redirectErrorStream(true).start());
        }
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < perProcess; i++) {
            numbers.add(store.publish(NAME, content(i, 64), Map.of("publisher", "parent")).version());
        }
        for (Process child : children) {
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.exitValue()).as("exit value of a child; its output:%n%s", output).isZero();
            for (String line : output.strip().split("\\R")) {
                numbers.add(Integer.parseInt(line.strip()));
            }
        }
        int total = 3 * perProcess;
        assertThat(new TreeSet<>(numbers)).as("version numbers taken by three processes")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(numbers).hasSize(total);
        for (ModelVersion v : store.versions(NAME)) {
            assertThat(store.load(NAME, v.version())).hasSize((int) v.sizeBytes()); // every checksum verifies
        }
    }

    /** The other process of {@link #twoProcessesPublishingAtOnceTakeDistinctNumbers}: prints its versions. */
    static final class Publisher {
        private Publisher() {
        }

        public static void main(String[] args) {
            FileModelStore store = FileModelStore.open(Path.of(args[0]));
            int count = Integer.parseInt(args[2]);
            long pid = ProcessHandle.current().pid();
            for (int i = 0; i < count; i++) {
                System.out.println(store.publish(args[1], content((int) pid + i, 64 + i), Map.of("publisher",
                        String.valueOf(pid))).version());
            }
        }
    }
}
