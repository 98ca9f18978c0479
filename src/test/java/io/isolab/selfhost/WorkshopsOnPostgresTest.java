package io.isolab.selfhost;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.workshops.JoinCodes;
import io.isolab.workshops.Participant;
import io.isolab.workshops.Workshop;
import io.isolab.workshops.WorkshopForm;
import io.isolab.workshops.WorkshopRepository;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The workshops' SQL (V3__workshops.sql, WorkshopRepository) on PostgreSQL and on H2. */
class WorkshopsOnPostgresTest {

    @TempDir
    Path h2Dir;

    @AfterAll
    static void dropSchemas() {
        MigrationsOnPostgresTest.dropSchemas();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "h2"})
    void workshopRepositoryWorksOn(String database) throws IOException {
        DataSource ds;
        if (database.equals("postgres")) {
            ds = MigrationsOnPostgresTest.migratedPostgres();
        } else {
            ds = TestDatabases.h2(h2Dir);
            MigrationsOnPostgresTest.migrateAll(ds, "PUBLIC");
        }
        WorkshopRepository workshops = new WorkshopRepository(JdbcClient.create(ds), new JoinCodes());
        Instant start = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        String starts = start.atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
        String ends = start.plus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
        long id = workshops.create(new WorkshopForm("On " + database, starts, ends, List.of("a", "b"), 768, 0.5, 256,
                null, 2, ZoneOffset.UTC));

        Workshop created = workshops.find(id).orElseThrow();
        assertThat(created.labIds()).containsExactly("a", "b");
        assertThat(created.limits()).isEqualTo(new Workshop.Limits(768, 0.5, 256, null));
        assertThat(created.startsAt()).isEqualTo(start);
        assertThat(workshops.byCode(created.code())).contains(created);
        assertThat(workshops.current(Instant.now())).extracting(Workshop::id).contains(id);

        Participant ada = workshops.join(id, "learner-1", "Ada");
        assertThat(workshops.join(id, "learner-1", "Ada L.").id()).as("joining again renames").isEqualTo(ada.id());
        workshops.join(id, "learner-2", "Bob");
        assertThat(workshops.participants(id)).extracting(Participant::displayName).containsExactly("Ada L.", "Bob");
        assertThat(workshops.joinedBy("learner-1", Instant.now())).extracting(Workshop::id).containsExactly(id);

        workshops.moveParticipant("learner-2", "account-2");
        assertThat(workshops.participant(id, "account-2")).as("the membership follows the account").isPresent();
        assertThat(workshops.participant(id, "learner-2")).isEmpty();
        assertThat(workshops.participants(id)).extracting(Participant::displayName).containsExactly("Ada L.", "Bob");

        workshops.update(id, new WorkshopForm("Renamed", starts, ends, List.of("b"), null, null, null, 2048, 0,
                ZoneOffset.UTC));
        Workshop updated = workshops.find(id).orElseThrow();
        assertThat(updated.title()).isEqualTo("Renamed");
        assertThat(updated.labIds()).containsExactly("b");
        assertThat(updated.limits()).isEqualTo(new Workshop.Limits(null, null, null, 2048));
        workshops.close(id);
        assertThat(workshops.current(Instant.now())).extracting(Workshop::id).doesNotContain(id);
        assertThat(workshops.joinedBy("learner-1", Instant.now())).isEmpty();
    }
}
