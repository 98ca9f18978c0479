package io.isolab.checks;

import java.util.List;
import java.util.regex.Pattern;

/** The learner types a value that must equal the one read live at the moment of the check. */
public record AnswerCheck(String prompt, Source source, Normalize normalize) implements Check {

    public enum Normalize { INT, HEX, TEXT }

    /** Where the right value comes from. */
    public sealed interface Source permits PidOf, NsOf, CapEffOf, Script, Fixed {
    }

    /** The pid, as seen inside the sandbox (what ps there shows), of a process matching {@code command}. */
    public record PidOf(Pattern command) implements Source {
    }

    /** The inode number of the {@code type} namespace of {@code target}. */
    public record NsOf(String type, Target target) implements Source {
    }

    /** The effective capability mask (CapEff) of a process matching {@code command}. */
    public record CapEffOf(Pattern command) implements Source {
    }

    /** What a shell command prints inside the sandbox (trimmed). */
    public record Script(String run) implements Source {
    }

    /**
     * A fixed right answer (Katacoda quizzes). exact/single: the answer equals {@code expected};
     * contains: the answer contains it; multiple: the comma-separated answer names exactly the
     * expected options. Case and surrounding blanks do not matter.
     */
    public record Fixed(List<String> expected, Match match, List<String> options) implements Source {
    }

    public enum Match { EXACT, CONTAINS, SINGLE, MULTIPLE }

    @Override
    public String label() {
        return "your answer to \"" + prompt + "\"";
    }
}
