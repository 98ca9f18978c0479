package io.isolab.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Katacoda and Killercoda fixtures, read through the whole catalog. */
class ScenarioReaderTest {

    @TempDir
    Path labs;
    private CatalogSnapshot snapshot;

    @BeforeEach
    void load() {
        snapshot = new CatalogLoader().load(Fixtures.copyTo(labs));
        assertThat(snapshot.problems()).isEmpty();
    }

    private Lab lab(String id) {
        return snapshot.labs().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void katacodaScenarioHeaderIntroFinishAndAssets() {
        Lab lab = lab("kata-docker");
        assertThat(lab.format()).isEqualTo(LabFormat.SCENARIO);
        assertThat(lab.title()).isEqualTo("Deploying a container");
        assertThat(lab.summary()).isEqualTo("Learn to run containers");
        assertThat(lab.minutes()).isEqualTo(15);
        assertThat(lab.topic()).isEqualTo(MindMap.MORE);
        assertThat(lab.intro()).isEqualTo("<p>Welcome. This scenario runs <strong>Redis</strong>.</p>\n");
        assertThat(lab.setup()).isEqualTo("docker pull redis\ntouch /tmp/finished\n"); // intro courseData
        assertThat(Jsoup.parse(lab.finish()).select("kbd")).hasSize(2);
        assertThat(lab.assets()).containsExactly(new Asset("assets/wait.sh", "/usr/local/bin/", "+x"),
                new Asset("assets/app.conf", "~/", null));
        assertThat(lab.steps()).extracting(Step::title).containsExactly("Run Redis", "Write a Dockerfile", "Quiz");
    }

    @Test
    void katacodaStepScriptsVerifyAndAnswer() {
        Step step = lab("kata-docker").step(1).orElseThrow();
        assertThat(step.setup()).isEqualTo("docker rm -f redisHostPort 2>/dev/null || true\n"); // courseData
        // intro code runs first when step 1 starts, then the step's own code
        assertThat(step.foreground()).isEqualTo("while [ ! -f /tmp/finished ]; do sleep 1; done; echo READY\nclear; echo step one");
        assertThat(step.checks()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("script");
            assertThat(c.params()).isEqualTo(Map.of("run",
                    "[ \"$(docker inspect -f {{.State.Running}} redisHostPort)\" = true ] && echo \"done\"\n",
                    "timeout", 30));
            assertThat(c.location()).isEqualTo("labs/kata-docker/step1-verify.sh:1");
        });
        assertThat(step.solution()).isEqualTo("docker run -d --name redisHostPort -p 6379:6379 redis:latest");
        assertThat(step.source()).isEqualTo("kata-docker/step1.md");
        Document d = Jsoup.parseBodyFragment(step.html());
        assertThat(d.select("details.solution > summary").text()).isEqualTo("Solution");
    }

    @Test
    void katacodaAnnotationsAndPortLinks() {
        Document d = Jsoup.parseBodyFragment(lab("kata-docker").step(1).orElseThrow().html());
        assertThat(d.select("code.snippet")).extracting(e -> e.attr("data-action") + e.attr("data-terminal")
                        + e.attr("data-interrupt") + " " + e.text())
                .containsExactly(
                        "run1false docker run -d --name redisHostPort -p 6379:6379 redis:latest",
                        "run2false docker ps",
                        "run1true top",
                        "run1false docker inspect example:single --format='{{.Size}}'",
                        "copy1false docker ps --format '{{ .Names }}'",
                        "run2false hostname",
                        "run1false curl http://localhost:8080/",
                        "run1false docker run -d --name redisHostPort -p 6379:6379 redis:latest");
        assertThat(d.select("a.preview-link").attr("href")).isEqualTo("/labs/kata-docker/preview/80/status");
        assertThat(d.select("div.code-block[data-action=run] code").text()).isEqualTo("docker images\ndocker ps -a");
    }

    @Test
    void katacodaFileBlocksAndSanitizing() {
        Step step = lab("kata-docker").step(2).orElseThrow();
        assertThat(step.html()).doesNotContain("<script", "onclick", "onerror", "steal");
        Document d = Jsoup.parseBodyFragment(step.html());
        assertThat(d.select("div.code-block[data-action=write]"))
                .extracting(e -> e.attr("data-filename") + "|" + e.attr("data-target") + "|" + e.selectFirst("code").wholeText())
                .containsExactly("Dockerfile|replace|FROM nginx:alpine\nCOPY index.html /usr/share/nginx/html/\n",
                        "index.html|append|<h1>Hello</h1>\n");
        assertThat(d.select("img").attr("src")).isEqualTo("/labs/kata-docker/files/assets/diagram.png");
    }

    @Test
    void katacodaQuizBecomesAnswerChecks() {
        Step step = lab("kata-docker").step(3).orElseThrow();
        assertThat(step.checks()).extracting(Condition::kind, Condition::location).containsExactly(
                org.assertj.core.groups.Tuple.tuple("answer", "labs/kata-docker/step3.md:3"),
                org.assertj.core.groups.Tuple.tuple("answer", "labs/kata-docker/step3.md:6"));
        assertThat(step.checks().get(0).params()).containsEntry("prompt", "Which command lists running containers?")
                .containsEntry("expected", "docker ps").containsEntry("match", "exact");
        assertThat(step.checks().get(1).params()).containsEntry("options", List.of("runc", "redis", "crun"))
                .containsEntry("expected", List.of("runc", "crun")).containsEntry("match", "multiple");
        assertThat(step.answers()).containsExactly("echo 'docker ps'", "echo 'runc, crun'");
        assertThat(step.html()).doesNotContain(">>", "===", "[*]").contains("Done.");
    }

    @Test
    void killercodaScenario() {
        Lab lab = lab("kc-basics");
        assertThat(lab.topic()).isEqualTo("namespaces"); // from isolab.yaml
        assertThat(lab.order()).isEqualTo(5);
        assertThat(lab.minutes()).isZero();
        assertThat(lab.setup()).isEqualTo("touch /tmp/finished\n");
        assertThat(lab.intro()).contains("Killercoda intro.");
        assertThat(lab.finish()).contains("All done.");
        assertThat(lab.assets()).containsExactly(new Asset("assets/setup.sh", "/root", "755"));

        Step one = lab.step(1).orElseThrow();
        assertThat(one.title()).isEqualTo("Create a directory");
        assertThat(one.setup()).isEqualTo("rm -rf /etc/panda\n");
        assertThat(one.foreground()).isEqualTo("while [ ! -f /tmp/finished ]; do sleep 1; done");
        assertThat(one.checks()).singleElement().extracting(Condition::params)
                .isEqualTo(Map.of("run", "stat /etc/panda\n", "timeout", 30));
        assertThat(one.solution()).isEqualTo("mkdir -p /etc/panda"); // from the Solution dropdown
        Document d = Jsoup.parseBodyFragment(one.html());
        assertThat(d.select("code.snippet")).extracting(Element::text).containsExactly("mkdir /etc/panda");
        assertThat(d.select("code:not(.snippet)")).extracting(Element::text).contains("copy me", "no copy");
        assertThat(d.select("div.code-block")).extracting(e -> e.attr("data-action") + e.attr("data-interrupt")
                + e.selectFirst("code").className()).containsExactly("runtruelanguage-bash", "copylanguage-yaml",
                "runlanguage-bash");
        assertThat(d.select("a.preview-link").attr("href")).isEqualTo("/labs/kc-basics/preview/80/");
        assertThat(d.select("details > summary").text()).isEqualTo("Solution");

        Step two = lab.step(2).orElseThrow();
        assertThat(two.title()).isEqualTo("Step 2");
        assertThat(two.foreground()).isEqualTo("echo step two");
        assertThat(two.checks()).isEmpty();
        Document d2 = Jsoup.parseBodyFragment(two.html());
        assertThat(d2.select("a.preview-link").attr("href")).isEqualTo("/labs/kc-basics/preview/8080/api");
        assertThat(d2.select("code.snippet").attr("data-terminal")).isEqualTo("2");
        assertThat(d2.select("img").attr("src")).isEqualTo("/labs/kc-basics/files/assets/logo.png");
    }

    @Test
    void timeTextToMinutes() {
        assertThat(ScenarioReader.minutes("10")).isEqualTo(10);
        assertThat(ScenarioReader.minutes("20-30 minutes")).isEqualTo(20);
        assertThat(ScenarioReader.minutes("about an hour")).isZero();
    }
}
