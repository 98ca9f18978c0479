package io.isolab.agent.exec;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;

/** Collects an exec's multiplexed output into stdout and stderr, each capped so a chatty command cannot exhaust memory. */
final class OutputCollector extends ResultCallback.Adapter<Frame> {

    static final int MAX_BYTES = 1024 * 1024;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @Override
    public void onNext(Frame frame) {
        ByteArrayOutputStream target = frame.getStreamType() == StreamType.STDERR ? stderr : stdout;
        synchronized (this) {
            int room = MAX_BYTES - target.size();
            if (room > 0) {
                byte[] payload = frame.getPayload();
                target.write(payload, 0, Math.min(room, payload.length));
            }
        }
    }

    synchronized String stdout() {
        return stdout.toString(StandardCharsets.UTF_8);
    }

    synchronized String stderr() {
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
