package io.isolab.selfhost;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The two databases the web app runs on, as the migration tests reach them. */
final class TestDatabases {

    static final String PG_URL_VARIABLE = "ISOLAB_TEST_PG_URL";

    private TestDatabases() {
    }

    /**
     * The throwaway PostgreSQL of scripts/postgres.sh, or a failure saying how to start it: a
     * missing database must not pass as "skipped", or the PostgreSQL path would go untested.
     */
    static String postgresUrl() {
        String url = System.getenv(PG_URL_VARIABLE);
        if (url == null || url.isBlank()) {
            throw new IllegalStateException(PG_URL_VARIABLE + " is not set. Start a test PostgreSQL and export its URL:\n"
                    + "  export " + PG_URL_VARIABLE + "=$(scripts/postgres.sh start)\n"
                    + "(./isolab test does this; scripts/postgres.sh stop stops it)");
        }
        return url;
    }

    /** A DataSource on {@code schema} of the test PostgreSQL (unqualified SQL lands there). */
    static DataSource postgres(String schema) {
        String url = postgresUrl();
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
    }

    /** The app's default H2 URL (application.properties) with the file moved into {@code dir}. */
    static String h2Url(Path dir) {
        String url = applicationProperties().getProperty("spring.datasource.url", "");
        Matcher m = Pattern.compile("jdbc:h2:file:([^;]+)(.*)").matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException("application.properties: spring.datasource.url should default to an H2 file, is '" + url + "'");
        }
        return "jdbc:h2:file:" + dir.resolve("isolab").toAbsolutePath() + m.group(2);
    }

    static DataSource h2(Path dir) {
        Properties app = applicationProperties();
        return new DriverManagerDataSource(h2Url(dir), app.getProperty("spring.datasource.username", "sa"),
                app.getProperty("spring.datasource.password", ""));
    }

    static Properties applicationProperties() {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Table name → column names (lower case) in {@code schema}, Flyway's history left out. */
    static Map<String, List<String>> tables(DataSource ds, String schema) throws SQLException {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection c = ds.getConnection()) {
            DatabaseMetaData md = c.getMetaData();
            String s = md.storesUpperCaseIdentifiers() ? schema.toUpperCase(Locale.ROOT) : schema;
            try (ResultSet rs = md.getColumns(null, s, "%", "%")) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                    if (!table.equals("flyway_schema_history")) {
                        tables.computeIfAbsent(table, t -> new ArrayList<>())
                                .add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        tables.values().forEach(cols -> cols.sort(null));
        return tables;
    }
}
