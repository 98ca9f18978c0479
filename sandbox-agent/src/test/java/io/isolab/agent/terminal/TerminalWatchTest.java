package io.isolab.agent.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import io.isolab.agent.fixture.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.CloseStatus;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Watchers (workshop trainers) on a learner's terminal, against one real sandbox for the class. */
class TerminalWatchTest {

    private static TestAgent agent;
    private static Terminals terminals;
    private static String sandbox;

    @BeforeAll
    static void createSandbox() {
        agent = TestAgent.started("watch", Map.of());
        terminals = agent.bean(Terminals.class);
        sandbox = agent.createSandbox("s-watch");
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    private static TermClient learner(String name) throws Exception {
        return TermClient.open(agent, sandbox, name, 80, 24);
    }

    private static TermClient watcher(String name, String mode) throws Exception {
        return TermClient.watch(agent, sandbox, name, mode);
    }

    /** The terminal's entry in GET .../terminals, or null. */
    private static JsonNode listed(String name) {
        TestAgent.Answer a = agent.call("GET", "/api/v1/sandboxes/" + sandbox + "/terminals", null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        for (JsonNode t : a.json()) {
            if (t.get("name").asText().equals(name)) {
                return t;
            }
        }
        return null;
    }

    private static void awaitWatchers(String name, int count) {
        TestAgent.await(name + " with " + count + " watchers", Duration.ofSeconds(90), () -> {
            JsonNode t = listed(name);
            return t != null && t.get("watchers").asInt() == count;
        });
    }

    @Test
    void aWatcherGetsReplayAndLiveOutputButCannotTypeOrTakeOver() throws Exception {
        try (TermClient learner = learner("w-read")) {
            learner.type("echo before-$((2*3))\r");
            learner.awaitOutput("before-6");
            try (TermClient watcher = watcher("w-read", "watch")) {
                watcher.awaitOutput("before-6"); // replayed
                awaitWatchers("w-read", 1);
                assertThat(listed("w-read").get("attached").asBoolean()).isTrue();
                learner.type("echo live-$((3*4))\r");
                watcher.awaitOutput("live-12");
                watcher.type("touch /tmp/watcher-typed; echo typed-$((9*9))\r");
                learner.type("echo sync-$((5*5))\r");
                learner.awaitOutput("sync-25");
                watcher.awaitOutput("sync-25");
                assertThat(learner.output()).doesNotContain("typed-81");
                assertThat(agent.run(sandbox, "test -e /tmp/watcher-typed && echo yes || echo no")).contains("no");
                assertThat(learner.isOpen()).as("the learner keeps the terminal").isTrue();
            }
            awaitWatchers("w-read", 0);
        }
        TestAgent.await("learner detached", Duration.ofSeconds(90),
                () -> !listed("w-read").get("attached").asBoolean());
    }

    @Test
    void aWatcherCanNeitherPauseNorResizeTheLearnersTerminal() throws Exception {
        try (TermClient learner = learner("w-pause")) {
            learner.type("echo up-$((1+1))\r");
            learner.awaitOutput("up-2");
            TermClient watcher = watcher("w-pause", "watch");
            watcher.awaitOutput("up-2");
            watcher.pause();
            watcher.resize(50, 10);
            learner.type("seq 1 3000 | tail -n 1; stty size | sed 's/ /x/'\r");
            learner.awaitOutput("24x80");
            learner.awaitOutput("3000");
            watcher.awaitOutput("24x80");
            watcher.close();
        }
    }

    @Test
    void aShareWatcherTypesIntoTheLearnersShell() throws Exception {
        try (TermClient learner = learner("w-share")) {
            learner.awaitOutput("root@lab");
            TermClient helper = watcher("w-share", "share");
            awaitWatchers("w-share", 1);
            helper.type("echo shared-$((8*8))\r");
            learner.awaitOutput("shared-64");
            helper.awaitOutput("shared-64");
            assertThat(learner.isOpen()).isTrue();
            helper.close();
        }
    }

    @Test
    void watchingAMissingTerminalIsRefusedAndStartsNoShell() throws Exception {
        try (TermClient watcher = watcher("nobody", "watch")) {
            CloseStatus status = watcher.awaitClose();
            assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            assertThat(status.getReason()).isEqualTo("no such terminal");
        }
        assertThat(terminals.find(sandbox, "nobody")).isEmpty();
        assertThat(listed("nobody")).isNull();
        try (TermClient bad = watcher("nobody", "spy")) {
            assertThat(bad.awaitClose().getReason()).startsWith("bad mode");
        }
        assertThat(agent.call("GET", "/api/v1/sandboxes/nope0000/terminals", null).status()).isEqualTo(404);
    }

    @Test
    void severalWatchersCloseWhenTheShellEnds() throws Exception {
        try (TermClient learner = learner("w-end")) {
            learner.awaitOutput("root@lab");
            TermClient one = watcher("w-end", "watch");
            TermClient two = watcher("w-end", "share");
            awaitWatchers("w-end", 2);
            learner.type("echo bye-$((4*4)); exit\r");
            one.awaitOutput("bye-16");
            for (TermClient client : new TermClient[] {learner, one, two}) {
                CloseStatus status = client.awaitClose();
                assertThat(status.getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
                assertThat(status.getReason()).isEqualTo("shell exited");
            }
        }
        assertThat(listed("w-end")).isNull();
    }

    /** A watcher whose socket is never read falls behind; it is dropped, the learner's output keeps flowing. */
    @Test
    void aStuckWatcherIsDroppedWithoutSlowingTheLearner() throws Exception {
        try (TermClient learner = learner("w-slow")) {
            learner.awaitOutput("root@lab");
            Socket stuck = stuckWatcher("w-slow");
            awaitWatchers("w-slow", 1);
            learner.type("head -c 40000000 /dev/zero | tr '\\0' x; echo; echo flood-$((6*7))\r");
            learner.awaitOutput("flood-42");
            awaitWatchers("w-slow", 0);
            assertThat(learner.isOpen()).isTrue();
            stuck.close();
        }
    }

    /** A raw WebSocket handshake, then nothing is ever read: the agent's sends to it pile up. */
    private static Socket stuckWatcher(String name) throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", agent.port()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/v1/sandboxes/" + sandbox + "/terminals/" + name + "?mode=watch&token=" + TestAgent.TOKEN
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("handshake answer: " + head).isNotNegative();
            head.append((char) b);
        }
        assertThat(head.toString()).startsWith("HTTP/1.1 101");
        return socket;
    }
}
