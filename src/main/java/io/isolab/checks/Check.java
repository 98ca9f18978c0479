package io.isolab.checks;

/**
 * A condition after {@link ConditionParser} gave it a type: one record per kind of docs/lab-format.md.
 * {@link #label()} says in plain words what is checked.
 */
public sealed interface Check permits ProcessCheck, NamespaceCheck, CgroupCheck, ContainerCheck, ImageCheck,
        NetworkCheck, VolumeCheck, FileCheck, HttpCheck, AnswerCheck, ScriptCheck {

    String label();

    /** `text` in backticks, as the learner-facing texts quote names and commands. */
    static String code(Object text) {
        return "`" + text + "`";
    }
}
