package io.github.anomaly4j.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A data source that opens a new connection per call from a JDBC URL, with an application name to find it by. */
final class UrlDataSource extends TestDataSource {
    private final String url;
    private final Properties properties = new Properties();

    UrlDataSource(String url, String applicationName) {
        this.url = url;
        properties.setProperty("ApplicationName", applicationName);
    }

    String url() {
        return url;
    }

    UrlDataSource withApplicationName(String name) {
        return new UrlDataSource(url, name);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return DriverManager.getConnection(url, properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties p = new Properties(properties);
        p.setProperty("user", username);
        p.setProperty("password", password);
        return DriverManager.getConnection(url, p);
    }
}
