package io.isolab.learner;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The learner a request acts for: the random id in the {@code isolab_learner} cookie for anonymous
 * browsers, or the account's own learner id once signed in (see io.isolab.accounts).
 */
public record Learner(String id) {

    static final String ATTRIBUTE = Learner.class.getName();
    static final String ANONYMOUS = ATTRIBUTE + ".anonymous";

    /** The browser's anonymous learner (its cookie), whether or not someone is signed in. */
    public static Learner anonymous(HttpServletRequest request) {
        Object learner = request.getAttribute(ANONYMOUS);
        if (learner instanceof Learner l) return l;
        throw new IllegalStateException("LearnerFilter did not run for " + request.getRequestURI());
    }

    /** Makes {@code learner} the one this request acts for (a signed-in account's learner). */
    public static void actAs(HttpServletRequest request, Learner learner) {
        request.setAttribute(ATTRIBUTE, learner);
    }

    /** The learner the {@link LearnerFilter} attached to this request. */
    public static Learner of(HttpServletRequest request) {
        Object learner = request.getAttribute(ATTRIBUTE);
        if (learner instanceof Learner l) return l;
        throw new IllegalStateException("LearnerFilter did not run for " + request.getRequestURI());
    }
}
