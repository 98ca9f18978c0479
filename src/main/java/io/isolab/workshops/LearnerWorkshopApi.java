package io.isolab.workshops;

import io.isolab.accounts.CurrentLearner;
import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.LabSandboxes;
import java.time.Instant;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The learner's side of watching, polled by the lab page (watched.js): am I in a workshop with this
 * lab, is my instructor watching my terminal, and do I let them type.
 */
@RestController
public class LearnerWorkshopApi {
    private final WorkshopRepository workshops;
    private final LabSandboxes sandboxes;
    private final AgentClient agent;
    private final ShareConsent consent;

    public LearnerWorkshopApi(WorkshopRepository workshops, LabSandboxes sandboxes, AgentClient agent,
                              ShareConsent consent) {
        this.workshops = workshops;
        this.sandboxes = sandboxes;
        this.agent = agent;
        this.consent = consent;
    }

    @GetMapping("/workshops/me")
    public Map<String, Object> me(@RequestParam String lab, CurrentLearner learner) {
        Instant now = Instant.now();
        boolean inWorkshop = workshops.joinedBy(learner.learnerId(), now).stream().anyMatch(w -> w.labIds().contains(lab));
        boolean watched = false;
        if (inWorkshop) {
            try {
                watched = sandboxes.readyId(learner.learnerId(), lab)
                        .map(id -> agent.terminals(id).stream().anyMatch(t -> t.watchers() > 0)).orElse(false);
            } catch (AgentException e) {
                // The notice is a courtesy; an agent blip shows "not watched" until the next poll.
            }
        }
        return Map.of("inWorkshop", inWorkshop, "watched", watched, "allowTyping", consent.allows(learner.learnerId()));
    }

    public record Share(boolean allow) {
    }

    @PostMapping("/workshops/me/share")
    public Map<String, Object> share(@RequestBody Share share, CurrentLearner learner) {
        consent.set(learner.learnerId(), share.allow());
        return Map.of("allowTyping", consent.allows(learner.learnerId()));
    }
}
