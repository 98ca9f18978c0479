package io.isolab.workshops;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Workshops, their labs and participants (schema: db/migration/V3__workshops.sql). */
@Repository
public class WorkshopRepository {
    private final JdbcClient jdbc;
    private final JoinCodes codes;

    public WorkshopRepository(JdbcClient jdbc, JoinCodes codes) {
        this.jdbc = jdbc;
        this.codes = codes;
    }

    @Transactional
    public long create(WorkshopForm form) {
        for (int tries = 0; ; tries++) {
            try {
                GeneratedKeyHolder key = new GeneratedKeyHolder();
                jdbc.sql("""
                        INSERT INTO workshops (code, title, starts_at, ends_at, memory_mib, cpus, pids, disk_mib, prewarm, created_at)
                        VALUES (:code, :title, :starts, :ends, :memory, :cpus, :pids, :disk, :prewarm, :now)""")
                        .param("code", codes.next()).param("title", form.title())
                        .param("starts", Timestamp.from(form.startsAt())).param("ends", Timestamp.from(form.endsAt()))
                        .param("memory", form.memoryMiB()).param("cpus", form.cpus()).param("pids", form.pids())
                        .param("disk", form.diskMiB()).param("prewarm", form.prewarm())
                        .param("now", Timestamp.from(Instant.now()))
                        .update(key, "id");
                long id = key.getKey().longValue();
                saveLabs(id, form.labs());
                return id;
            } catch (DuplicateKeyException clash) {
                if (tries >= 5) throw clash;   // a code collision; 25^6 codes make a sixth one unthinkable
            }
        }
    }

    @Transactional
    public void update(long id, WorkshopForm form) {
        jdbc.sql("""
                UPDATE workshops SET title = :title, starts_at = :starts, ends_at = :ends, memory_mib = :memory,
                       cpus = :cpus, pids = :pids, disk_mib = :disk, prewarm = :prewarm WHERE id = :id""")
                .param("title", form.title())
                .param("starts", Timestamp.from(form.startsAt())).param("ends", Timestamp.from(form.endsAt()))
                .param("memory", form.memoryMiB()).param("cpus", form.cpus()).param("pids", form.pids())
                .param("disk", form.diskMiB()).param("prewarm", form.prewarm()).param("id", id)
                .update();
        jdbc.sql("DELETE FROM workshop_labs WHERE workshop_id = ?").param(id).update();
        saveLabs(id, form.labs());
    }

    public void close(long id) {
        jdbc.sql("UPDATE workshops SET closed = TRUE WHERE id = ?").param(id).update();
    }

    public Optional<Workshop> find(long id) {
        return jdbc.sql("SELECT * FROM workshops WHERE id = ?").param(id).query(this::map).optional();
    }

    public Optional<Workshop> byCode(String code) {
        return jdbc.sql("SELECT * FROM workshops WHERE code = ?").param(code).query(this::map).optional();
    }

    public List<Workshop> all() {
        return jdbc.sql("SELECT * FROM workshops ORDER BY starts_at DESC, id DESC").query(this::map).list();
    }

    /** Workshops whose window has not ended and that are not closed: candidates for limits and pre-warm. */
    public List<Workshop> current(Instant now) {
        return jdbc.sql("SELECT * FROM workshops WHERE closed = FALSE AND ends_at > ? ORDER BY starts_at")
                .param(Timestamp.from(now)).query(this::map).list();
    }

    /**
     * A learner who joined anonymously signed in: their memberships follow the account, so they stay
     * on the roster (where the account had already joined, the account's row stays).
     */
    @Transactional
    public void moveParticipant(String fromLearnerId, String toLearnerId) {
        jdbc.sql("UPDATE workshop_participants SET learner_id = ? WHERE learner_id = ? AND workshop_id NOT IN"
                        + " (SELECT workshop_id FROM workshop_participants WHERE learner_id = ?)")
                .params(toLearnerId, fromLearnerId, toLearnerId).update();
        jdbc.sql("DELETE FROM workshop_participants WHERE learner_id = ?").param(fromLearnerId).update();
    }

    /** Joins (or renames) the learner; returns the participant. */
    @Transactional
    public Participant join(long workshopId, String learnerId, String displayName) {
        int renamed = jdbc.sql("UPDATE workshop_participants SET display_name = ? WHERE workshop_id = ? AND learner_id = ?")
                .params(displayName, workshopId, learnerId).update();
        if (renamed == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO workshop_participants (workshop_id, learner_id, display_name, joined_at)
                        VALUES (?, ?, ?, ?)""")
                        .params(workshopId, learnerId, displayName, Timestamp.from(Instant.now())).update();
            } catch (DuplicateKeyException raced) {
                // The same learner joined twice at once: one row is all we need.
            }
        }
        return participant(workshopId, learnerId).orElseThrow();
    }

    public Optional<Participant> participant(long workshopId, String learnerId) {
        return jdbc.sql("SELECT * FROM workshop_participants WHERE workshop_id = ? AND learner_id = ?")
                .params(workshopId, learnerId).query(WorkshopRepository::participant).optional();
    }

    public Optional<Participant> participant(long participantId) {
        return jdbc.sql("SELECT * FROM workshop_participants WHERE id = ?")
                .param(participantId).query(WorkshopRepository::participant).optional();
    }

    public List<Participant> participants(long workshopId) {
        return jdbc.sql("SELECT * FROM workshop_participants WHERE workshop_id = ? ORDER BY joined_at, id")
                .param(workshopId).query(WorkshopRepository::participant).list();
    }

    /** Open-or-upcoming workshops the learner joined, newest first. */
    public List<Workshop> joinedBy(String learnerId, Instant now) {
        return jdbc.sql("""
                SELECT w.* FROM workshops w JOIN workshop_participants p ON p.workshop_id = w.id
                 WHERE p.learner_id = ? AND w.closed = FALSE AND w.ends_at > ? ORDER BY w.starts_at DESC""")
                .params(learnerId, Timestamp.from(now)).query(this::map).list();
    }

    private void saveLabs(long id, List<String> labs) {
        for (int i = 0; i < labs.size(); i++) {
            jdbc.sql("INSERT INTO workshop_labs (workshop_id, position, lab_id) VALUES (?, ?, ?)")
                    .params(id, i, labs.get(i)).update();
        }
    }

    private Workshop map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<String> labs = jdbc.sql("SELECT lab_id FROM workshop_labs WHERE workshop_id = ? ORDER BY position")
                .param(id).query(String.class).list();
        return new Workshop(id, rs.getString("code"), rs.getString("title"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                new Workshop.Limits(rs.getObject("memory_mib", Integer.class), rs.getObject("cpus", Double.class),
                        rs.getObject("pids", Integer.class), rs.getObject("disk_mib", Integer.class)),
                rs.getInt("prewarm"), rs.getBoolean("closed"), labs);
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        return new Participant(rs.getLong("id"), rs.getLong("workshop_id"), rs.getString("learner_id"),
                rs.getString("display_name"), rs.getTimestamp("joined_at").toInstant());
    }
}
