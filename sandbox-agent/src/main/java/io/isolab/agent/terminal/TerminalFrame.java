package io.isolab.agent.terminal;

/** The one-byte command prefixes of the terminal protocol (as ttyd). */
final class TerminalFrame {

    static final byte INPUT_OUTPUT = '0';
    static final byte RESIZE = '1';
    static final byte PAUSE = '2';
    static final byte RESUME = '3';

    private TerminalFrame() {
    }
}
