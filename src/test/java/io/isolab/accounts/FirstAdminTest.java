package io.isolab.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.IsolabApplication;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Without configured credentials, the first admin gets a random password, printed once and stored hashed. */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
@ExtendWith(OutputCaptureExtension.class)
class FirstAdminTest {
    private static final Pattern PASSWORD = Pattern.compile("password: (\\S+)");

    @LocalServerPort
    int port;
    @Autowired
    FirstAdmin firstAdmin;
    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "first-admin");
        registry.add("isolab.agent.url", () -> "http://127.0.0.1:9");
        registry.add("isolab.agent.token", () -> "unused");
    }

    @Test
    void randomPasswordIsPrintedOnceAndWorks(CapturedOutput output) {
        // The context already created one at start-up; start over as on a brand-new database.
        jdbc.sql("DELETE FROM users").update();
        int start = output.getOut().length();
        firstAdmin.run(null);
        String printed = output.getOut().substring(start);
        Matcher m = PASSWORD.matcher(printed);
        assertThat(m.find()).as("banner with the password: " + printed).isTrue();
        String password = m.group(1);
        assertThat(printed).contains("username: admin", "Shown only this once");
        String hash = jdbc.sql("SELECT password_hash FROM users WHERE username = 'admin'").query(String.class).single();
        assertThat(hash).startsWith("$2").doesNotContain(password);

        LearnerClient admin = new LearnerClient(port);
        admin.form("/login", "username", "admin", "password", password);
        assertThat(admin.get("/admin").statusCode()).isEqualTo(200);

        // A second start with an admin present prints nothing new.
        int before = output.getOut().length();
        firstAdmin.run(null);
        assertThat(output.getOut().substring(before)).doesNotContain("password:");
    }
}
