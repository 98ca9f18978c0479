package io.isolab.selfhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.progress.ProgressRepository;
import io.isolab.progress.StepProgress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every Flyway migration of the web app runs on a real PostgreSQL (Debian's, started by
 * scripts/postgres.sh; URL in ISOLAB_TEST_PG_URL) and on H2 as the app configures it; both end
 * with the same tables and columns, and the progress repository's SQL works on both. Each test
 * migrates a fresh PostgreSQL schema (dropped afterwards) or a fresh H2 file.
 */
class MigrationsOnPostgresTest {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final List<String> SCHEMAS = new ArrayList<>();

    @TempDir
    Path h2Dir;

    @AfterAll
    static void dropSchemas() {
        JdbcTemplate pg = new JdbcTemplate(TestDatabases.postgres("public"));
        SCHEMAS.forEach(s -> pg.execute("DROP SCHEMA IF EXISTS " + s + " CASCADE"));
    }

    /** A new, empty PostgreSQL schema with every migration applied. */
    static DataSource migratedPostgres() throws IOException {
        String schema = "migrations_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        new JdbcTemplate(TestDatabases.postgres("public")).execute("CREATE SCHEMA " + schema);
        SCHEMAS.add(schema);
        DataSource ds = TestDatabases.postgres(schema);
        migrateAll(ds, schema);
        return ds;
    }

    DataSource migratedH2() throws IOException {
        DataSource ds = TestDatabases.h2(h2Dir);
        migrateAll(ds, "PUBLIC");
        return ds;
    }

    static List<String> migrationFiles() throws IOException {
        try (Stream<Path> s = Files.list(MIGRATIONS)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("[VR].*__.*\\.sql")).sorted().toList();
        }
    }

    static void migrateAll(DataSource ds, String schema) throws IOException {
        assertThat(migrationFiles()).as("migrations in " + MIGRATIONS).isNotEmpty();
        Flyway flyway = Flyway.configure().dataSource(ds).schemas(schema).locations("classpath:db/migration").load();
        MigrateResult result = flyway.migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).as("every file in " + MIGRATIONS).isEqualTo(migrationFiles().size());
        assertThat(flyway.info().applied()).extracting(MigrationInfo::getState)
                .allMatch(state -> state.isApplied() && !state.isFailed());
        flyway.validate();
    }

    @Test
    void sameMigrationsGiveSameTablesOnPostgresAndH2() throws Exception {
        DataSource pg = migratedPostgres();
        assertThat(new JdbcTemplate(pg).queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        Map<String, List<String>> onPostgres = TestDatabases.tables(pg, SCHEMAS.get(SCHEMAS.size() - 1));
        assertThat(onPostgres).isNotEmpty();
        assertThat(TestDatabases.tables(migratedH2(), "PUBLIC")).isEqualTo(onPostgres);
    }

    /** The app's own queries (ProgressRepository, through JdbcClient) on each database. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void progressRepositoryWorksOn(String database) throws IOException {
        DataSource ds = database.equals("postgres") ? migratedPostgres() : migratedH2();
        ProgressRepository progress = new ProgressRepository(JdbcClient.create(ds));

        progress.started("learner-1", "namespaces", 1);
        progress.started("learner-1", "namespaces", 1);
        progress.checked("learner-1", "namespaces", 1, false);
        progress.checked("learner-1", "namespaces", 1, true);
        progress.checked("learner-1", "namespaces", 2, false);

        List<StepProgress> steps = progress.steps("learner-1", "namespaces");
        assertThat(steps).extracting(StepProgress::step).containsExactly(1, 2);
        StepProgress first = steps.get(0);
        assertThat(first.attempts()).isEqualTo(2);
        assertThat(first.failedChecks()).isEqualTo(1);
        assertThat(first.completedAt()).isNotNull().isAfterOrEqualTo(first.startedAt());
        assertThat(steps.get(1).completedAt()).isNull();

        progress.checked("learner-1", "namespaces", 1, true);
        assertThat(progress.steps("learner-1", "namespaces").get(0).completedAt())
                .as("the first pass counts").isEqualTo(first.completedAt());
        assertThat(progress.byLab("learner-1")).containsOnlyKeys("namespaces");
        assertThat(progress.byLab("learner-2")).isEmpty();
    }
}
