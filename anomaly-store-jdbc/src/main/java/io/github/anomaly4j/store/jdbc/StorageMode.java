package io.github.anomaly4j.store.jdbc;

/**
 * Which storage the stores use on a database: plain PostgreSQL tables with BRIN and B-tree indexes, or
 * TimescaleDB hypertables with columnstore (compression), retention and continuous aggregates.
 *
 * @param serverVersion PostgreSQL's {@code server_version_num}, e.g. 170006
 * @param timescaleVersion the TimescaleDB extension version in use, or {@code null} for plain PostgreSQL
 * @param reason one sentence on why this mode, for logs and {@code toString}
 */
public record StorageMode(int serverVersion, String timescaleVersion, String reason) {

    /**
     * Validates.
     *
     * @param serverVersion PostgreSQL's {@code server_version_num}, positive
     * @param timescaleVersion the TimescaleDB version in use, or {@code null}
     * @param reason why this mode, not {@code null}
     */
    public StorageMode {
        if (serverVersion <= 0) {
            throw new IllegalArgumentException("serverVersion must be positive, got " + serverVersion);
        }
        if (reason == null) {
            throw new IllegalArgumentException("reason must not be null");
        }
    }

    /** @return whether TimescaleDB is in use */
    public boolean timescale() {
        return timescaleVersion != null;
    }

    /**
     * @return whether TimescaleDB is 2.18 or later, which names compression "columnstore"
     *     ({@code enable_columnstore}, {@code add_columnstore_policy}); earlier versions use the compression names
     */
    public boolean columnstoreNames() {
        if (timescaleVersion == null) {
            return false;
        }
        String[] parts = timescaleVersion.split("[.-]");
        int major = parseOrZero(parts[0]);
        int minor = parts.length > 1 ? parseOrZero(parts[1]) : 0;
        return major > 2 || (major == 2 && minor >= 18);
    }

    private static int parseOrZero(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return (timescale() ? "TimescaleDB " + timescaleVersion + (columnstoreNames() ? " (columnstore)"
                : " (compression)") : "plain PostgreSQL") + " on server " + serverVersion + ": " + reason;
    }
}
