package io.isolab.agent.terminal;

import io.isolab.agent.fixture.TestAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pause/resume reaches the PTY reader: a flood neither grows memory nor keeps flowing while paused. */
class TerminalFlowControlTest {

    private static final long MIB = 1024 * 1024;
    /** Big enough that an unbounded buffer would show in the heap; the test measures memory, not speed. */
    private static final long FLOOD = 50 * MIB;

    private static TestAgent agent;
    private static Terminals terminals;
    private static String sandbox;

    @BeforeAll
    static void createSandbox() {
        agent = TestAgent.started("flow", Map.of());
        terminals = agent.bean(Terminals.class);
        sandbox = agent.createSandbox("s-flow");
    }

    @AfterAll
    static void cleanUp() {
        if (agent != null) {
            agent.cleanUp();
        }
    }

    private static TermClient open(String name) throws Exception {
        return TermClient.open(agent, sandbox, name, 80, 24);
    }

    @Test
    void pauseStopsOutputAndThePtyReaderAndResumeContinues() throws Exception {
        try (TermClient term = open("flood")) {
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
        try (TermClient term = open("bigflood")) {
            term.awaitOutput("root@lab");
            Terminal terminal = terminals.find(sandbox, "bigflood").orElseThrow();
            term.type("yes | head -c " + FLOOD / MIB + "M; echo flood-done-$((5*5))\r");
            long nextPause = 10 * MIB;
            long deadline = System.nanoTime() + 600_000_000_000L; // generous: the box is shared
            while (!term.output().contains("flood-done-25")) {
                if (term.received() >= nextPause) {
                    term.pause();
                    awaitReaderStopped(term, terminal);
                    peak = Math.max(peak, heapUsedAfterGc());
                    term.resume();
                    nextPause += 10 * MIB;
                }
                TermClient.sleep(20);
                assertThat(term.isOpen()).as("socket open").isTrue();
                assertThat(System.nanoTime()).as("flood done in time, %d bytes so far", term.received()).isLessThan(deadline);
            }
            assertThat(terminal.bytesRead()).isGreaterThanOrEqualTo(FLOOD);
        }
        peak = Math.max(peak, heapUsedAfterGc());
        // well below the flood: holding the flood (or most of it) anywhere would fail this
        assertThat(peak - baseline).as("heap growth while streaming %d MiB", FLOOD / MIB).isLessThan(FLOOD * 2 / 3);
    }

    @Test
    void withNobodyAttachedTheReaderStopsOnceAReplayBufferOfOutputPiledUp() throws Exception {
        Terminal terminal;
        long atDetach;
        try (TermClient term = open("unseen")) {
            term.awaitOutput("root@lab");
            terminal = terminals.find(sandbox, "unseen").orElseThrow();
            term.type("yes unseen-line\r");
            term.await(() -> term.received() > MIB, "1 MiB of output");
            atDetach = terminal.bytesRead();
        }
        awaitReaderStopped(null, terminal);
        long stoppedAt = terminal.bytesRead();
        TermClient.sleep(3000);
        assertThat(terminal.bytesRead()).isEqualTo(stoppedAt);
        // It kept reading until a replay buffer's worth went unseen, then stopped. Bytes still in the
        // output queue at the detach were read before `atDetach` but count as unseen when sent, so the
        // reader may read up to one queue (a frame) less than the replay buffer after the detach.
        assertThat(stoppedAt - atDetach)
                .isGreaterThanOrEqualTo(Terminal.REPLAY_BYTES - Terminal.FRAME_OUTPUT_BYTES)
                .isLessThan(8 * MIB);

        try (TermClient again = open("unseen")) {
            again.await(() -> again.received() > 2 * MIB, "output flowing again after reattach");
            again.type("\u0003");
            again.type("echo calm-$((7*7))\r");
            again.awaitOutput("calm-49");
        }
    }

    /** Waits until the PTY reader has read nothing for a while (it stops once paused). */
    private static void awaitReaderStopped(TermClient term, Terminal terminal) {
        long[] last = {-1};
        long deadline = System.nanoTime() + 90_000_000_000L;
        java.util.function.BooleanSupplier stopped = () -> {
            long now = terminal.bytesRead();
            boolean flat = now == last[0];
            last[0] = now;
            if (!flat) {
                TermClient.sleep(700);
            }
            return flat;
        };
        while (!stopped.getAsBoolean()) {
            assertThat(System.nanoTime()).as("the PTY reader to stop").isLessThan(deadline);
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
