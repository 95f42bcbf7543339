package io.github.anomaly4j.store.jdbc;

import io.github.anomaly4j.api.ModelFormatException;
import io.github.anomaly4j.api.store.ModelStore;
import io.github.anomaly4j.api.store.ModelVersion;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Model versions in PostgreSQL: the bytes ({@code bytea}) with their SHA-256, size and provenance ({@code jsonb}),
 * one row per name holding the latest and the active version number, and a log of promotions that
 * {@link #rollback} walks back. Publishing takes the name's row lock, so concurrent publications get consecutive
 * numbers; {@link #load} checks the bytes against their SHA-256 before returning them. Thread-safe.
 *
 * <p>Publishing is not idempotent, so it is retried only when it certainly did not commit; if the connection
 * fails during the commit itself, a {@link io.github.anomaly4j.api.StoreException} says the outcome is unknown.
 */
public final class JdbcModelStore implements ModelStore {
    private static final String VERSION_COLUMNS = "v.name, v.version, v.sha256, v.size_bytes, v.published_at, "
            + "ARRAY(SELECT key FROM jsonb_each_text(v.provenance) ORDER BY key), "
            + "ARRAY(SELECT value FROM jsonb_each_text(v.provenance) ORDER BY key), "
            + "(m.active_version IS NOT DISTINCT FROM v.version)";
    private final Transactions tx;
    private final String models;
    private final String versions;
    private final String promotions;

    /**
     * Opens the store, first migrating or validating the schema as {@link JdbcStoreConfig#migrationMode()} says.
     *
     * @param dataSource the database
     * @param config schema, prefix and retries
     */
    public JdbcModelStore(DataSource dataSource, JdbcStoreConfig config) {
        this(dataSource, config, JdbcSchema.of(dataSource, config).open());
    }

    JdbcModelStore(DataSource dataSource, JdbcStoreConfig config, StorageMode mode) {
        this.tx = new Transactions(Objects.requireNonNull(dataSource, "dataSource"), config);
        this.models = config.table("models");
        this.versions = config.table("model_versions");
        this.promotions = config.table("model_promotions");
    }

    /**
     * @return how many times an operation of this store was attempted again after a transient failure (lost
     *     connection, server restart, deadlock, serialization failure); for metrics and tests
     */
    public long retriedAttempts() {
        return tx.retries();
    }

    @Override
    public ModelVersion publish(String name, byte[] content, Map<String, String> provenance) {
        ModelStore.requireValidName(name);
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(provenance, "provenance");
        byte[] bytes = content.clone();
        String sha = sha256(bytes);
        String[] keys = new String[provenance.size()];
        String[] values = new String[provenance.size()];
        int i = 0;
        for (Map.Entry<String, String> e : provenance.entrySet()) {
            keys[i] = Objects.requireNonNull(e.getKey(), "provenance key");
            values[i++] = Objects.requireNonNull(e.getValue(), "provenance value of '" + e.getKey() + "'");
        }
        return tx.inTransactionOnce("publish of model '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + models + " (name) VALUES (?) "
                    + "ON CONFLICT DO NOTHING")) {
                ps.setString(1, name);
                ps.executeUpdate();
            }
            int version;
            boolean first;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + models + " SET latest_version = latest_version"
                    + " + 1, active_version = coalesce(active_version, latest_version + 1) WHERE name = ? "
                    + "RETURNING latest_version, active_version")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    version = rs.getInt(1);
                    first = rs.getInt(2) == version;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + versions + " (name, version, sha256, "
                    + "size_bytes, content, provenance) VALUES (?, ?, ?, ?, ?, jsonb_object(?::text[], ?::text[])) "
                    + "RETURNING published_at")) {
                ps.setString(1, name);
                ps.setInt(2, version);
                ps.setString(3, sha);
                ps.setLong(4, bytes.length);
                ps.setBytes(5, bytes);
                ps.setArray(6, c.createArrayOf("text", keys));
                ps.setArray(7, c.createArrayOf("text", values));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new ModelVersion(name, version, sha, bytes.length,
                            rs.getObject(1, OffsetDateTime.class).toInstant(), provenance, first);
                }
            }
        });
    }

    @Override
    public List<ModelVersion> versions(String name) {
        ModelStore.requireValidName(name);
        return tx.autocommit("versions of model '" + name + "'", c -> selectVersions(c, name, null));
    }

    @Override
    public Optional<ModelVersion> active(String name) {
        ModelStore.requireValidName(name);
        return tx.autocommit("active version of model '" + name + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT active_version FROM " + models
                    + " WHERE name = ?")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ModelVersion>empty();
                    }
                    int active = rs.getInt(1);
                    return selectVersions(c, name, active).stream().findFirst();
                }
            }
        });
    }

    @Override
    public byte[] load(String name, int version) {
        ModelStore.requireValidName(name);
        return tx.autocommit("load of model '" + name + "' version " + version, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT content, sha256 FROM " + versions
                    + " WHERE name = ? AND version = ?")) {
                ps.setString(1, name);
                ps.setInt(2, version);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw noSuchVersion(name, version);
                    }
                    byte[] bytes = rs.getBytes(1);
                    String stored = rs.getString(2);
                    String actual = sha256(bytes);
                    if (!actual.equals(stored)) {
                        throw new ModelFormatException("model '" + name + "' version " + version + " has SHA-256 "
                                + actual + " but was published with " + stored + "; its bytes were changed");
                    }
                    return bytes;
                }
            }
        });
    }

    @Override
    public ModelVersion promote(String name, int version) {
        ModelStore.requireValidName(name);
        return tx.inTransaction("promotion of model '" + name + "' to version " + version, c -> {
            int active = lockActive(c, name, IllegalArgumentException::new);
            List<ModelVersion> target = selectVersions(c, name, version);
            if (target.isEmpty()) {
                throw noSuchVersion(name, version);
            }
            if (active != version) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + promotions
                        + " (name, from_version, to_version) VALUES (?, ?, ?)")) {
                    ps.setString(1, name);
                    ps.setInt(2, active);
                    ps.setInt(3, version);
                    ps.executeUpdate();
                }
                setActive(c, name, version);
            }
            return withActive(target.get(0));
        });
    }

    @Override
    public ModelVersion rollback(String name) {
        ModelStore.requireValidName(name);
        return tx.inTransaction("rollback of model '" + name + "'", c -> {
            lockActive(c, name, IllegalStateException::new);
            long id;
            int previous;
            try (PreparedStatement ps = c.prepareStatement("SELECT id, from_version FROM " + promotions
                    + " WHERE name = ? AND rolled_back_at IS NULL ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("model '" + name + "' has no promotion to roll back");
                    }
                    id = rs.getLong(1);
                    previous = rs.getInt(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + promotions + " SET rolled_back_at = now() "
                    + "WHERE id = ?")) {
                ps.setLong(1, id);
                ps.executeUpdate();
            }
            setActive(c, name, previous);
            return withActive(selectVersions(c, name, previous).get(0));
        });
    }

    @Override
    public List<String> names() {
        return tx.autocommit("names of models", c -> {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name FROM " + models + " ORDER BY name");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    private int lockActive(Connection c, String name, java.util.function.Function<String, RuntimeException> unknown)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT active_version FROM " + models
                + " WHERE name = ? FOR UPDATE")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw unknown.apply("no model named '" + name + "'");
                }
                return rs.getInt(1);
            }
        }
    }

    private void setActive(Connection c, String name, int version) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + models + " SET active_version = ? WHERE name = ?")) {
            ps.setInt(1, version);
            ps.setString(2, name);
            ps.executeUpdate();
        }
    }

    private List<ModelVersion> selectVersions(Connection c, String name, Integer only) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " FROM " + versions + " v JOIN "
                + models + " m ON m.name = v.name WHERE v.name = ?" + (only == null ? "" : " AND v.version = ?")
                + " ORDER BY v.version")) {
            ps.setString(1, name);
            if (only != null) {
                ps.setInt(2, only);
            }
            List<ModelVersion> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String[] keys = (String[]) rs.getArray(6).getArray();
                    String[] values = (String[]) rs.getArray(7).getArray();
                    Map<String, String> provenance = new LinkedHashMap<>();
                    for (int i = 0; i < keys.length; i++) {
                        provenance.put(keys[i], values[i]);
                    }
                    out.add(new ModelVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), provenance, rs.getBoolean(8)));
                }
            }
            return out;
        }
    }

    private static ModelVersion withActive(ModelVersion v) {
        return new ModelVersion(v.name(), v.version(), v.sha256(), v.sizeBytes(), v.published(), v.provenance(), true);
    }

    private static IllegalArgumentException noSuchVersion(String name, int version) {
        return new IllegalArgumentException("model '" + name + "' has no version " + version);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
