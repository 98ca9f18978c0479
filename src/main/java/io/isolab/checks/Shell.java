package io.isolab.checks;

/** Quoting for values that go into the shell commands checks run inside the sandbox. */
final class Shell {
    private Shell() {
    }

    /** One single-quoted shell word, whatever the text holds. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
