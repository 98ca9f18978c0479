package io.isolab.agent.terminal;

import io.isolab.agent.fixture.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.web.socket.CloseStatus;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Terminals against a real sandbox made by the real lifecycle: a login shell on a PTY through
 * `docker exec`. One sandbox for the class; the last test deletes it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TerminalSocketTest {

    private static TestAgent agent;
    private static Terminals terminals;
    private static String sandbox;

    @BeforeAll
    static void createSandbox() {
        agent = TestAgent.started("terminal", Map.of());
        terminals = agent.bean(Terminals.class);
        sandbox = agent.createSandbox("s-terminal");
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    private static TermClient open(String name, int cols, int rows) throws Exception {
        return TermClient.open(agent, sandbox, name, cols, rows);
    }

    private static Instant lastActive() {
        return Instant.parse(agent.call("GET", "/api/v1/sandboxes/" + sandbox, null).json().get("lastActiveAt").asText());
    }

    @Test
    void echoesInputThroughTheShellWithAPrompt() throws Exception {
        Instant before = lastActive();
        try (TermClient term = open("echo", 100, 30)) {
            term.awaitOutput("root@lab:~# ");
            term.type("echo hello-$((40+2))\r");
            term.awaitOutput("hello-42");
        }
        assertThat(lastActive()).as("attaching counts as activity").isAfter(before);
    }

    @Test
    void sttySizeIsRightAtOnceAndAfterResize() throws Exception {
        try (TermClient term = open("size", 123, 37)) {
            term.type("stty size | sed 's/ /x/'\r");
            term.awaitOutput("37x123");
            term.resize(91, 29);
            term.await(() -> {
                try {
                    term.type("stty size | sed 's/ /y/'\r");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                TermClient.sleep(500);
                return term.output().contains("29y91");
            }, "stty size 29 91 after resize");
        }
    }

    @Test
    void reattachReplaysOutputAndKeepsTheShell() throws Exception {
        try (TermClient first = open("keep", 80, 24)) {
            first.type("export SECRET=kept-$((3*7)); echo marker-$((2*50))\r");
            first.awaitOutput("marker-100");
        }
        try (TermClient again = open("keep", 80, 24)) {
            again.awaitOutput("marker-100"); // replayed
            again.type("echo value=$SECRET\r");
            again.awaitOutput("value=kept-21");
        }
    }

    @Test
    void aSecondViewerOfTheSameNameTakesOverTheShell() throws Exception {
        try (TermClient first = open("shared", 80, 24)) {
            first.type("echo first-$((1+2))\r");
            first.awaitOutput("first-3");
            try (TermClient second = open("shared", 80, 24)) {
                CloseStatus status = first.awaitClose();
                assertThat(status.getReason()).isEqualTo("terminal opened elsewhere");
                second.awaitOutput("first-3");
                second.type("echo second-$((2+3))\r");
                second.awaitOutput("second-5");
            }
        }
    }

    @Test
    void twoNamesAreTwoShells() throws Exception {
        try (TermClient one = open("one", 80, 24);
             TermClient two = open("two", 80, 24)) {
            one.type("echo pid=$$ ; echo one-$((1+1))\r");
            two.type("echo pid=$$ ; echo two-$((2+2))\r");
            one.awaitOutput("one-2");
            two.awaitOutput("two-4");
            String pidOne = pid(one.output());
            String pidTwo = pid(two.output());
            assertThat(pidOne).isNotEqualTo(pidTwo);
            assertThat(terminals.of(sandbox)).extracting(Terminal::name).contains("one", "two");
        }
    }

    @Test
    void unknownSandboxIsClosedAsPolicyViolation() throws Exception {
        try (TermClient term = TermClient.open(agent, "nope0000", "1", 80, 24)) {
            CloseStatus status = term.awaitClose();
            assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            assertThat(status.getReason()).isEqualTo("no such sandbox");
        }
    }

    @Test
    void shellExitClosesTheSocketNormallyAndEndsTheTerminal() throws Exception {
        try (TermClient term = open("bye", 80, 24)) {
            term.awaitOutput("root@lab");
            term.type("exit\r");
            CloseStatus status = term.awaitClose();
            assertThat(status.getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
            assertThat(status.getReason()).isEqualTo("shell exited");
        }
        assertThat(terminals.find(sandbox, "bye")).isEmpty();
    }

    @Test
    void stoppingTheAgentHangsUpTheShellsInsideTheSandbox() throws Exception {
        String shellPid;
        try (TermClient term = open("hangup", 80, 24)) {
            term.type("echo pid=$$ ; echo up-$((3+3))\r");
            term.awaitOutput("up-6");
            shellPid = pid(term.output());
            assertThat(agent.run(sandbox, "kill -0 " + shellPid + " && echo alive")).contains("alive");
            terminals.destroy();
            assertThat(term.awaitClose().getReason()).isEqualTo("agent stopping");
        }
        term(shellPid);
    }

    /** Runs last: it deletes the class's sandbox through the API. */
    @Test
    @Order(Integer.MAX_VALUE)
    void deletingTheSandboxClosesItsTerminalsWithSandboxRemoved() throws Exception {
        try (TermClient a = open("gone-a", 80, 24);
             TermClient b = open("gone-b", 80, 24)) {
            a.awaitOutput("root@lab");
            b.awaitOutput("root@lab");
            assertThat(agent.call("DELETE", "/api/v1/sandboxes/" + sandbox, null).status()).isEqualTo(204);
            CloseStatus statusA = a.awaitClose();
            assertThat(statusA.getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
            assertThat(statusA.getReason()).isEqualTo("sandbox removed");
            assertThat(b.awaitClose().getReason()).isEqualTo("sandbox removed");
        }
        assertThat(terminals.of(sandbox)).isEmpty();
        assertThat(agent.containerNames(true)).isEmpty();
        try (TermClient late = open("late", 80, 24)) {
            assertThat(late.awaitClose().getReason()).isEqualTo("no such sandbox");
        }
    }

    /** Waits for the shell to be gone inside the sandbox (a hung-up bash exits at once). */
    private static void term(String shellPid) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (agent.run(sandbox, "kill -0 " + shellPid + " 2>/dev/null && echo alive || echo gone").contains("alive")) {
            assertThat(System.nanoTime()).as("shell " + shellPid + " to exit").isLessThan(deadline);
            TestAgent.sleep(200);
        }
    }

    private static String pid(String output) {
        var m = java.util.regex.Pattern.compile("pid=(\\d+)").matcher(output);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertThat(last).as("pid in output: " + output).isNotNull();
        return last;
    }
}
