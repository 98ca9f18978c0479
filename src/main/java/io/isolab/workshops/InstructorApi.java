package io.isolab.workshops;

import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.PoolStatus;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** JSON and CSV behind the roster page: polled every 2 s by roster.js, downloaded by the instructor. */
@RestController
public class InstructorApi {
    private final Workshops workshops;
    private final RosterService rosters;
    private final AgentClient agent;
    private final Prewarm prewarm;
    private final ShareConsent consent;

    public InstructorApi(Workshops workshops, RosterService rosters, AgentClient agent, Prewarm prewarm,
                         ShareConsent consent) {
        this.workshops = workshops;
        this.rosters = rosters;
        this.agent = agent;
        this.prewarm = prewarm;
        this.consent = consent;
    }

    /** Whether the learner lets the instructor type now (watch.js polls it to switch watch/share). */
    @GetMapping("/instructor/workshops/{id}/learners/{participant}/share")
    public Map<String, Object> share(@PathVariable long id, @PathVariable long participant) {
        Participant p = workshops.participant(workshops.byId(id), participant);
        return Map.of("allowTyping", consent.allows(p.learnerId()));
    }

    @GetMapping("/instructor/workshops/{id}/roster")
    public Roster roster(@PathVariable long id) {
        return rosters.roster(workshops.byId(id));
    }

    @GetMapping("/instructor/workshops/{id}/roster.csv")
    public ResponseEntity<byte[]> csv(@PathVariable long id) {
        Workshop workshop = workshops.byId(id);
        String name = "workshop-" + workshop.code().toLowerCase() + "-roster.csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
                .body(RosterCsv.of(rosters.roster(workshop)).getBytes(StandardCharsets.UTF_8));
    }

    /** The agent's warm pool and whether this workshop is the one raising it now. */
    @GetMapping("/instructor/workshops/{id}/pool")
    public Map<String, Object> pool(@PathVariable long id) {
        Workshop workshop = workshops.byId(id);
        PoolStatus pool = agent.pool();
        return Map.of("ready", pool.ready(), "starting", pool.starting(), "target", pool.target(),
                "prewarm", workshop.prewarm(), "warming", prewarm.warming().contains(workshop.id()));
    }

    @ExceptionHandler(WorkshopNotFoundException.class)
    public ResponseEntity<Map<String, String>> notFound(WorkshopNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "not-found", "message", e.getMessage()));
    }
}
