package io.isolab.player;

import static org.assertj.core.api.Assertions.assertThat;

import io.isolab.IsolabApplication;
import io.isolab.progress.ProgressRepository;
import io.isolab.progress.StepProgress;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** Progress lives in the H2 file: it survives a reload of the page and a restart of the whole app. */
class ProgressPersistenceTest {

    @Test
    void progressSurvivesReloadAndRestart() throws Exception {
        Path dir = Files.createTempDirectory("isolab-progress");
        // A folder that does not exist yet, like ./.state on a fresh checkout.
        String url = "jdbc:h2:file:" + dir.resolve("state/isolab");
        String learner;

        try (ConfigurableApplicationContext first = start(url)) {
            LearnerClient client = new LearnerClient(port(first));
            client.get("/");
            learner = client.learner();
            assertThat(client.get("/labs/demo/steps/1").statusCode()).isEqualTo(200);
            ProgressRepository progress = first.getBean(ProgressRepository.class);
            progress.checked(learner, "demo", 1, false);
            progress.checked(learner, "demo", 1, true);

            assertThat(client.get("/").body()).contains("1 of 2 done");
            assertThat(client.get("/").body()).as("after a reload").contains("1 of 2 done");
            assertThat(client.get("/labs/demo").headers().firstValue("location").orElseThrow())
                    .as("resume at the first step not yet passed").endsWith("/labs/demo/steps/2");
        }

        try (ConfigurableApplicationContext second = start(url)) {
            LearnerClient client = new LearnerClient(port(second), learner);
            assertThat(client.get("/").body()).as("after a restart").contains("1 of 2 done");
            assertThat(client.get("/map").body()).contains("status-in-progress");
            assertThat(client.get("/labs/demo").headers().firstValue("location").orElseThrow()).endsWith("/steps/2");
            List<StepProgress> steps = second.getBean(ProgressRepository.class).steps(learner, "demo");
            assertThat(steps).hasSize(1);
            assertThat(steps.getFirst().attempts()).isEqualTo(2);
            assertThat(steps.getFirst().failedChecks()).isEqualTo(1);
            assertThat(steps.getFirst().completedAt()).isAfterOrEqualTo(steps.getFirst().startedAt());

            LearnerClient stranger = new LearnerClient(port(second));
            assertThat(stranger.get("/").body()).as("another learner starts from zero").doesNotContain("1 of 2 done");
        }
    }

    private static ConfigurableApplicationContext start(String url) {
        return new SpringApplicationBuilder(IsolabApplication.class, PlayerTestConfig.class)
                .run("--server.port=0", "--spring.datasource.url=" + url, "--isolab.agent.url=http://127.0.0.1:9");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
