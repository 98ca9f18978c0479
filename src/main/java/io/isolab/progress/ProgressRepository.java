package io.isolab.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Learners and their step progress (schema: db/migration/V1__progress.sql). */
@Repository
public class ProgressRepository {
    private final JdbcClient jdbc;
    private final Clock clock;

    public ProgressRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.clock = Clock.systemUTC();
    }

    /** Notes that the learner opened a step; the first visit sets started_at. */
    @Transactional
    public void started(String learnerId, String labId, int step) {
        ensureRow(learnerId, labId, step);
    }

    /** Records one check: one more attempt, one more failure unless it passed, completion time on the first pass. */
    @Transactional
    public void checked(String learnerId, String labId, int step, boolean passed) {
        ensureRow(learnerId, labId, step);
        jdbc.sql("""
                UPDATE step_progress
                   SET attempts = attempts + 1,
                       failed_checks = failed_checks + :failed,
                       completed_at = CASE WHEN :passed AND completed_at IS NULL THEN :now ELSE completed_at END
                 WHERE learner_id = :learner AND lab_id = :lab AND step = :step""")
                .param("failed", passed ? 0 : 1).param("passed", passed).param("now", now())
                .param("learner", learnerId).param("lab", labId).param("step", step)
                .update();
    }

    public List<StepProgress> steps(String learnerId, String labId) {
        return jdbc.sql("SELECT * FROM step_progress WHERE learner_id = ? AND lab_id = ? ORDER BY step")
                .params(learnerId, labId).query(ProgressRepository::map).list();
    }

    /** Every lab the learner has touched, by lab id. */
    public Map<String, List<StepProgress>> byLab(String learnerId) {
        return jdbc.sql("SELECT * FROM step_progress WHERE learner_id = ? ORDER BY lab_id, step")
                .param(learnerId).query(ProgressRepository::map).list().stream()
                .collect(Collectors.groupingBy(StepProgress::labId));
    }

    /**
     * Moves everything {@code from} did to {@code to} (an anonymous browser's progress into the account
     * that just signed in). Where both have a row for a step, attempts add up and the earlier start and
     * completion win.
     */
    @Transactional
    public void moveAll(String from, String to) {
        if (from.equals(to)) return;
        for (StepProgress s : byLab(from).values().stream().flatMap(List::stream).toList()) {
            ensureRow(to, s.labId(), s.step());
            jdbc.sql("""
                    UPDATE step_progress
                       SET attempts = attempts + :attempts,
                           failed_checks = failed_checks + :failed,
                           started_at = LEAST(started_at, :started),
                           completed_at = CASE WHEN completed_at IS NULL THEN :completed
                                               WHEN :completed IS NULL THEN completed_at
                                               ELSE LEAST(completed_at, :completed) END
                     WHERE learner_id = :learner AND lab_id = :lab AND step = :step""")
                    .param("attempts", s.attempts()).param("failed", s.failedChecks())
                    .param("started", Timestamp.from(s.startedAt()))
                    .param("completed", s.completedAt() == null ? null : Timestamp.from(s.completedAt()), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                    .param("learner", to).param("lab", s.labId()).param("step", s.step())
                    .update();
        }
        jdbc.sql("DELETE FROM step_progress WHERE learner_id = ?").param(from).update();
    }

    private void ensureRow(String learnerId, String labId, int step) {
        Timestamp now = now();
        try {
            jdbc.sql("INSERT INTO learners (id, created_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM learners WHERE id = ?)")
                    .params(learnerId, now, learnerId).update();
            jdbc.sql("""
                    INSERT INTO step_progress (learner_id, lab_id, step, started_at)
                    SELECT ?, ?, ?, ? WHERE NOT EXISTS
                      (SELECT 1 FROM step_progress WHERE learner_id = ? AND lab_id = ? AND step = ?)""")
                    .params(learnerId, labId, step, now, learnerId, labId, step).update();
        } catch (DuplicateKeyException raced) {
            // Two requests of the same learner created the row at once: it exists, which is all we need.
        }
    }

    private Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    private static StepProgress map(ResultSet rs, int row) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new StepProgress(rs.getString("lab_id"), rs.getInt("step"), rs.getInt("attempts"),
                rs.getInt("failed_checks"), rs.getTimestamp("started_at").toInstant(),
                completed == null ? null : completed.toInstant());
    }
}
