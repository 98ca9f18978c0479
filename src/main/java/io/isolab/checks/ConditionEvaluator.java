package io.isolab.checks;

/** Decides one typed condition against a sandbox view. */
public final class ConditionEvaluator {
    private ConditionEvaluator() {
    }

    /** @param answer what the learner typed, for answer conditions (else ignored) */
    public static Outcome evaluate(Check check, SandboxView view, String answer) {
        return switch (check) {
            case ProcessCheck c -> ProcessRules.process(view, c);
            case NamespaceCheck c -> ProcessRules.namespace(view, c);
            case CgroupCheck c -> CgroupRules.cgroup(view, c);
            case ContainerCheck c -> ContainerRules.container(view, c);
            case ImageCheck c -> ImageRules.image(view, c);
            case NetworkCheck c -> ImageRules.network(view, c);
            case VolumeCheck c -> ImageRules.volume(view, c);
            case FileCheck c -> FileRules.file(view, c);
            case HttpCheck c -> FileRules.http(view, c);
            case AnswerCheck c -> AnswerRules.answer(view, c, answer);
            case ScriptCheck c -> ScriptRules.script(view, c);
        };
    }
}
