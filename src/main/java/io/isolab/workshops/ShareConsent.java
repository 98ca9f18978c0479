package io.isolab.workshops;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketSession;

/**
 * Whether a learner lets their instructor type into their terminal, and the instructors' share
 * sockets open on it. Withdrawing closes those sockets at once (4001), so typing stops the moment
 * the learner unticks the box; the watch page then watches read-only again. In memory on purpose:
 * after a restart nobody may type until the learner allows it again.
 */
@Component
public class ShareConsent {
    public static final int WITHDRAWN = 4001;
    private final Set<String> allowing = ConcurrentHashMap.newKeySet();
    private final Map<String, Set<WebSocketSession>> sharing = new ConcurrentHashMap<>();

    public boolean allows(String learnerId) {
        return allowing.contains(learnerId);
    }

    public void set(String learnerId, boolean allow) {
        if (allow) {
            allowing.add(learnerId);
            return;
        }
        allowing.remove(learnerId);
        Set<WebSocketSession> open = sharing.remove(learnerId);
        if (open == null) return;
        for (WebSocketSession session : open) {
            try {
                session.close(new CloseStatus(WITHDRAWN, "the learner stopped letting you type"));
            } catch (IOException ignored) {
                // Already closed.
            }
        }
    }

    /** Registers an instructor's share socket; false (and not registered) when consent is gone meanwhile. */
    boolean opened(String learnerId, WebSocketSession session) {
        sharing.computeIfAbsent(learnerId, k -> ConcurrentHashMap.newKeySet()).add(session);
        if (allows(learnerId)) return true;
        closed(learnerId, session);
        return false;
    }

    void closed(String learnerId, WebSocketSession session) {
        sharing.computeIfPresent(learnerId, (k, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }
}
