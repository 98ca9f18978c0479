package io.isolab.labtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class TranscriptTest {

    private static void print(Transcript t, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        t.append(b, 0, b.length);
    }

    @Test
    void settlesOnceOutputAfterTheMarkStops() throws Exception {
        Transcript t = new Transcript(1024);
        long mark = t.mark();
        Thread printer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 5; i++) {
                print(t, "line " + i + "\r\n");
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        boolean settled = t.awaitQuiet(mark, Duration.ofMillis(300), Duration.ofSeconds(60));
        printer.join();
        assertThat(settled).isTrue();
        assertThat(t.mark()).isGreaterThan(mark);
        assertThat(t.tail(10)).contains("line 0").contains("line 4");
    }

    @Test
    void givesUpAtTheCapWhileOutputNeverStops() throws Exception {
        Transcript t = new Transcript(1024);
        AtomicBoolean stop = new AtomicBoolean();
        Thread flood = Thread.ofVirtual().start(() -> {
            while (!stop.get()) {
                print(t, "y\n");
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        try {
            // quiet is far longer than the printer's pauses, so only the cap can end the wait
            assertThat(t.awaitQuiet(t.mark(), Duration.ofSeconds(5), Duration.ofSeconds(1))).isFalse();
        } finally {
            stop.set(true);
            flood.join();
        }
    }

    @Test
    void withoutAnyEchoItStillSettles() throws Exception {
        Transcript t = new Transcript(1024);
        assertThat(t.awaitQuiet(t.mark(), Duration.ofMillis(100), Duration.ofSeconds(60))).isTrue();
    }

    @Test
    void keepsOnlyTheMostRecentBytesButCountsAll() {
        Transcript t = new Transcript(100);
        for (int i = 0; i < 1000; i++) print(t, "row " + i + "\n");
        assertThat(t.mark()).isGreaterThan(5000);
        assertThat(t.tail(3)).isEqualTo("row 997\nrow 998\nrow 999");
        assertThat(t.tail(1000)).doesNotContain("row 1\n");
    }

    @Test
    void screenTextDropsEscapesAndAppliesCarriageReturnsAndBackspaces() {
        String raw = "\u001B]0;root@sandbox: ~\u0007\u001B[01;32mroot@sandbox\u001B[00m:~# ls\r\n"
                + "Downloading 10%\rDownloading 100%\r\n"
                + "\u001B[?2004habc\b\bd\r\n";
        assertThat(Transcript.screenText(raw)).isEqualTo("root@sandbox:~# ls\nDownloading 100%\nad\n");
    }
}
