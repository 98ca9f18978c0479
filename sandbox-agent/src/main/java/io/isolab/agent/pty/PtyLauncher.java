package io.isolab.agent.pty;

import com.pty4j.PtyProcessBuilder;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Starts processes on a fresh PTY, already at their initial window size. */
@Component
public class PtyLauncher {

    /**
     * The size is set before the process starts, so a program that asks right away
     * (`stty size`, a full-screen editor) sees the browser's size, not 80x24.
     */
    public PtyShell start(List<String> command, Map<String, String> extraEnv, PtySize size) throws IOException {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("TERM", "xterm-256color");
        env.putAll(extraEnv);
        var process = new PtyProcessBuilder(command.toArray(String[]::new))
                .setEnvironment(env)
                .setInitialColumns(size.cols())
                .setInitialRows(size.rows())
                .setConsole(false)
                .setRedirectErrorStream(true)
                .start();
        return new PtyShell(process);
    }
}
