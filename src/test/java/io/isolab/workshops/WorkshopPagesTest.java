package io.isolab.workshops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.isolab.IsolabApplication;
import io.isolab.accounts.AccountService;
import io.isolab.accounts.Role;
import io.isolab.progress.ProgressRepository;
import io.isolab.testing.LearnerClient;
import io.isolab.testing.PlayerTestConfig;
import io.isolab.testing.TempDatabase;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Workshops over real HTTP with a dead agent: create, join with the code, the time window, the
 * roster JSON from recorded checks, and the CSV export.
 */
@SpringBootTest(classes = IsolabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(PlayerTestConfig.class)
class WorkshopPagesTest {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @LocalServerPort
    int port;

    @Autowired
    ObjectMapper json;
    @Autowired
    AccountService accounts;

    @Autowired
    ProgressRepository progress;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TempDatabase.register(registry, "workshops");
        registry.add("isolab.agent.url", () -> "http://127.0.0.1:9");
        registry.add("isolab.agent.token", () -> "unused");
    }

    static Map<String, Object> workshop(String title, int startInMinutes, int endInMinutes) {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Map<String, Object> form = new HashMap<>();
        form.put("title", title);
        form.put("starts", now.plusMinutes(startInMinutes).format(LOCAL));
        form.put("ends", now.plusMinutes(endInMinutes).format(LOCAL));
        form.put("labs", List.of("demo", "scenario-demo"));
        form.put("memoryMiB", "768");
        form.put("cpus", "0.5");
        form.put("pids", "256");
        form.put("prewarm", "3");
        return form;
    }

    @Test
    void instructorCreatesAWorkshopAndLearnersJoinWithTheCode() throws Exception {
        Instructor instructor = Instructor.signIn(port, accounts);
        long id = instructor.create(workshop("Containers 101", -5, 120));

        Document page = Jsoup.parse(instructor.get("/instructor/workshops/" + id).body());
        String code = page.getElementById("join-code").text();
        assertThat(code).matches("[" + JoinCodes.ALPHABET + "]{6}");
        assertThat(page.getElementById("join-link").attr("href")).isEqualTo("/join/" + code);
        assertThat(page.text()).contains("Containers 101", "768 MiB", "0.5 CPUs", "256 processes", "Demo lab, Scenario demo");
        assertThat(instructor.get("/instructor/workshops").body()).contains("Containers 101", code);

        LearnerClient learner = new LearnerClient(port);
        learner.get("/");
        HttpResponse<String> typed = learner.form("/join", "code", code.toLowerCase().substring(0, 3) + "-" + code.substring(3).toLowerCase());
        assertThat(typed.headers().firstValue("location").orElseThrow()).endsWith("/join/" + code);
        HttpResponse<String> joinPage = learner.get("/join/" + code);
        assertThat(joinPage.statusCode()).isEqualTo(200);
        assertThat(joinPage.body()).contains("name=\"name\"").doesNotContain("data-lab=\"demo\"");

        assertThat(learner.form("/join/" + code, "name", "").statusCode()).as("a name is needed").isEqualTo(400);
        assertThat(learner.form("/join/" + code, "name", "Ada <b>").statusCode()).isEqualTo(302);
        Document joined = Jsoup.parse(learner.get("/join/" + code).body());
        assertThat(joined.text()).contains("Welcome, Ada <b>");
        assertThat(joined.select("[data-lab]").eachAttr("data-lab")).containsExactly("demo", "scenario-demo");

        JsonNode roster = json.readTree(instructor.get("/instructor/workshops/" + id + "/roster").body());
        assertThat(roster.path("learners")).hasSize(1);
        assertThat(roster.path("learners").get(0).path("name").asText()).isEqualTo("Ada <b>");
        assertThat(roster.path("learners").get(0).path("cells")).hasSize(3);   // 2 steps of demo + 1 of the scenario
        assertThat(learner.get("/join/NOPE42").statusCode()).isEqualTo(404);
    }

    @Test
    void invalidFormsAreRefusedWithReasons() {
        Instructor instructor = Instructor.signIn(port, accounts);
        Map<String, Object> form = workshop("", 10, 5);
        form.put("labs", List.of("no-such-lab"));
        form.put("memoryMiB", "999999");
        HttpResponse<String> refused = instructor.form("/instructor/workshops", form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(refused.body()).select(".problems li").eachText()).contains(
                "Give the workshop a title (at most 200 characters).", "There is no lab \"no-such-lab\".",
                "The end must be after the start.", "Memory (MiB) must be between 256 and 4096.");
    }

    @Test
    void outsideTheWindowLearnersSeeWhenItStartsOrThatItEnded() {
        Instructor instructor = Instructor.signIn(port, accounts);
        String early = code(instructor, instructor.create(workshop("Tomorrow", 24 * 60, 25 * 60)));
        String over = code(instructor, instructor.create(workshop("Yesterday", -25 * 60, -24 * 60)));
        long closedId = instructor.create(workshop("Closed now", -5, 60));
        String closed = code(instructor, closedId);
        instructor.form("/instructor/workshops/" + closedId + "/close", Map.of());

        LearnerClient learner = new LearnerClient(port);
        HttpResponse<String> notYet = learner.get("/join/" + early);
        assertThat(notYet.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(notYet.body()).getElementById("not-started").text()).startsWith("This workshop starts at ");
        assertThat(learner.form("/join/" + early, "name", "Eve").statusCode()).as("joining early is refused").isEqualTo(403);

        HttpResponse<String> ended = learner.get("/join/" + over);
        assertThat(ended.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(ended.body()).getElementById("ended").text()).startsWith("This workshop ended at ");
        assertThat(Jsoup.parse(learner.get("/join/" + closed).body()).getElementById("ended")).isNotNull();
    }

    @Test
    void rosterShowsChecksAndCompletionAndExportsCsv() throws Exception {
        Instructor instructor = Instructor.signIn(port, accounts);
        long id = instructor.create(workshop("Roster, \"quoted\"", -5, 60));
        String code = code(instructor, id);
        LearnerClient learner = new LearnerClient(port);
        learner.get("/");
        learner.form("/join/" + code, "name", "Lovelace, \"Ada\"");
        assertThat(learner.get("/labs/demo/steps/1").statusCode()).isEqualTo(200);   // opening a step starts it
        progress.checked(learner.learner(), "demo", 1, false);
        progress.checked(learner.learner(), "demo", 1, true);
        progress.checked(learner.learner(), "demo", 2, false);

        JsonNode row = json.readTree(instructor.get("/instructor/workshops/" + id + "/roster").body()).path("learners").get(0);
        JsonNode first = row.path("cells").get(0), second = row.path("cells").get(1), scenario = row.path("cells").get(2);
        assertThat(first.path("status").asText()).isEqualTo("done");
        assertThat(first.path("attempts").asInt()).isEqualTo(2);
        assertThat(first.path("failedChecks").asInt()).isEqualTo(1);
        assertThat(first.path("seconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(second.path("status").asText()).isEqualTo("started");
        assertThat(second.path("failedChecks").asInt()).isEqualTo(1);
        assertThat(scenario.path("status").asText()).isEqualTo("none");
        assertThat(row.path("currentLab").asText()).isEqualTo("demo");
        assertThat(row.path("currentStep").asInt()).isEqualTo(2);
        assertThat(row.path("idleSeconds").isNumber()).isTrue();

        HttpResponse<String> csv = instructor.get("/instructor/workshops/" + id + "/roster.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("content-type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("content-disposition").orElseThrow()).contains("attachment", ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).isEqualTo("learner,lab,step,status,attempts,failed checks,started,completed,seconds spent");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("\"Lovelace, \"\"Ada\"\"\",Demo lab,1,done,2,1,");
        assertThat(lines.get(2)).startsWith("\"Lovelace, \"\"Ada\"\"\",Demo lab,2,started,1,1,");
        assertThat(lines.get(3)).isEqualTo("\"Lovelace, \"\"Ada\"\"\",Scenario demo,1,none,0,0,,,");
        assertThat(lines.get(1).split(",")).hasSize(10);   // 9 columns, the quoted name holding one more comma
    }

    @Test
    void onlyInstructorsOpenWorkshopPages() {
        long id = Instructor.signIn(port, accounts).create(workshop("Guarded", -5, 60));
        List<String> paths = List.of("/instructor/workshops", "/instructor/workshops/new", "/instructor/workshops/" + id,
                "/instructor/workshops/" + id + "/roster", "/instructor/workshops/" + id + "/roster.csv",
                "/instructor/workshops/" + id + "/pool", "/instructor/workshops/" + id + "/edit");
        Instructor stranger = Instructor.anonymous(port);
        Instructor learner = Instructor.signIn(port, accounts, Role.LEARNER);
        Instructor admin = Instructor.signIn(port, accounts, Role.ADMIN);
        for (String path : paths) {
            HttpResponse<String> anonymous = stranger.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(anonymous.headers().firstValue("location").orElseThrow()).as(path).endsWith("/login");
            assertThat(learner.get(path).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(learner.form("/instructor/workshops", workshop("Sneaky", -5, 60)).statusCode()).isEqualTo(403);
        assertThat(learner.form("/instructor/workshops/" + id + "/close", Map.of()).statusCode()).isEqualTo(403);
        assertThat(admin.get("/instructor/workshops/" + id).statusCode()).as("admins are instructors too").isEqualTo(200);
        assertThat(Instructor.signIn(port, accounts).get("/instructor/workshops").body()).contains("Guarded").doesNotContain("Sneaky");
    }

    @Test
    void editChangesTheWorkshop() {
        Instructor instructor = Instructor.signIn(port, accounts);
        long id = instructor.create(workshop("Before", -5, 60));
        Document edit = Jsoup.parse(instructor.get("/instructor/workshops/" + id + "/edit").body());
        assertThat(edit.select("input[name=title]").val()).isEqualTo("Before");
        assertThat(edit.select("input[name=labs][checked]").eachAttr("value")).containsExactly("demo", "scenario-demo");
        Map<String, Object> form = workshop("After", -5, 90);
        form.put("labs", List.of("scenario-demo"));
        form.put("memoryMiB", "");
        assertThat(instructor.form("/instructor/workshops/" + id, form).statusCode()).isEqualTo(302);
        Document page = Jsoup.parse(instructor.get("/instructor/workshops/" + id).body());
        assertThat(page.select("h1").text()).isEqualTo("After");
        assertThat(page.text()).contains("Scenario demo").doesNotContain("768 MiB").contains("0.5 CPUs");
    }

    @Test
    void csvFieldsNeverBecomeFormulas() {
        assertThat(RosterCsv.field("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(RosterCsv.field("plain")).isEqualTo("plain");
        assertThat(RosterCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    private static String code(Instructor instructor, long id) {
        return Jsoup.parse(instructor.get("/instructor/workshops/" + id).body()).getElementById("join-code").text();
    }
}
