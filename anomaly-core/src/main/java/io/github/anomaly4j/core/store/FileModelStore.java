package io.github.anomaly4j.core.store;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.StoreException;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import io.github.anomaly4j.core.ModelCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ModelStore} on a directory: versioned, checksummed, crash-safe, and shared safely by several processes.
 *
 * <pre>{@code
 * ModelStore store = FileModelStore.open(Path.of("models"));
 * ModelVersion v1 = store.publish("sensor-42", bytes, Map.of("trainedOn", "2024-05"));  // active: the first
 * ModelVersion v2 = store.publish("sensor-42", newer, Map.of());                        // not active yet
 * store.promote("sensor-42", 2);
 * byte[] serving = store.load("sensor-42", store.active("sensor-42").orElseThrow().version());
 * }</pre>
 *
 * <p><b>Layout.</b> One directory per model name:
 * <pre>
 * &lt;root&gt;/sensor-42/v000001.model   the bytes, exactly as published
 * &lt;root&gt;/sensor-42/v000001.json    {"format":"anomaly4j-model-version","formatVersion":1,"name":..,"version":1,
 *                                   "sha256":..,"sizeBytes":..,"published":"2024-05-01T12:00:00Z","provenance":{..}}
 * &lt;root&gt;/sensor-42/active.json     {"format":"anomaly4j-model-pointer","formatVersion":1,"active":2,
 *                                   "history":[1]}
 * &lt;root&gt;/sensor-42/.lock           held while a version number is taken or the pointer moves
 * </pre>
 * A version exists when its {@code .json} file does. {@code history} lists the versions that were active before,
 * oldest first; {@link #rollback} re-activates the last of them and removes it. A name without a pointer file
 * (a crash right after its first version) has version 1 active.
 *
 * <p><b>Crash safety.</b> Every file is written whole to a temporary file in the same directory, forced to disk,
 * and renamed over its final name with {@link StandardCopyOption#ATOMIC_MOVE}, so a reader sees an old file or a
 * new one, never part of one. The model file is renamed into place before its metadata, so a version is never
 * visible without its bytes. A crash leaves at most a temporary file (ignored by readers, deleted by the next
 * publish of that name) or a model file without metadata (ignored, and overwritten by the next publish).
 *
 * <p><b>Concurrency.</b> Publishing, promoting and rolling back hold a lock per name in this process and a
 * {@link FileChannel#lock() file lock} on {@code <name>/.lock}, so two threads or two processes never take the
 * same version number or lose a promotion. Readers take no lock.
 *
 * <p><b>Checks.</b> {@link #load} compares the bytes' size and SHA-256 with the metadata before returning them
 * and refuses a mismatch with a {@link ModelFormatException}. Names are checked with
 * {@link ModelStore#requireValidName}, and their directory must lie directly inside the root. I/O failures raise
 * {@link StoreException} naming the path.
 */
public final class FileModelStore implements ModelStore {
    static final String METADATA_FORMAT = "anomaly4j-model-version";
    static final String POINTER_FORMAT = "anomaly4j-model-pointer";
    static final int FORMAT_VERSION = 1;
    static final String POINTER_FILE = "active.json";
    static final String LOCK_FILE = ".lock";
    static final String TEMP_SUFFIX = ".tmp";
    private static final Pattern METADATA_FILE = Pattern.compile("v(\\d{6,9})\\.json");
    private static final int LARGEST_VERSION = 999_999_999;
    /** Both per-name locks of a name, whichever {@code FileModelStore} instance of this process asks. */
    private static final ConcurrentHashMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path root;
    private final Clock clock;

    private FileModelStore(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    /**
     * Opens (and creates, if needed) a store on a directory, stamping versions with the system clock in UTC.
     *
     * @param root the directory
     * @return the store
     * @throws StoreException when the directory cannot be created or is not a directory
     */
    public static FileModelStore open(Path root) {
        return open(root, Clock.systemUTC());
    }

    /**
     * Opens (and creates, if needed) a store on a directory.
     *
     * @param root the directory
     * @param clock the clock that stamps {@link ModelVersion#published()}
     * @return the store
     * @throws StoreException when the directory cannot be created or is not a directory
     */
    public static FileModelStore open(Path root, Clock clock) {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(clock, "clock");
        try {
            Files.createDirectories(root);
            return new FileModelStore(root.toRealPath(), clock);
        } catch (IOException e) {
            throw new StoreException("cannot open a model store at " + root.toAbsolutePath() + ": " + e, e);
        }
    }

    /** @return the store's directory, as a real path */
    public Path root() {
        return root;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Writes

    @Override
    public ModelVersion publish(String name, byte[] content, Map<String, String> provenance) {
        Path dir = directoryOf(name);
        Objects.requireNonNull(content, "content");
        Map<String, String> facts = Map.copyOf(Objects.requireNonNull(provenance, "provenance"));
        byte[] bytes = content.clone();
        String sha256 = sha256(bytes);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("cannot create the directory of model '" + name + "' at " + dir + ": " + e, e);
        }
        return locked(dir, () -> {
            deleteTemporaryFiles(dir);
            int version = Math.addExact(highestVersion(dir), 1);
            if (version > LARGEST_VERSION) {
                throw new StoreException("model '" + name + "' at " + dir + " has " + LARGEST_VERSION
                        + " versions, the most a store holds");
            }
            VersionMetadata metadata = new VersionMetadata(name, version, sha256, bytes.length, clock.instant(),
                    facts);
            writeAtomically(modelFile(dir, version), bytes);
            writeAtomically(metadataFile(dir, version), metadata.toJson());
            if (version == 1) {
                writeAtomically(dir.resolve(POINTER_FILE), ActivePointer.first().toJson());
            }
            syncDirectory(dir);
            return metadata.toVersion(readPointer(dir).active() == version);
        });
    }

    @Override
    public ModelVersion promote(String name, int version) {
        Path dir = existingDirectoryOf(name);
        return locked(dir, () -> {
            VersionMetadata metadata = readMetadata(dir, name, version);
            ActivePointer pointer = readPointer(dir);
            if (pointer.active() != version) {
                writeAtomically(dir.resolve(POINTER_FILE), pointer.promote(version).toJson());
                syncDirectory(dir);
            }
            return metadata.toVersion(true);
        });
    }

    @Override
    public ModelVersion rollback(String name) {
        Path dir = existingDirectoryOf(name);
        return locked(dir, () -> {
            ActivePointer pointer = readPointer(dir);
            if (pointer.history().isEmpty()) {
                throw new IllegalStateException("model '" + name + "' has no earlier active version to roll back "
                        + "to: version " + pointer.active() + " is active and no promotion replaced another");
            }
            ActivePointer back = pointer.rollback();
            VersionMetadata metadata = readMetadata(dir, name, back.active());
            writeAtomically(dir.resolve(POINTER_FILE), back.toJson());
            syncDirectory(dir);
            return metadata.toVersion(true);
        });
    }

    // ---------------------------------------------------------------------------------------------------------
    // Reads

    @Override
    public List<ModelVersion> versions(String name) {
        Path dir = directoryOf(name);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Integer> numbers = versionNumbers(dir);
        if (numbers.isEmpty()) {
            return List.of();
        }
        int active = readPointer(dir).active();
        List<ModelVersion> versions = new ArrayList<>(numbers.size());
        for (int v : numbers) {
            versions.add(readMetadata(dir, name, v).toVersion(v == active));
        }
        return List.copyOf(versions);
    }

    @Override
    public Optional<ModelVersion> active(String name) {
        Path dir = directoryOf(name);
        if (!Files.isDirectory(dir) || highestVersion(dir) == 0) {
            return Optional.empty();
        }
        ActivePointer pointer = readPointer(dir);
        if (!Files.isRegularFile(metadataFile(dir, pointer.active()))) {
            throw new ModelFormatException(dir.resolve(POINTER_FILE) + " names version " + pointer.active()
                    + " of model '" + name + "' as active, but there is no " + metadataFile(dir, pointer.active()));
        }
        return Optional.of(readMetadata(dir, name, pointer.active()).toVersion(true));
    }

    @Override
    public byte[] load(String name, int version) {
        Path dir = directoryOf(name);
        VersionMetadata metadata = readMetadata(dir, name, version);
        Path file = modelFile(dir, version);
        String what = "model '" + name + "' version " + version + " (" + file + ")";
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size != metadata.sizeBytes()) { // checked before reading: a grown file is not read whole
                throw new ModelFormatException(what + " has " + size + " bytes, but " + metadata.sizeBytes()
                        + " were published: the file is truncated or was changed");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StoreException(what + " is missing: its metadata exists but the model file does not", e);
        } catch (IOException e) {
            throw new StoreException("cannot read " + what + ": " + e, e);
        }
        if (bytes.length != metadata.sizeBytes()) {
            throw new ModelFormatException(what + " has " + bytes.length + " bytes, but " + metadata.sizeBytes()
                    + " were published: the file is truncated or was changed");
        }
        String actual = sha256(bytes);
        if (!actual.equals(metadata.sha256())) {
            throw new ModelFormatException(what + ": checksum mismatch: expected " + metadata.sha256() + ", got "
                    + actual);
        }
        return bytes;
    }

    @Override
    public List<String> names() {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : entries) {
                String name = dir.getFileName().toString();
                if (isValidName(name) && highestVersion(dir) > 0) {
                    names.add(name);
                }
            }
        } catch (IOException e) {
            throw new StoreException("cannot list the model store at " + root + ": " + e, e);
        }
        names.sort(null);
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "FileModelStore[" + root + "]";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Paths

    private Path directoryOf(String name) {
        ModelStore.requireValidName(name);
        Path dir = root.resolve(name).normalize();
        if (!root.equals(dir.getParent())) {
            throw new IllegalArgumentException("model name '" + name + "' resolves to " + dir
                    + ", which is not a directory directly inside the store's root " + root);
        }
        return dir;
    }

    private Path existingDirectoryOf(String name) {
        Path dir = directoryOf(name);
        if (!Files.isDirectory(dir) || highestVersion(dir) == 0) {
            throw new IllegalArgumentException("no model named '" + name + "' in " + root + "; names are "
                    + names());
        }
        return dir;
    }

    private static boolean isValidName(String name) {
        try {
            ModelStore.requireValidName(name);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static Path modelFile(Path dir, int version) {
        return dir.resolve(String.format("v%06d.model", version));
    }

    static Path metadataFile(Path dir, int version) {
        return dir.resolve(String.format("v%06d.json", version));
    }

    /** @return the version numbers whose metadata exists, ascending */
    private static List<Integer> versionNumbers(Path dir) {
        List<Integer> numbers = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "v*.json")) {
            for (Path p : entries) {
                Matcher m = METADATA_FILE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    numbers.add(Integer.parseInt(m.group(1)));
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new StoreException("cannot list the versions in " + dir + ": " + e, e);
        }
        numbers.sort(null);
        return numbers;
    }

    private static int highestVersion(Path dir) {
        List<Integer> numbers = versionNumbers(dir);
        return numbers.isEmpty() ? 0 : numbers.get(numbers.size() - 1);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Files

    private static VersionMetadata readMetadata(Path dir, String name, int version) {
        Path file = metadataFile(dir, Math.max(version, 0));
        if (version < 1 || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("model '" + name + "' has no version " + version + "; its versions are "
                    + (Files.isDirectory(dir) ? versionNumbers(dir) : "[]"));
        }
        return VersionMetadata.fromJson(readSmallFile(file), file, name, version);
    }

    private static ActivePointer readPointer(Path dir) {
        Path file = dir.resolve(POINTER_FILE);
        if (!Files.isRegularFile(file)) {
            return ActivePointer.first(); // a crash between the first version's metadata and its pointer
        }
        return ActivePointer.fromJson(readSmallFile(file), file);
    }

    private static byte[] readSmallFile(Path file) {
        try {
            long size = Files.size(file);
            if (size > StoreJson.MAX_BYTES) {
                throw new ModelFormatException(file + " has " + size + " bytes; metadata files hold at most "
                        + StoreJson.MAX_BYTES);
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new StoreException("cannot read " + file + ": " + e, e);
        }
    }

    /** Writes a temporary file beside {@code target}, forces it to disk and renames it over {@code target}. */
    private static void writeAtomically(Path target, byte[] bytes) {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new StoreException("cannot write " + target + ": " + e, e);
        }
    }

    /** Makes the renames in {@code dir} durable where the platform allows forcing a directory (not Windows). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the files themselves are already forced
        }
    }

    /** Deletes temporary files a crash left behind; safe under the name's lock, as only lock holders write. */
    private static void deleteTemporaryFiles(Path dir) {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(dir, ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new StoreException("cannot delete temporary files in " + dir + ": " + e, e);
        }
    }

    /** Runs {@code action} holding this process's lock and the file lock of the name's directory. */
    private static <T> T locked(Path dir, Supplier<T> action) {
        Path lockFile = dir.resolve(LOCK_FILE);
        ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(lockFile, p -> new ReentrantLock());
        processLock.lock();
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock fileLock = channel.lock();
            try {
                return action.get();
            } finally {
                fileLock.release();
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock " + lockFile + ": " + e, e);
        } finally {
            processLock.unlock();
        }
    }

    static String sha256(byte[] bytes) {
        return ModelCodec.sha256Hex(bytes);
    }
}
