package io.isolab.agent.terminal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue between PTY reader and sender: coalesces, stays bounded, drains on finish. */
class OutputQueueTest {

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static String body(byte[] frame) {
        return new String(frame, 1, frame.length - 1, StandardCharsets.US_ASCII);
    }

    @Test
    void whatPiledUpIsTakenAsOneFrameWithTheCommandByte() throws Exception {
        OutputQueue queue = new OutputQueue(16);
        queue.put(bytes("abc"), 0, 3);
        queue.put(bytes("xdefx"), 1, 3);
        byte[] frame = queue.take((byte) '0');
        assertThat(frame[0]).isEqualTo((byte) '0');
        assertThat(body(frame)).isEqualTo("abcdef");
    }

    @Test
    void keepsOrderAcrossTheRingsWrap() throws Exception {
        OutputQueue queue = new OutputQueue(8);
        queue.put(bytes("123456"), 0, 6);
        assertThat(body(queue.take((byte) '0'))).isEqualTo("123456");
        queue.put(bytes("abcdefgh"), 0, 8);
        assertThat(body(queue.take((byte) '0'))).isEqualTo("abcdefgh");
    }

    @Test
    void aFullQueueHoldsTheReaderUntilTheSenderTakes() throws Exception {
        OutputQueue queue = new OutputQueue(4);
        CompletableFuture<Boolean> put = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.put(bytes("abcdefghij"), 0, 10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        StringBuilder taken = new StringBuilder();
        while (taken.length() < 10) {
            byte[] frame = queue.take((byte) '0');
            assertThat(frame.length - 1).as("a frame never exceeds the capacity").isBetween(1, 4);
            taken.append(body(frame));
        }
        assertThat(put.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(taken).hasToString("abcdefghij");
    }

    @Test
    void finishDrainsWhatIsQueuedThenEndsAndReleasesABlockedReader() throws Exception {
        OutputQueue queue = new OutputQueue(4);
        queue.put(bytes("abcd"), 0, 4);
        CompletableFuture<Boolean> blocked = CompletableFuture.supplyAsync(() -> {
            try {
                return queue.put(bytes("more"), 0, 4);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        queue.finish();
        assertThat(blocked.get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(body(queue.take((byte) '0'))).isEqualTo("abcd");
        assertThat(queue.take((byte) '0')).isNull();
    }

    @Test
    void aBigReadIsHeldBackOnlyBrieflyAndAShortReadEndsTheHold() throws Exception {
        OutputQueue queue = new OutputQueue(64 * 1024);
        byte[] bulk = new byte[OutputQueue.BULK_READ];
        queue.put(bulk, 0, bulk.length);
        // nothing follows the big read: it still goes out (after the short hold), never waits for more
        assertThat(queue.take((byte) '0')).hasSize(bulk.length + 1);
        queue.put(bulk, 0, bulk.length);
        queue.put(bytes("$ "), 0, 2);
        assertThat(queue.take((byte) '0')).as("big read and the prompt after it, one frame").hasSize(bulk.length + 3);
    }
}
