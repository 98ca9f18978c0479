package io.isolab.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The users table (db/migration/V2__accounts.sql). Passwords are stored only as BCrypt hashes. */
@Repository
public class AccountRepository {
    private final JdbcClient jdbc;

    public AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the account and its learner row; fails with DuplicateKeyException when the name is taken. */
    @Transactional
    public Account create(String username, String passwordHash, Role role, String learnerId) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO learners (id, created_at) SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM learners WHERE id = ?)")
                .params(learnerId, now, learnerId).update();
        jdbc.sql("INSERT INTO users (username, password_hash, role, learner_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(username, passwordHash, role.name(), learnerId, now).update();
        return find(username).orElseThrow();
    }

    public Optional<Account> find(String username) {
        return jdbc.sql("SELECT * FROM users WHERE username = ?").param(username)
                .query(AccountRepository::map).optional();
    }

    public Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(username)
                .query(String.class).optional();
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    public boolean anyWithRole(Role role) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = ?").param(role.name())
                .query(Integer.class).single() > 0;
    }

    public List<Account> all() {
        return jdbc.sql("SELECT * FROM users ORDER BY role DESC, username").query(AccountRepository::map).list();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                rs.getString("learner_id"), rs.getTimestamp("created_at").toInstant());
    }
}
