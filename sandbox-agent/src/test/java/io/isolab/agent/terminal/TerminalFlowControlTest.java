package io.isolab.agent.terminal;

import io.isolab.agent.fixture.LabSandbox;
import io.isolab.agent.fixture.TestAgent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.lang.management.ManagementFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause/resume reaches the PTY reader: a flood neither grows memory nor keeps flowing while paused. */
@SpringBootTest(classes = TestAgent.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TerminalFlowControlTest {

    private static final long MIB = 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    Terminals terminals;

    private final String sandbox = LabSandbox.shared().ref().id();

    @Test
    void pauseStopsOutputAndThePtyReaderAndResumeContinues() throws Exception {
        try (TermClient term = TermClient.open(port, sandbox, "flood", 80, 24)) {
            term.awaitOutput("root@lab");
            Terminal terminal = terminals.find(sandbox, "flood").orElseThrow();
            term.type("yes flood-line\r");
            term.await(() -> term.received() > 2 * MIB, "2 MiB of output");

            term.pause();
            awaitReaderStopped(term, terminal);
            long readWhilePaused = terminal.bytesRead();
            long receivedWhilePaused = term.received();
            TermClient.sleep(3000); // yes keeps trying to write all along
            assertThat(terminal.bytesRead()).isEqualTo(readWhilePaused);
            assertThat(term.received()).isEqualTo(receivedWhilePaused);

            term.resume();
            term.await(() -> term.received() > receivedWhilePaused + 2 * MIB, "output after resume");
            term.type("\u0003");
            term.type("echo stopped-$((6*6))\r");
            term.awaitOutput("stopped-36");
        }
    }

    @Test
    void aLargeFloodWithPausesKeepsTheAgentHeapBounded() throws Exception {
        long baseline = heapUsedAfterGc();
        long peak = baseline;
        try (TermClient term = TermClient.open(port, sandbox, "bigflood", 80, 24)) {
            term.awaitOutput("root@lab");
            Terminal terminal = terminals.find(sandbox, "bigflood").orElseThrow();
            term.type("yes | head -c 200M; echo flood-done-$((5*5))\r");
            long nextPause = 20 * MIB;
            while (!term.output().contains("flood-done-25")) {
                if (term.received() >= nextPause) {
                    term.pause();
                    awaitReaderStopped(term, terminal);
                    peak = Math.max(peak, heapUsedAfterGc());
                    term.resume();
                    nextPause += 20 * MIB;
                }
                TermClient.sleep(20);
                assertThat(term.isOpen()).as("socket open").isTrue();
            }
            assertThat(terminal.bytesRead()).isGreaterThanOrEqualTo(200 * MIB);
        }
        peak = Math.max(peak, heapUsedAfterGc());
        assertThat(peak - baseline).as("heap growth while streaming 200 MiB").isLessThan(64 * MIB);
    }

    /** Waits until the PTY reader has read nothing for a while (it stops once paused). */
    private static void awaitReaderStopped(TermClient term, Terminal terminal) {
        long[] last = {-1};
        term.await(() -> {
            long now = terminal.bytesRead();
            boolean flat = now == last[0];
            last[0] = now;
            if (!flat) {
                TermClient.sleep(700);
            }
            return flat;
        }, "the PTY reader to stop while paused");
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
