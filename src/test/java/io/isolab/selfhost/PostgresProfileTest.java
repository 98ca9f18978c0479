package io.isolab.selfhost;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.isolab.progress.ProgressRepository;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The documented switch to PostgreSQL: profile "postgres" (application-postgres.properties) with
 * ISOLAB_DB_URL / ISOLAB_DB_USER / ISOLAB_DB_PASSWORD, as docker-compose.yml sets them, makes
 * Spring Boot connect to PostgreSQL and Flyway migrate it on start, over the defaults of
 * application.properties (H2). Only the database part of the app starts.
 */
class PostgresProfileTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
            JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class DatabaseOnly {
    }

    @Test
    void postgresProfileConnectsAndMigrates() {
        String url = TestDatabases.postgresUrl();
        Map<String, String> query = query(url);
        String schema = "profile_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String base = url.replaceAll("\\?.*", "");
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(DatabaseOnly.class)
                .web(WebApplicationType.NONE)
                .profiles("postgres")
                .properties("ISOLAB_DB_URL=" + base + "?currentSchema=" + schema,
                        "ISOLAB_DB_USER=" + query.get("user"),
                        "ISOLAB_DB_PASSWORD=" + query.get("password"),
                        "spring.flyway.schemas=" + schema)
                .run()) {
            DataSource ds = ctx.getBean(DataSource.class);
            assertThat(((HikariDataSource) ds).getJdbcUrl()).startsWith("jdbc:postgresql:");
            assertThat(ctx.getBean(Flyway.class).info().current()).as("Flyway migrated on start").isNotNull();
            ProgressRepository progress = new ProgressRepository(ctx.getBean(JdbcClient.class));
            progress.checked("learner-p", "cgroups", 1, true);
            assertThat(progress.steps("learner-p", "cgroups")).hasSize(1);
            assertThat(new JdbcTemplate(ds).queryForObject("SELECT current_schema()", String.class)).isEqualTo(schema);
        } finally {
            new JdbcTemplate(TestDatabases.postgres("public")).execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static Map<String, String> query(String url) {
        Map<String, String> result = new HashMap<>();
        int q = url.indexOf('?');
        if (q >= 0) {
            for (String pair : url.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    result.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return result;
    }
}
