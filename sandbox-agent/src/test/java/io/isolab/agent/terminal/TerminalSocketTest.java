package io.isolab.agent.terminal;

import io.isolab.agent.fixture.FixtureSandboxLookup;
import io.isolab.agent.fixture.LabSandbox;
import io.isolab.agent.fixture.TestAgent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Terminals against a real sandbox: a login shell on a PTY through `docker exec`. */
@SpringBootTest(classes = TestAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TerminalSocketTest {

    @LocalServerPort
    int port;
    @Autowired
    Terminals terminals;
    @Autowired
    FixtureSandboxLookup lookup;

    private final String sandbox = LabSandbox.shared().ref().id();

    @Test
    void echoesInputThroughTheShellWithAPrompt() throws Exception {
        int touchesBefore = lookup.touches(sandbox);
        try (TermClient term = TermClient.open(port, sandbox, "echo", 100, 30)) {
            term.awaitOutput("root@lab:~# ");
            term.type("echo hello-$((40+2))\r");
            term.awaitOutput("hello-42");
        }
        assertThat(lookup.touches(sandbox)).isGreaterThan(touchesBefore);
    }

    @Test
    void sttySizeIsRightAtOnceAndAfterResize() throws Exception {
        try (TermClient term = TermClient.open(port, sandbox, "size", 123, 37)) {
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
        try (TermClient first = TermClient.open(port, sandbox, "keep", 80, 24)) {
            first.type("export SECRET=kept-$((3*7)); echo marker-$((2*50))\r");
            first.awaitOutput("marker-100");
        }
        try (TermClient again = TermClient.open(port, sandbox, "keep", 80, 24)) {
            again.awaitOutput("marker-100"); // replayed
            again.type("echo value=$SECRET\r");
            again.awaitOutput("value=kept-21");
        }
    }

    @Test
    void aSecondViewerOfTheSameNameTakesOverTheShell() throws Exception {
        try (TermClient first = TermClient.open(port, sandbox, "shared", 80, 24)) {
            first.type("echo first-$((1+2))\r");
            first.awaitOutput("first-3");
            try (TermClient second = TermClient.open(port, sandbox, "shared", 80, 24)) {
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
        try (TermClient one = TermClient.open(port, sandbox, "one", 80, 24);
             TermClient two = TermClient.open(port, sandbox, "two", 80, 24)) {
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
        try (TermClient term = TermClient.open(port, "nope0000", "1", 80, 24)) {
            CloseStatus status = term.awaitClose();
            assertThat(status.getCode()).isEqualTo(CloseStatus.POLICY_VIOLATION.getCode());
            assertThat(status.getReason()).isEqualTo("no such sandbox");
        }
    }

    @Test
    void shellExitClosesTheSocketNormallyAndEndsTheTerminal() throws Exception {
        try (TermClient term = TermClient.open(port, sandbox, "bye", 80, 24)) {
            term.awaitOutput("root@lab");
            term.type("exit\r");
            CloseStatus status = term.awaitClose();
            assertThat(status.getCode()).isEqualTo(CloseStatus.NORMAL.getCode());
            assertThat(status.getReason()).isEqualTo("shell exited");
        }
        assertThat(terminals.find(sandbox, "bye")).isEmpty();
    }

    @Test
    void closeAllEndsEveryTerminalOfTheSandbox() throws Exception {
        try (TermClient a = TermClient.open(port, sandbox, "gone-a", 80, 24);
             TermClient b = TermClient.open(port, sandbox, "gone-b", 80, 24)) {
            a.awaitOutput("root@lab");
            b.awaitOutput("root@lab");
            terminals.closeAll(sandbox);
            assertThat(a.awaitClose().getReason()).isEqualTo("sandbox removed");
            assertThat(b.awaitClose().getReason()).isEqualTo("sandbox removed");
        }
        assertThat(terminals.of(sandbox)).isEmpty();
    }

    @Test
    void stoppingTheAgentHangsUpTheShellsInsideTheSandbox() throws Exception {
        String shellPid;
        try (TermClient term = TermClient.open(port, sandbox, "hangup", 80, 24)) {
            term.type("echo pid=$$ ; echo up-$((3+3))\r");
            term.awaitOutput("up-6");
            shellPid = pid(term.output());
            assertThat(LabSandbox.shared().exec("kill -0 " + shellPid + " && echo alive")).contains("alive");
            terminals.destroy();
            assertThat(term.awaitClose().getReason()).isEqualTo("agent stopping");
        }
        term(shellPid);
    }

    /** Waits for the shell to be gone inside the sandbox (a hung-up bash exits at once). */
    private static void term(String shellPid) {
        long deadline = System.nanoTime() + 90_000_000_000L;
        while (LabSandbox.shared().exec("kill -0 " + shellPid + " 2>/dev/null && echo alive || echo gone").contains("alive")) {
            assertThat(System.nanoTime()).as("shell " + shellPid + " to exit").isLessThan(deadline);
            TermClient.sleep(200);
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
