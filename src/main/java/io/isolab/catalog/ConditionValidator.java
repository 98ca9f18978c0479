package io.isolab.catalog;

import java.util.List;

/**
 * Finds authoring mistakes in a condition (unknown kind or parameter, wrong type). The checks
 * package knows the kinds; the catalog asks it so a broken check is reported with its file and
 * line when the lab loads, not when a learner clicks Check.
 */
@FunctionalInterface
public interface ConditionValidator {

    ConditionValidator NONE = condition -> List.of();

    /** Each problem as {@code labs/<id>/<file>:<line>: message}; empty when the condition is fine. */
    List<String> problems(Condition condition);
}
