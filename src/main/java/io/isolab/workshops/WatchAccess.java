package io.isolab.workshops;

import io.isolab.sandbox.AgentClient;
import io.isolab.sandbox.AgentException;
import io.isolab.sandbox.LabSandboxes;
import io.isolab.terminal.TerminalAccess;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Lets an instructor's watch socket through to terminal 1 of a workshop learner's sandbox for a lab
 * of the workshop. Refuses before the upgrade (404) when the learner has no running terminal, since
 * the agent would only close a watcher of a missing terminal. {@code mode=share} becomes share only
 * while the learner allows it; otherwise it is watch. Who may open it at all is the web security's
 * job: the path is under /instructor.
 */
@Component
public class WatchAccess implements HandshakeInterceptor {
    static final String LEARNER = "watchedLearner";
    static final String TERMINAL = "1";
    private static final Pattern PATH = Pattern.compile("/instructor/workshops/(\\d{1,18})/learners/(\\d{1,18})/labs/([a-z0-9-]+)/terminal");
    private final Workshops workshops;
    private final LabSandboxes sandboxes;
    private final AgentClient agent;
    private final ShareConsent consent;

    public WatchAccess(Workshops workshops, LabSandboxes sandboxes, AgentClient agent, ShareConsent consent) {
        this.workshops = workshops;
        this.sandboxes = sandboxes;
        this.agent = agent;
        this.consent = consent;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        Matcher path = PATH.matcher(request.getURI().getPath());
        if (!path.matches()) return refuse(response, HttpStatus.NOT_FOUND);
        Optional<String> sandbox;
        Participant participant;
        try {
            Workshop workshop = workshops.byId(Long.parseLong(path.group(1)));
            if (!workshop.labIds().contains(path.group(3))) return refuse(response, HttpStatus.NOT_FOUND);
            participant = workshops.participant(workshop, Long.parseLong(path.group(2)));
            sandbox = sandboxes.readyId(participant.learnerId(), path.group(3));
            if (sandbox.isEmpty() || agent.terminals(sandbox.get()).stream().noneMatch(t -> TERMINAL.equals(t.name()))) {
                return refuse(response, HttpStatus.NOT_FOUND);
            }
        } catch (WorkshopNotFoundException e) {
            return refuse(response, HttpStatus.NOT_FOUND);
        } catch (AgentException e) {
            return refuse(response, HttpStatus.SERVICE_UNAVAILABLE);
        }
        String asked = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams().getFirst("mode");
        boolean share = "share".equals(asked) && consent.allows(participant.learnerId());
        attributes.put(TerminalAccess.SANDBOX, sandbox.get());
        attributes.put(TerminalAccess.TERMINAL, TERMINAL);
        attributes.put(TerminalAccess.COLS, 120);   // ignored by the agent for watchers
        attributes.put(TerminalAccess.ROWS, 30);
        attributes.put(TerminalAccess.MODE, share ? "share" : "watch");
        attributes.put(LEARNER, participant.learnerId());
        return true;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }

    private static boolean refuse(ServerHttpResponse response, HttpStatus status) {
        response.setStatusCode(status);
        return false;
    }
}
