package io.github.anomaly4j.tck.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The compatibility kit for {@link ModelStore} plugins: the store's test extends it, says how to make a fresh
 * empty store and, to run the tamper check, how to damage a stored version's bytes.
 *
 * <pre>{@code
 * class FileModelStoreTest extends ModelStoreCompatibilityKit {
 *     @TempDir
 *     Path root;
 *
 *     @Override
 *     protected ModelStore newStore() {
 *         return FileModelStore.open(root);
 *     }
 *
 *     @Override
 *     protected void corrupt(ModelStore store, String name, int version) throws Exception {
 *         Path file = root.resolve(name).resolve(String.format("v%06d.model", version));
 *         byte[] bytes = Files.readAllBytes(file);
 *         bytes[bytes.length / 2] ^= 1;
 *         Files.write(file, bytes);
 *     }
 * }
 * }</pre>
 * (A variant of this example is {@code FileModelStoreTest} in {@code anomaly-core}.)
 *
 * <h2>What it checks</h2>
 * <b>Publishing</b>
 * <ul>
 *   <li>three publications of a name return versions 1, 2 and 3 in order, each with the name, the SHA-256 of its
 *       bytes (64 lower-case hex digits), its size and its provenance, as {@code versions()} later lists them;</li>
 *   <li>the first version is active, later ones are not until promoted, and exactly one version is active;</li>
 *   <li>{@code load} returns exactly the bytes published (all 256 byte values; 1 byte; 1 MiB), and neither the
 *       caller's array nor a loaded array, changed afterwards, changes what is stored;</li>
 *   <li>{@code versions()} lists versions oldest first; provenance (empty, or with quotes, newlines, non-ASCII
 *       text and empty values) comes back as published;</li>
 *   <li>names are independent: versions of one name do not number or activate another's;</li>
 *   <li>8 threads publishing one name at once get distinct, consecutive version numbers 1..40, and each version
 *       loads the bytes its publisher published;</li>
 *   <li>{@code names()} is sorted ({@link String#compareTo}), holds each name once, and is empty for an empty
 *       store.</li>
 * </ul>
 * <b>Promotion and rollback</b>
 * <ul>
 *   <li>{@code promote} makes a version active (and only it) and returns it with {@code active} true;</li>
 *   <li>{@code rollback} re-activates the version active before the last promotion, and further rollbacks walk
 *       back through earlier promotions, most recent first;</li>
 *   <li>{@code rollback} with no promotion to undo throws {@link IllegalStateException} and changes nothing.</li>
 * </ul>
 * <b>Unknown names and versions; bad arguments</b>
 * <ul>
 *   <li>an unknown name has no versions, no active version and is not in {@code names()};</li>
 *   <li>{@code load} and {@code promote} of a version that does not exist (0, -1, one past the last, or of an
 *       unknown name) throw {@link IllegalArgumentException}; {@code rollback} of an unknown name throws
 *       {@link IllegalArgumentException} or {@link IllegalStateException};</li>
 *   <li>every method refuses invalid names ({@code "../x"}, {@code ""}, {@code "a/b"}, {@code "a\\b"},
 *       {@code ".hidden"}, {@code " x"}, {@code "x y"}, 129 characters) with {@link IllegalArgumentException},
 *       and null names, content and provenance with {@link NullPointerException} or
 *       {@link IllegalArgumentException}; nothing is stored by a refused call.</li>
 * </ul>
 * <b>Integrity</b> (when the test overrides {@link #corrupt})
 * <ul>
 *   <li>{@code load} of a version whose stored bytes were changed throws {@link ModelFormatException}, and the
 *       other versions still load.</li>
 * </ul>
 *
 * <p>Every check is its own public {@code @Test} method, so a plugin can run one from its own test when it
 * needs to.
 */
public abstract class ModelStoreCompatibilityKit {
    private static final String NAME = "sensor-42";
    private static final List<String> INVALID_NAMES = List.of("../x", "", "a/b", "a\\b", ".hidden", " x", "x y",
            "..", "x".repeat(129));

    /** For subclasses. */
    protected ModelStoreCompatibilityKit() {
    }

    /**
     * A fresh store holding no models. Called once per check; the checks never share a store.
     *
     * @return an empty store
     */
    protected abstract ModelStore newStore();

    /**
     * Changes the stored bytes of one version behind the store's back (flip a bit of the file, update the
     * database row), keeping its recorded checksum, so that the tamper check can see {@code load} refuse them.
     * By default the tamper check is skipped.
     *
     * @param store the store the check published to
     * @param name the model name
     * @param version the version to damage
     * @throws Exception when the damage cannot be done; the check then fails
     */
    protected void corrupt(ModelStore store, String name, int version) throws Exception {
        Assumptions.abort("corrupt(store, name, version) is not overridden, so the tamper check is skipped");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Publishing

    /** Versions 1, 2, 3 in order, with checksum, size and provenance, as versions() lists them. */
    @Test
    @DisplayName("publish returns versions 1, 2, 3 in order, with SHA-256, size and provenance, as versions() lists")
    public void publishNumbersVersionsInOrder() {
        ModelStore store = newStore();
        List<byte[]> contents = List.of(bytes(1, 100), bytes(2, 2000), bytes(3, 1));
        List<ModelVersion> published = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            Map<String, String> provenance = Map.of("trainedOn", "2024-0" + (i + 1), "rows", String.valueOf(i));
            ModelVersion v = store.publish(NAME, contents.get(i), provenance);
            published.add(v);
            assertThat(v.name()).as("name of version %d", i + 1).isEqualTo(NAME);
            assertThat(v.version()).as("number of publication %d", i + 1).isEqualTo(i + 1);
            assertThat(v.sha256()).as("sha256 of version %d", i + 1).isEqualTo(sha256(contents.get(i)));
            assertThat(v.sizeBytes()).as("sizeBytes of version %d", i + 1).isEqualTo(contents.get(i).length);
            assertThat(v.provenance()).as("provenance of version %d", i + 1).isEqualTo(provenance);
            assertThat(v.published()).as("published of version %d", i + 1).isNotNull();
        }
        assertThat(store.versions(NAME)).as("versions() after 3 publications").containsExactlyElementsOf(published);
    }

    /** The first version is active; later ones are not until promoted. */
    @Test
    @DisplayName("the first version is active; later ones are not until promoted")
    public void firstVersionIsActive() {
        ModelStore store = newStore();
        ModelVersion v1 = store.publish(NAME, bytes(1, 10), Map.of());
        assertThat(v1.active()).as("version 1 as returned by publish is active").isTrue();
        assertThat(store.active(NAME)).as("active() after one publication").contains(v1);
        ModelVersion v2 = store.publish(NAME, bytes(2, 10), Map.of());
        ModelVersion v3 = store.publish(NAME, bytes(3, 10), Map.of());
        assertThat(v2.active()).as("version 2 as returned by publish is active").isFalse();
        assertThat(v3.active()).as("version 3 as returned by publish is active").isFalse();
        assertThat(store.active(NAME)).as("active() after 3 publications").contains(v1);
        assertActiveFlags(store, 1, 3);
    }

    /** {@code load} returns exactly the bytes published; later changes to either array do not leak in. */
    @Test
    @DisplayName("load returns exactly the bytes published; arrays changed later do not change what is stored")
    public void loadReturnsTheExactBytes() {
        ModelStore store = newStore();
        byte[] everyValue = new byte[256];
        for (int i = 0; i < everyValue.length; i++) {
            everyValue[i] = (byte) i;
        }
        List<byte[]> contents = List.of(everyValue, new byte[] {42}, bytes(7, 1 << 20));
        for (byte[] content : contents) {
            store.publish(NAME, content, Map.of());
        }
        for (int v = 1; v <= contents.size(); v++) {
            assertThat(store.load(NAME, v)).as("bytes of version %d", v).isEqualTo(contents.get(v - 1));
        }

        byte[] mine = bytes(8, 64);
        byte[] original = mine.clone();
        int version = store.publish(NAME, mine, Map.of()).version();
        mine[0] ^= 1;
        assertThat(store.load(NAME, version)).as("bytes after the caller changed its published array")
                .isEqualTo(original);
        store.load(NAME, version)[1] ^= 1;
        assertThat(store.load(NAME, version)).as("bytes after the caller changed a loaded array")
                .isEqualTo(original);
    }

    /** {@code versions()} is oldest first; provenance comes back as published, odd characters included. */
    @Test
    @DisplayName("versions() is oldest first, and provenance with odd characters comes back as published")
    public void versionsKeepProvenance() {
        ModelStore store = newStore();
        List<Map<String, String>> provenances = List.of(Map.of(),
                Map.of("quote", "say \"hi\"", "newline", "a\nb", "unicode", "température ✓ 温度", "empty", "",
                        "json", "{\"a\": [1, 2]}", "backslash", "C:\\models\\x"),
                Map.of("library.version", "0.1.0", "extra.reason", "drift"));
        List<byte[]> contents = new ArrayList<>();
        for (int i = 0; i < provenances.size(); i++) {
            contents.add(bytes(10 + i, 50 + i));
            store.publish(NAME, contents.get(i), provenances.get(i));
        }
        List<ModelVersion> versions = store.versions(NAME);
        assertThat(versions).extracting(ModelVersion::version).as("version numbers").containsExactly(1, 2, 3);
        for (int i = 0; i < provenances.size(); i++) {
            ModelVersion v = versions.get(i);
            assertThat(v.provenance()).as("provenance of version %d", i + 1).isEqualTo(provenances.get(i));
            assertThat(v.sha256()).as("sha256 of version %d", i + 1).isEqualTo(sha256(contents.get(i)));
            assertThat(v.sizeBytes()).as("sizeBytes of version %d", i + 1).isEqualTo(contents.get(i).length);
            assertThat(v.name()).as("name of version %d", i + 1).isEqualTo(NAME);
        }
    }

    /** Names are independent. */
    @Test
    @DisplayName("names are independent: each numbers and activates its own versions")
    public void namesAreIndependent() {
        ModelStore store = newStore();
        store.publish("a", bytes(1, 10), Map.of());
        store.publish("a", bytes(2, 10), Map.of());
        ModelVersion b1 = store.publish("b", bytes(3, 10), Map.of());
        assertThat(b1.version()).as("first version of 'b' after two of 'a'").isEqualTo(1);
        assertThat(b1.active()).as("first version of 'b' is active").isTrue();
        store.promote("a", 2);
        assertThat(store.active("b")).as("active version of 'b' after promoting 'a'").contains(b1);
        assertThat(store.load("b", 1)).as("bytes of 'b' version 1").isEqualTo(bytes(3, 10));
        assertThat(store.versions("b")).as("versions of 'b'").hasSize(1);
    }

    /**
     * Concurrent publications get distinct, consecutive version numbers.
     *
     * @throws Exception when the test thread is interrupted while waiting for the publishing threads
     */
    @Test
    @DisplayName("8 threads publishing one name at once get distinct, consecutive version numbers")
    public void concurrentPublishesGetDistinctConsecutiveVersions() throws Exception {
        ModelStore store = newStore();
        int perThread = 5;
        List<List<ModelVersion>> results = Concurrently.run(Concurrently.THREADS, t -> {
            List<ModelVersion> mine = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
                mine.add(store.publish(NAME, bytes(1000 * t + i, 100 + t), Map.of("thread", t + "/" + i)));
            }
            return mine;
        });
        int total = Concurrently.THREADS * perThread;
        Map<Integer, String> publisherOf = new TreeMap<>();
        for (int t = 0; t < results.size(); t++) {
            for (int i = 0; i < perThread; i++) {
                ModelVersion v = results.get(t).get(i);
                String previous = publisherOf.put(v.version(), t + "/" + i);
                assertThat(previous).as("version %d was returned to publications %s and %s", v.version(), previous,
                        t + "/" + i).isNull();
            }
        }
        assertThat(publisherOf.keySet()).as("version numbers returned")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        List<ModelVersion> listed = store.versions(NAME);
        assertThat(listed).extracting(ModelVersion::version).as("versions() after %d publications", total)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        for (ModelVersion v : listed) {
            String[] publisher = publisherOf.get(v.version()).split("/");
            int t = Integer.parseInt(publisher[0]);
            int i = Integer.parseInt(publisher[1]);
            assertThat(v.provenance()).as("provenance of version %d", v.version())
                    .containsEntry("thread", t + "/" + i);
            assertThat(store.load(NAME, v.version())).as("bytes of version %d (publication %s)", v.version(),
                    t + "/" + i).isEqualTo(bytes(1000 * t + i, 100 + t));
        }
        assertThat(listed.stream().filter(ModelVersion::active).map(ModelVersion::version))
                .as("active versions after concurrent publication").containsExactly(1);
    }

    /** {@code names()} is sorted and distinct. */
    @Test
    @DisplayName("names() is sorted by String.compareTo, holds each name once, and is empty for an empty store")
    public void namesAreSortedAndDistinct() {
        ModelStore store = newStore();
        assertThat(store.names()).as("names() of an empty store").isEmpty();
        for (String name : List.of("zeta", "Beta", "alpha-2", "alpha.1", "zeta", "alpha_3", "9lives")) {
            store.publish(name, bytes(name.hashCode(), 8), Map.of());
        }
        assertThat(store.names()).as("names()")
                .containsExactly("9lives", "Beta", "alpha-2", "alpha.1", "alpha_3", "zeta");
    }

    // ---------------------------------------------------------------------------------------------------------
    // Promotion and rollback

    /** {@code promote} activates one version. */
    @Test
    @DisplayName("promote makes a version the only active one and returns it as active")
    public void promoteActivatesOneVersion() {
        ModelStore store = newStore();
        publishThree(store);
        ModelVersion promoted = store.promote(NAME, 3);
        assertThat(promoted.version()).as("version returned by promote(3)").isEqualTo(3);
        assertThat(promoted.active()).as("promote(3) returns an active version").isTrue();
        assertThat(promoted.sha256()).as("sha256 returned by promote(3)").isEqualTo(sha256(bytes(3, 30)));
        assertThat(store.active(NAME)).as("active() after promote(3)").contains(promoted);
        assertActiveFlags(store, 3, 3);
        assertThat(store.promote(NAME, 2).version()).as("promote(2)").isEqualTo(2);
        assertActiveFlags(store, 2, 3);
        assertThat(store.load(NAME, 2)).as("bytes of the promoted version").isEqualTo(bytes(2, 20));
    }

    /** Rollback walks back through the promotions; with none left, IllegalStateException. */
    @Test
    @DisplayName("rollback returns to the version active before the last promotion, then the one before")
    public void rollbackWalksBackThroughPromotions() {
        ModelStore store = newStore();
        publishThree(store);
        store.promote(NAME, 2);
        store.promote(NAME, 3);
        ModelVersion back = store.rollback(NAME);
        assertThat(back.version()).as("first rollback after promoting 2 then 3").isEqualTo(2);
        assertThat(back.active()).as("rollback returns an active version").isTrue();
        assertThat(store.active(NAME).map(ModelVersion::version)).as("active() after the first rollback")
                .contains(2);
        assertActiveFlags(store, 2, 3);
        assertThat(store.rollback(NAME).version()).as("second rollback").isEqualTo(1);
        assertActiveFlags(store, 1, 3);
        Refusals.assertIllegalState("a third rollback, with no promotion left to undo", () -> store.rollback(NAME));
        assertActiveFlags(store, 1, 3);
    }

    /** Rollback with no history is refused. */
    @Test
    @DisplayName("rollback with no promotion to undo throws IllegalStateException and changes nothing")
    public void rollbackWithoutHistoryIsRefused() {
        ModelStore store = newStore();
        store.publish(NAME, bytes(1, 10), Map.of());
        Refusals.assertIllegalState("rollback after one publication", () -> store.rollback(NAME));
        store.publish(NAME, bytes(2, 20), Map.of());
        Refusals.assertIllegalState("rollback after two publications and no promotion", () -> store.rollback(NAME));
        assertActiveFlags(store, 1, 2);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Unknown names and versions; bad arguments

    /** An unknown name has no versions and no active version. */
    @Test
    @DisplayName("an unknown name has no versions, no active version, and is not listed")
    public void unknownNameHasNothing() {
        ModelStore store = newStore();
        assertThat(store.versions("nobody")).as("versions of a name in an empty store").isEmpty();
        assertThat(store.active("nobody")).as("active of a name in an empty store").isEmpty();
        store.publish(NAME, bytes(1, 10), Map.of());
        assertThat(store.versions("nobody")).as("versions of an unknown name").isEmpty();
        assertThat(store.active("nobody")).as("active of an unknown name").isEqualTo(Optional.empty());
        assertThat(store.names()).as("names()").containsExactly(NAME);
    }

    /** Versions that do not exist are refused. */
    @Test
    @DisplayName("load and promote of a version that does not exist throw IllegalArgumentException")
    public void unknownVersionsAreRefused() {
        ModelStore store = newStore();
        publishThree(store);
        for (int version : new int[] {0, -1, 4, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            Refusals.assertIllegalArgument("load of version " + version, () -> store.load(NAME, version));
            Refusals.assertIllegalArgument("promote of version " + version, () -> store.promote(NAME, version));
        }
        Refusals.assertIllegalArgument("load of an unknown name", () -> store.load("nobody", 1));
        Refusals.assertIllegalArgument("promote of an unknown name", () -> store.promote("nobody", 1));
        assertThat(catchThrowable(() -> store.rollback("nobody"))).as("rollback of an unknown name")
                .isInstanceOfAny(IllegalArgumentException.class, IllegalStateException.class);
        assertActiveFlags(store, 1, 3);
    }

    /** Every method refuses invalid names, and stores nothing. */
    @Test
    @DisplayName("every method refuses invalid names such as \"../x\", \"\" and \"a/b\" with IllegalArgumentException")
    public void invalidNamesAreRefused() {
        ModelStore store = newStore();
        store.publish(NAME, bytes(1, 10), Map.of());
        for (String name : INVALID_NAMES) {
            String shown = name.length() > 20 ? name.length() + " characters" : "'" + name + "'";
            Refusals.assertIllegalArgument("publish to " + shown, () -> store.publish(name, bytes(2, 10), Map.of()));
            Refusals.assertIllegalArgument("versions of " + shown, () -> store.versions(name));
            Refusals.assertIllegalArgument("active of " + shown, () -> store.active(name));
            Refusals.assertIllegalArgument("load of " + shown, () -> store.load(name, 1));
            Refusals.assertIllegalArgument("promote of " + shown, () -> store.promote(name, 1));
            Refusals.assertIllegalArgument("rollback of " + shown, () -> store.rollback(name));
        }
        assertThat(store.names()).as("names() after refused calls").containsExactly(NAME);
        assertThat(store.versions(NAME)).as("versions of '%s' after refused calls", NAME).hasSize(1);
    }

    /** Null names, content and provenance are refused, and store nothing. */
    @Test
    @DisplayName("null names, content and provenance are refused with NullPointerException or IllegalArgumentException")
    public void nullArgumentsAreRefused() {
        ModelStore store = newStore();
        List<ThrowingCallable> calls = List.of(() -> store.publish(null, bytes(1, 10), Map.of()),
                () -> store.publish(NAME, null, Map.of()), () -> store.publish(NAME, bytes(1, 10), null),
                () -> store.versions(null), () -> store.active(null), () -> store.load(null, 1),
                () -> store.promote(null, 1), () -> store.rollback(null));
        List<String> what = List.of("publish(null, ...)", "publish(name, null, ...)", "publish(name, bytes, null)",
                "versions(null)", "active(null)", "load(null, 1)", "promote(null, 1)", "rollback(null)");
        for (int i = 0; i < calls.size(); i++) {
            Refusals.assertNullRefused(what.get(i), calls.get(i));
        }
        assertThat(store.names()).as("names() after refused calls").isEmpty();
        assertThat(store.versions(NAME)).as("versions of '%s' after refused calls", NAME).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------
    // Integrity

    /**
     * Tampered bytes are refused on load.
     *
     * @throws Exception when {@link #corrupt} cannot damage the stored bytes
     */
    @Test
    @DisplayName("load of a version whose bytes were changed throws ModelFormatException")
    public void tamperedBytesAreRefused() throws Exception {
        ModelStore store = newStore();
        publishThree(store);
        corrupt(store, NAME, 2);
        assertThat(catchThrowable(() -> store.load(NAME, 2))).as("load of the tampered version 2")
                .isInstanceOf(ModelFormatException.class);
        assertThat(store.load(NAME, 1)).as("bytes of the untouched version 1").isEqualTo(bytes(1, 10));
        assertThat(store.load(NAME, 3)).as("bytes of the untouched version 3").isEqualTo(bytes(3, 30));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    /** Publishes {@code bytes(v, 10 v)} as version v, for v = 1, 2, 3. */
    private static void publishThree(ModelStore store) {
        for (int v = 1; v <= 3; v++) {
            store.publish(NAME, bytes(v, 10 * v), Map.of("v", String.valueOf(v)));
        }
    }

    private static void assertActiveFlags(ModelStore store, int active, int count) {
        List<ModelVersion> versions = store.versions(NAME);
        assertThat(versions).extracting(ModelVersion::version).as("version numbers")
                .containsExactlyElementsOf(IntStream.rangeClosed(1, count).boxed().toList());
        Map<Integer, Boolean> flags = versions.stream().collect(Collectors.toMap(ModelVersion::version,
                ModelVersion::active, (a, b) -> a, TreeMap::new));
        Map<Integer, Boolean> expected = new HashMap<>();
        for (int v = 1; v <= count; v++) {
            expected.put(v, v == active);
        }
        assertThat(flags).as("active flags of versions() (only version %d active)", active).isEqualTo(expected);
        assertThat(store.active(NAME).map(ModelVersion::version)).as("active()").contains(active);
    }

    /** Deterministic content: {@code size} bytes from a {@link Random} seeded with {@code seed}. */
    private static byte[] bytes(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
